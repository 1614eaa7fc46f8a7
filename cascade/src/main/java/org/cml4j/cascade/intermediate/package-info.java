/**
 * Mode 2 intermediate-variable passing: physics intermediates feed a learner for Qh and Qle.
 */
package org.cml4j.cascade.intermediate;
