package org.cml4j.examples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
    Consumer<String[]> main) {

  /**
   * The example described by the {@link ExampleInfo} of {@code type} and run by its
   * {@code public static void main(String[])}; fails at once (when {@link Examples#ALL} is built)
   * if the class lacks either.
   */
  static Example of(Class<?> type) {
    ExampleInfo info = type.getAnnotation(ExampleInfo.class);
    if (info == null) {
      throw new IllegalStateException(type.getName() + " has no @ExampleInfo");
    }
    Method main;
    try {
      main = type.getMethod("main", String[].class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getName() + " has no public main(String[])", e);
    }
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new IllegalStateException(type.getName() + ".main is not static");
    }
    return new Example(info.name(), info.mode(), type.getName(), info.arguments(), info.summary(),
        args -> run(main, args));
  }

  private static void run(Method main, String[] args) {
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
