package org.cml4j.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cml4j.bench.ProgressListener;

/**
 * Progress bar on stderr (task name, count, ETA). On a terminal it redraws in place; otherwise (CI
 * logs, pipes) it prints a plain line every few seconds and a final line, never control characters.
 */
public final class ConsoleProgress implements ProgressListener {
  private final PrintStream out;
  private final boolean terminal;
  private final boolean quiet;
  private ProgressBar bar;

  public ConsoleProgress(PrintStream out, boolean terminal, boolean quiet) {
    this.out = out;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  /** On System.err; terminal when the JVM has a console. */
  public static ConsoleProgress stderr(boolean quiet) {
    return new ConsoleProgress(System.err, System.console() != null, quiet);
  }

  @Override
  public synchronized void begin(String task, int total) {
    begin(task, total, " starts");
  }

  @Override
  public synchronized void begin(String task, int total, String unit) {
    if (quiet) {
      return;
    }
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setUnit(unit, 1);
    if (terminal) {
      b.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
          .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(250);
    } else {
      String[] last = {null};
      b.setStyle(ProgressBarStyle.ASCII).setConsumer(new DelegatingProgressBarConsumer(line -> {
        String l = line.trim();
        if (!l.equals(last[0])) {
          out.println(l);
          last[0] = l;
        }
      }, 100)).setUpdateIntervalMillis(10_000);
    }
    bar = b.build();
  }

  @Override
  public synchronized void done(int finished) {
    if (bar != null) {
      bar.stepTo(finished);
    }
  }

  @Override
  public synchronized void end() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  @Override
  public synchronized void status(String text) {
    if (bar != null) {
      bar.setExtraMessage(text);
    }
  }

  @Override
  public synchronized void message(String text) {
    if (!quiet) {
      out.println(text);
    }
  }
}
