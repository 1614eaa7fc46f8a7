package org.cml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cml4j.lsm.testsupport.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI-level bad-input corpus: every case runs one {@code cml4j} command line in process and
 * checks its exit code (2 for bad input), that stderr is one clear line naming the option, file or
 * variable (and the allowed range where there is one) and is not a stack trace, that no written text
 * file holds NaN or Infinity, and that no temporary file is left. The cases are generated here:
 * bad numbers and names, windows outside the data, too short or reversed, unusable output folders,
 * map folders resumed with another seed or column count, and 24-hour windows (which must succeed
 * with finite outputs). The reader-level corpus (file contents) lives with the site readers.
 */
class CliBadInputCorpusTest {
  private static final Pattern NON_FINITE = Pattern.compile("\\bNaN\\b|Infinity");
  private static final String PHX = "phoenix-2012";

  @TempDir
  static Path root;

  /** A case: arguments (with {@code {dir}} standing for the case's folder), expected outcome. */
  private record Case(String name, boolean needsData, Setup setup, Function<Path, String[]> args,
      int code, List<String> fragments) {}

  @FunctionalInterface
  private interface Setup {
    void prepare(Path dir) throws Exception;
  }

  private final List<Case> cases = new ArrayList<>();

  private void add(String name, int code, List<String> fragments, String... args) {
    cases.add(new Case(name, needsData(args), d -> { }, d -> subst(args, d), code, fragments));
  }

  private void add(String name, Setup setup, int code, List<String> fragments, String... args) {
    cases.add(new Case(name, needsData(args), setup, d -> subst(args, d), code, fragments));
  }

  private static boolean needsData(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.startsWith("huang2025") || a.equals(PHX)
        || a.equals("bondville-1998"));
  }

  private static String[] subst(String[] args, Path dir) {
    return Arrays.stream(args).map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
  }

  private static String[] est(String... more) {
    List<String> a = new ArrayList<>(List.of("estimate", "--quiet", "--out", "{dir}/out"));
    if (!List.of(more).contains("--starts")) {
      a.addAll(List.of("--starts", "2")); // keeps every case fast
    }
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  private static String[] map(String... more) {
    List<String> a = new ArrayList<>(List.of("map", "--quiet", "--hours", "30", "--starts", "1",
        "--no-netcdf", "--out", "{dir}/map"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  private static Setup mapRun(String... more) {
    return d -> {
      CliRun r = CliRun.run(subst(map(more), d));
      assertThat(r.code()).as("setup run: " + r.err()).isZero();
    };
  }

  private void build() throws IOException {
    // ---- estimate: bad numbers and names
    add("starts zero", 2, List.of("--starts", "at least 1", "0"), est("--experiment",
        "huang2025-1depth", "--starts", "0"));
    add("starts negative", 2, List.of("--starts", "at least 1", "-3"), est("--experiment",
        "huang2025-1depth", "--starts", "-3"));
    add("starts not a number", 2, List.of("--starts", "'abc' is not an int"), est("--experiment",
        "huang2025-1depth", "--starts", "abc"));
    add("threads zero", 2, List.of("--threads", "at least 1"), est("--experiment",
        "huang2025-1depth", "--threads", "0"));
    add("threads not a number", 2, List.of("--threads", "'two'"), est("--experiment",
        "huang2025-1depth", "--threads", "two"));
    add("unknown fit parameter", 2, List.of("--fit", "'kappa'", "alpha, lambda, C"),
        est("--experiment", "huang2025-1depth", "--fit", "lambda,kappa"));
    add("fit parameter repeated", 2, List.of("--fit lambda,lambda", "repeated"),
        est("--experiment", "huang2025-1depth", "--fit", "lambda,lambda"));
    add("h without beta", 2, List.of("--fit", "fit both or fit hbeta"),
        est("--experiment", "huang2025-1depth", "--fit", "h,lambda"));
    add("hbeta with h and beta", 2, List.of("--fit", "not both"),
        est("--experiment", "huang2025-1depth", "--fit", "h,beta,hbeta"));
    add("unknown solver", 2, List.of("--solver", "'newton'", "allowed: adam, lm"),
        est("--experiment", "huang2025-1depth", "--solver", "newton"));
    add("noise negative", 2, List.of("--noise", "positive", "-1.0"), est("--experiment",
        "huang2025-1depth", "--noise", "-1"));
    add("noise NaN", 2, List.of("--noise", "positive"), est("--experiment", "huang2025-1depth",
        "--noise", "NaN"));
    add("albedo above 1", 2, List.of("--albedo", "[0, 1]", "1.5"), est("--experiment", PHX,
        "--albedo", "1.5"));
    add("unknown experiment", 2, List.of("--experiment", "'mars-2030'", "allowed:",
        "huang2025-2depth"), est("--experiment", "mars-2030"));
    add("neither experiment nor site", 2, List.of("--experiment", "--site"), est());
    add("site file missing", 2, List.of("--site", "no-such.csv", "file not found"),
        est("--site", "{dir}/no-such.csv", "--start", "2012-07-01", "--end", "2012-07-03",
            "--observe", "SurfTemp"));
    add("site is a folder", 2, List.of("--site", "is a folder, not a file"),
        est("--site", "{dir}", "--start", "2012-07-01", "--end", "2012-07-03",
            "--observe", "SurfTemp"));
    add("unknown observed output", 2, List.of("--observe", "'Foo'", "SurfTemp"),
        est("--experiment", PHX, "--observe", "Foo"));
    add("fit eps on huang2025", 2, List.of("--fit eps", "alpha, lambda"),
        est("--experiment", "huang2025-1depth", "--fit", "eps"));
    add("more starts than published", 2, List.of("--starts 51", "only 50 published starts"),
        est("--experiment", "huang2025-2depth", "--starts", "51"));
    add("unrolled gradient without jacobi", 2, List.of("--gradient unrolled",
        "--step-solver jacobi"), est("--experiment", "huang2025-1depth", "--solver", "adam",
        "--gradient", "unrolled"));
    add("initial state unknown", 2, List.of("--initial-state", "tb or 293", "'300'"),
        est("--experiment", "huang2025-1depth", "--initial-state", "300"));
    add("window options on a synthetic experiment", 2, List.of("--start", "site runs only"),
        est("--experiment", "huang2025-1depth", "--start", "2012-07-01"));
    add("noise on a site run", 2, List.of("--noise", "synthetic"), est("--experiment", PHX,
        "--noise", "0.1"));
    add("fit alpha with a fixed albedo", 2, List.of("--fit alpha", "--albedo 0.3", "exclude"),
        est("--experiment", PHX, "--fit", "alpha,lambda", "--albedo", "0.3"));
    add("data folder missing", 2, List.of("--data", "no-data-here"), est("--experiment",
        "huang2025-1depth", "--data", "{dir}/no-data-here"));

    // ---- estimate: windows
    add("start not a time", 2, List.of("--start", "'July 1st'", "2012-05-01T06:30-07:00"),
        est("--experiment", PHX, "--start", "July 1st", "--end", "2012-07-03"));
    add("start after end", 2, List.of("--end", "not after --start", "2012-07-03"),
        est("--experiment", PHX, "--start", "2012-07-03", "--end", "2012-07-01"));
    add("window outside the data", 2, List.of("US-WestPhoenix", "no record in the window",
        "2015-01-01", "data span"), est("--experiment", PHX, "--start", "2015-01-01", "--end",
        "2015-01-03"));
    add("window of 2 h: fewer observations than parameters", 2, List.of("too short",
        "observations for 5 fitted parameters", "--start/--end"), est("--experiment", PHX,
        "--fit", "alpha,lambda,C,hbeta,Tb", "--start", "2012-07-01T12:00", "--end",
        "2012-07-01T14:00"));
    add("window of 1 h", 2, List.of("US-WestPhoenix", "1 hourly levels", "fewer than the 2"),
        est("--experiment", PHX, "--start", "2012-07-01T12:00", "--end", "2012-07-01T13:00"));
    add("24 h window, phoenix, alpha fitted: runs, finite outputs", 0, List.of(),
        est("--experiment", PHX, "--fit", "alpha,lambda,C,hbeta,Tb", "--start",
            "2012-07-01T07:00", "--end", "2012-07-02T07:00"));
    // without a prior (the default Tb prior keeps this fit off the bound)
    add("24 h window, phoenix, drives Tb to its bound: runs, finite outputs", 0, List.of(),
        est("--experiment", PHX, "--fit", "alpha,lambda,C,hbeta,Tb", "--starts", "4", "--start",
            "2012-07-01T00:00-07:00", "--end", "2012-07-02T00:00-07:00", "--prior", "none"));
    add("24 h window, bondville: runs, finite outputs", 0, List.of(),
        est("--experiment", "bondville-1998", "--start", "1998-10-02T06:00", "--end",
            "1998-10-03T06:00"));
    add("window with an offset is accepted and reported", 0, List.of(),
        est("--experiment", PHX, "--start", "2012-07-01T00:00-07:00", "--end",
            "2012-07-03T00:00-07:00"));

    // ---- outputs
    add("out is an existing file", d -> Files.writeString(d.resolve("out"), "x"), 2,
        List.of("--out", "exists and is not a folder"), est("--experiment", "huang2025-1depth"));
    add("out below a file", d -> Files.writeString(d.resolve("afile"), "x"), 2,
        List.of("--out", "afile is a file, not a folder"), "estimate", "--quiet", "--starts", "2",
        "--experiment", "huang2025-1depth", "--out", "{dir}/afile/sub");
    Path ro = readOnlyFolder();
    add("out in a read-only folder", 2, List.of("--out", ro.toString(), "cannot be created or "
        + "written"), "estimate", "--quiet", "--starts", "2", "--experiment", "huang2025-1depth",
        "--out", ro.resolve("out").toString());
    add("out holds an earlier run's files: replaced whole", d -> {
      Files.createDirectories(d.resolve("out"));
      Files.writeString(d.resolve("out/results.json"), "{\"stale\": NaN}");
      Files.writeString(d.resolve("out/report.md"), "stale Infinity");
    }, 0, List.of(), est("--experiment", PHX, "--start", "2012-07-01", "--end", "2012-07-02"));
    add("map out is a file", d -> Files.writeString(d.resolve("map"), "x"), 2,
        List.of("--out", "exists and is not a folder"), map("--synthetic", "3"));

    // ---- map: numbers, inputs, resume provenance
    add("map synthetic zero", 2, List.of("--synthetic", "at least 1", "0"), map("--synthetic",
        "0"));
    add("map threads zero", 2, List.of("--threads", "at least 1"), map("--synthetic", "3",
        "--threads", "0"));
    add("map chunk zero", 2, List.of("--chunk", "at least 1", "0"), map("--synthetic", "3",
        "--chunk", "0"));
    add("map input missing", 2, List.of("no-such.nc", "no such file"), "map", "--quiet",
        "{dir}/no-such.nc", "--out", "{dir}/map");
    add("map resume and force", 2, List.of("resume", "force"), map("--synthetic", "3",
        "--resume", "--force"));
    add("map resume with another column count", mapRun("--synthetic", "4"), 2,
        List.of("cannot resume", "columns 4 (earlier) vs 3 (this run)", "--force"),
        map("--synthetic", "3", "--resume"));
    add("map resume with another seed", mapRun("--synthetic", "3", "--seed", "1"), 2,
        List.of("cannot resume", "seed 1 (earlier) vs 2 (this run)"),
        map("--synthetic", "3", "--seed", "2", "--resume"));
    add("map again without resume", mapRun("--synthetic", "3"), 2,
        List.of("earlier run", "--resume", "--force"), map("--synthetic", "3"));
    add("map resume with other settings", mapRun("--synthetic", "3"), 2,
        List.of("cannot resume", "settings", "starts=1", "starts=2"),
        "map", "--quiet", "--hours", "30", "--starts", "2", "--no-netcdf", "--out", "{dir}/map",
        "--synthetic", "3", "--resume");

    // ---- other commands
    add("example unknown", 2, List.of("'nonexist'", "known:"), "example", "nonexist");
    add("bench unknown option", 2, List.of("--bogus"), "bench", "--bogus");
    add("bench unknown suite", 2, List.of("--suite", "'huge'", "tiny, quick or full"), "bench",
        "--suite", "huge", "--out", "{dir}/bench");
    add("list unknown option", 2, List.of("--bogus"), "list", "--bogus");
    add("unknown command", 2, List.of("'frobnicate'"), "frobnicate");
  }

  /** A folder this process cannot create files in (chmod, or a kernel folder when root). */
  private static Path readOnlyFolder() throws IOException {
    Path ro = Files.createDirectories(root.resolve("read-only"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Files.delete(Files.createTempFile(ro, "probe", ".tmp"));
    } catch (IOException expected) {
      return ro;
    }
    // root ignores permissions; sysfs refuses new folders even to root
    return Path.of("/sys/cml4j-corpus-read-only");
  }

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    build();
    System.out.println("CLI bad-input corpus: " + cases.size() + " cases ("
        + cases.stream().filter(c -> c.code() != 0).count() + " rejected with exit code 2, "
        + cases.stream().filter(c -> c.code() == 0).count() + " that must succeed with finite "
        + "outputs)");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Path dir = root.resolve(String.format("case%02d", i));
      tests.add(DynamicTest.dynamicTest(c.name(), () -> run(c, dir)));
    }
    return tests.stream();
  }

  private static void run(Case c, Path dir) throws Exception {
    if (c.needsData()) {
      boolean have;
      try {
        DataLocator.find(null);
        have = true;
      } catch (RuntimeException e) {
        have = false;
      }
      SharedData.require(have, "shared/data not found (CLI corpus case " + c.name() + ")");
    }
    Files.createDirectories(dir);
    c.setup().prepare(dir);
    String[] args = c.args().apply(dir);
    CliRun r = CliRun.run(args);
    String what = c.name() + ": cml4j " + String.join(" ", args) + "\nstdout: " + r.out()
        + "\nstderr: " + r.err();
    assertThat(r.code()).as(what).isEqualTo(c.code());
    if (c.code() != 0) {
      String first = r.err().lines().filter(l -> !l.startsWith("reading ")
          && !l.startsWith("generating ") && !l.startsWith("resume:")).findFirst().orElse("");
      assertThat(first).as(what).startsWith("cml4j");
      for (String f : c.fragments()) {
        assertThat(first).as(what).contains(f);
      }
    } else {
      assertThat(r.out()).as(what).contains("wrote ");
    }
    // never a stack trace (internal errors name a details file instead)
    assertThat(r.err()).as(what).doesNotContain("\tat ").doesNotContain("Exception in thread")
        .doesNotContain("Caused by");
    if (Arrays.stream(args).noneMatch(a -> NON_FINITE.matcher(a).find())) {
      // (an error message may echo the user's own "NaN")
      assertThat(r.err() + r.out()).as(what).doesNotContainPattern(NON_FINITE);
    }
    scan(dir, what);
    if (c.name().contains("offset")) {
      assertThat(dir.resolve("out/report.md")).content().as(what)
          .contains("--start 2012-07-01T00:00-07:00 (offset -07:00, = 2012-07-01T07:00:00Z)")
          .contains("times in this report are UTC");
    }
    if (c.name().contains("drives Tb to its bound")) {
      // the fit pushes Tb to 400 K; it stays strictly inside (the model rejects 400.0 K exactly)
      // and the report says the value is a bound, not an estimate
      assertThat(dir.resolve("out/report.md")).content().as(what)
          .contains("| Tb |").contains("**at the upper bound (400.0)**");
    }
    if (c.name().contains("earlier run's files")) {
      assertThat(dir.resolve("out/results.json")).content().doesNotContain("stale");
    }
  }

  /** Every text file written: no NaN or Infinity; no file anywhere: a left-over temporary. */
  private static void scan(Path dir, String what) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String n = p.getFileName().toString();
        assertThat(n).as(what + ": left-over temporary " + p).doesNotEndWith(".tmp");
        if (n.endsWith(".json") || n.endsWith(".md") || n.endsWith(".csv")
            || n.endsWith(".properties") || n.endsWith(".txt")) {
          assertThat(Files.readString(p)).as(what + ": " + p).doesNotContainPattern(NON_FINITE);
        }
      }
    }
  }
}
