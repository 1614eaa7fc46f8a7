package org.cml4j.cli.list;

import org.cml4j.core.registry.PluginFolders;
import org.cml4j.core.spi.CouplingPlugin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cml4j.cli.Cml4jCli;
import org.cml4j.cli.Plugins;
import org.cml4j.core.registry.CouplingRegistry;
import org.cml4j.core.registry.RegisteredBaseline;
import org.cml4j.core.registry.RegisteredCoupling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code ./cml4j list}: every registered coupling with its mode, paradigm and plugin, then every
 * registered baseline.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List every registered coupling with its mode, paradigm and plugin, and the"
        + " baselines.")
public final class ListCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CouplingRegistry reg = Plugins.get().registry();
    List<RegisteredCoupling> entries = reg.entries();
    int w = Math.max(8, entries.stream().mapToInt(e -> e.name().length()).max().orElse(8));
    String fmt = "%-" + w + "s  %-4s %-34s %-10s %-22s %s%n";
    out.printf(fmt, "coupling", "mode", "", "paradigm", "plugin", "description");
    for (RegisteredCoupling e : entries) {
      out.printf(fmt, e.name(), e.mode().number(), e.mode().label(),
          e.mode().paradigm().name().toLowerCase(java.util.Locale.ROOT), e.plugin(),
          e.factory().description());
    }
    List<RegisteredBaseline> baselines = reg.baselines();
    out.printf("%n");
    out.printf(fmt, "baseline", "", "", "", "plugin", "description");
    for (RegisteredBaseline b : baselines) {
      out.printf(fmt, b.name(), "", "", "baseline", b.plugin(), b.factory().description());
    }
    out.printf("%nplugins:%n");
    for (CouplingPlugin p : Plugins.get().plugins()) {
      out.printf("  %-22s %s%n", p.name(), PluginFolders.origin(p));
    }
    out.printf("%n%d couplings and %d baselines from %d plugins%n", entries.size(),
        baselines.size(), Plugins.get().plugins().size());
    out.flush();
    return Cml4jCli.OK;
  }
}
