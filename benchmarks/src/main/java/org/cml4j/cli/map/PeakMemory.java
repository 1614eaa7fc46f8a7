package org.cml4j.cli.map;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Peak memory and CPU time of this JVM for command reports: the resident-set high-water mark
 * ({@code VmHWM} of {@code /proc/self/status}, Linux only), the sum of the heap pools' peak usage
 * (JMX), and the process CPU time (user + system, all threads), which a busy machine inflates less
 * than wall time.
 */
final class PeakMemory {
  private PeakMemory() {}

  /** Process CPU time so far [s], or NaN if the JVM does not report it. */
  static double cpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long ns = os.getProcessCpuTime();
      return ns < 0 ? Double.NaN : ns * 1e-9;
    }
    return Double.NaN;
  }

  /** One line: "peak memory: resident 512 MB (VmHWM), heap 300 MB (pool peaks sum)". */
  static String describe() {
    long heap = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        heap += p.getPeakUsage().getUsed();
      }
    }
    String rss = "n/a";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          rss = String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      rss = "n/a";
    }
    return String.format(Locale.ROOT, "peak memory: resident %s (VmHWM), heap %.0f MB (sum of "
        + "heap pool peaks); max heap %.0f MB", rss, heap / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
  }
}
