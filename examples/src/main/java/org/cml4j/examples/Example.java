package org.cml4j.examples;

import java.util.function.Consumer;

/**
 * One runnable example of a coupling mode: the {@code main} of a class in
 * {@code org.cml4j.examples.<paradigm>}, run by {@code ./cml4j example NAME [ARGS...]}.
 *
 * @param name short name, e.g. {@code "gap-fill"}
 * @param mode coupling mode of Shen et al. (2023), 1–10
 * @param mainClass the class whose {@code main} runs the example (documentation)
 * @param arguments usage of the optional arguments, e.g. {@code "[seed]"}
 * @param summary one line: what it compares
 * @param main the example's {@code main}
 */
public record Example(String name, int mode, String mainClass, String arguments, String summary,
    Consumer<String[]> main) {}
