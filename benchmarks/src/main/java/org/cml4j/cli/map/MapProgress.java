package org.cml4j.cli.map;

import org.cml4j.bench.ProgressListener;
import org.cml4j.lsm.regional.RegionalMapping;

/** Turns the progress of {@link RegionalMapping} (columns done) into the console progress bar. */
final class MapProgress implements RegionalMapping.Listener {
  private final ProgressListener progress;
  private final String task;
  private int done;

  MapProgress(ProgressListener progress, String task) {
    this.progress = progress;
    this.task = task;
  }

  @Override
  public void begin(int total, int alreadyDone) {
    done = alreadyDone;
    progress.begin(task, total, " columns");
    progress.done(done);
  }

  @Override
  public void columnsDone(int n) {
    done += n;
    progress.done(done);
  }

  @Override
  public void message(String text) {
    progress.message(text);
  }

  @Override
  public void end() {
    progress.end();
  }
}
