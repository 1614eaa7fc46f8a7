package org.cml4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.cml4j.bench.report.PlotWriter;

/**
 * A report as a list of blocks (headings, paragraphs, bullet lists, tables, images), rendered as
 * Markdown ({@code report.md}) or as one self-contained HTML page ({@code report.html}, the PNG
 * images inlined as base64). Paragraph, bullet and cell text may use Markdown's {@code **bold**},
 * {@code *italic*} and {@code `code`}, which the HTML rendering turns into tags.
 */
public final class ReportDocument {
  /** One block of the report. */
  public sealed interface Block permits Heading, Para, Bullets, Table, Image {}

  /** A heading of level 1 to 6. */
  public record Heading(int level, String text) implements Block {}

  /** A paragraph. */
  public record Para(String text) implements Block {}

  /** A bullet list. */
  public record Bullets(List<String> items) implements Block {}

  /** A table: a header row and rows of cells ({@code |} in a cell is written as {@code /}). */
  public record Table(List<String> header, List<List<String>> rows) implements Block {}

  /** A PNG image, its file relative to the report's folder. */
  public record Image(String file, String caption) implements Block {
    /** The image of a written plot. */
    public static Image of(PlotWriter.Plot p) {
      return new Image(p.file(), p.caption());
    }
  }

  private final List<Block> blocks = new ArrayList<>();

  /** Appends a block. */
  public void add(Block b) {
    blocks.add(b);
  }

  /** Appends blocks in order. */
  public void addAll(Collection<? extends Block> bs) {
    blocks.addAll(bs);
  }

  /** The blocks so far, in order (unmodifiable view). */
  public List<Block> blocks() {
    return java.util.Collections.unmodifiableList(blocks);
  }

  /** The Markdown rendering. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
      } else if (b instanceof Para p) {
        sb.append(p.text()).append("\n\n");
      } else if (b instanceof Bullets l) {
        l.items().forEach(x -> sb.append("- ").append(x).append('\n'));
        sb.append('\n');
      } else if (b instanceof Table t) {
        sb.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
        t.header().forEach(x -> sb.append("---|"));
        sb.append('\n');
        for (List<String> r : t.rows()) {
          sb.append("| ").append(r.stream().map(x -> x.replace("|", "/"))
              .collect(Collectors.joining(" | "))).append(" |\n");
        }
        sb.append('\n');
      } else if (b instanceof Image i) {
        sb.append("![").append(i.caption()).append("](").append(i.file()).append(")\n\n");
      }
    }
    return sb.toString();
  }

  /**
   * The HTML rendering, titled {@code title}, with the images read from {@code dir} and inlined.
   *
   * @throws IOException if an image cannot be read
   */
  public String html(Path dir, String title) throws IOException {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "<title>" + esc(title) + "</title><style>body{font-family:sans-serif;max-width:"
        + "1100px;margin:auto;padding:1em}table{border-collapse:collapse;margin:1em 0;font-size:"
        + "90%}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}th{background:#eee}"
        + "img{max-width:100%}</style></head><body>\n");
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        sb.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h")
            .append(h.level()).append(">\n");
      } else if (b instanceof Para p) {
        sb.append("<p>").append(inline(p.text())).append("</p>\n");
      } else if (b instanceof Bullets l) {
        sb.append("<ul>");
        l.items().forEach(x -> sb.append("<li>").append(inline(x)).append("</li>"));
        sb.append("</ul>\n");
      } else if (b instanceof Table t) {
        sb.append("<table><tr>");
        t.header().forEach(x -> sb.append("<th>").append(esc(x)).append("</th>"));
        sb.append("</tr>\n");
        for (List<String> r : t.rows()) {
          sb.append("<tr>");
          r.forEach(x -> sb.append("<td>").append(inline(x)).append("</td>"));
          sb.append("</tr>\n");
        }
        sb.append("</table>\n");
      } else if (b instanceof Image i) {
        byte[] png = Files.readAllBytes(dir.resolve(i.file()));
        sb.append("<figure><img alt=\"").append(esc(i.caption()))
            .append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>")
            .append(esc(i.caption())).append("</figcaption></figure>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String inline(String s) {
    return esc(s).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>")
        .replaceAll("\\*(.+?)\\*", "<i>$1</i>").replaceAll("`(.+?)`", "<code>$1</code>");
  }
}
