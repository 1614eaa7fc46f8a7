package example;

import org.cml4j.core.registry.Cml4j;
import org.cml4j.core.spi.CouplingSolution;
import org.cml4j.core.spi.CouplingTask;
import org.cml4j.testbeds.tasks.TaskCatalog;

/** Uses cml4j as a library: the task catalog (commons-csv/commons-io) and a registered coupling. */
public final class Downstream {
  public static void main(String[] args) {
    CouplingTask task = TaskCatalog.tiny(null, 42).task("twin").task();
    CouplingSolution s = Cml4j.discover().registry().create("cascade.error-correction").solve(task);
    double[] t = s.prediction("SoilTemp_0.05");
    if (t.length != task.forcing().size() || !Double.isFinite(t[t.length - 1])) {
      throw new IllegalStateException("unexpected prediction");
    }
    System.out.println("downstream ok: " + s.coupling() + " predicted " + t.length + " steps");
  }
}
