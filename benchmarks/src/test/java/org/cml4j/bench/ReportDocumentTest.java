package org.cml4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDocumentTest {
  private static ReportDocument doc() {
    ReportDocument d = new ReportDocument();
    d.add(new ReportDocument.Heading(2, "Summary <draft>"));
    d.add(new ReportDocument.Para("**fusion** wins on *twin*, see `results.csv`."));
    d.add(new ReportDocument.Bullets(List.of("a & b", "c")));
    d.add(new ReportDocument.Table(List.of("coupling", "status"), List.of(
        List.of("x", "failed | timed out"))));
    return d;
  }

  @Test
  void markdownKeepsTheMarkupAndEscapesPipesInCells() {
    assertThat(doc().markdown()).isEqualTo("## Summary <draft>\n\n"
        + "**fusion** wins on *twin*, see `results.csv`.\n\n"
        + "- a & b\n- c\n\n"
        + "| coupling | status |\n|---|---|\n| x | failed / timed out |\n\n");
  }

  @Test
  void htmlEscapesTextAndTurnsTheMarkupIntoTags(@TempDir Path dir) throws Exception {
    String h = doc().html(dir, "a <b> report");
    assertThat(h).startsWith("<!DOCTYPE html>").contains("<title>a &lt;b&gt; report</title>")
        .contains("<h2>Summary &lt;draft&gt;</h2>")
        .contains("<p><b>fusion</b> wins on <i>twin</i>, see <code>results.csv</code>.</p>")
        .contains("<ul><li>a &amp; b</li><li>c</li></ul>")
        .contains("<tr><th>coupling</th><th>status</th></tr>")
        .contains("<td>failed | timed out</td>").endsWith("</body></html>\n");
  }
}
