package org.cml4j.examples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a runnable example class (one with {@code public static void main(String[])}) for the
 * list {@link Examples#ALL} and {@code ./cml4j example}: the description lives on the example.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExampleInfo {
  /** Usage of the data-directory argument shared by the examples on real sites. */
  String DATA = "[data dir, default ../shared/data]";

  /** Short name, e.g. {@code "gap-fill"}. */
  String name();

  /** Coupling mode of Shen et al. (2023), 1–10. */
  int mode();

  /** Usage of the optional arguments, e.g. {@code "[seed]"}; empty if none. */
  String arguments() default "";

  /** One line: what it compares. */
  String summary();
}
