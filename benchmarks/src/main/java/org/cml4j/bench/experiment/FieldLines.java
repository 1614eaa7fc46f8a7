package org.cml4j.bench.experiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every field name of a YAML or JSON text, by JSON pointer ({@code /couplings/x/y},
 * array elements by index), so that {@link ExperimentFile} can name the line of a bad key or
 * value; Jackson's YAML and JSON parsers both report token lines.
 */
final class FieldLines {
  private FieldLines() {}

  /** Line of every field name, by JSON pointer (YAML and JSON parsers report token lines). */
  static Map<String, Integer> of(JsonFactory f, String text) throws JsonProcessingException {
    Map<String, Integer> out = new HashMap<>();
    Deque<Object> path = new ArrayDeque<>();
    try (JsonParser p = f.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> {
            if (!path.isEmpty() && path.peek() instanceof String) {
              path.pop();
            }
            path.push(p.currentName().replace("~", "~0").replace("/", "~1"));
            out.putIfAbsent(pointer(path), p.currentTokenLocation().getLineNr());
          }
          case START_OBJECT -> path.push(Boolean.TRUE);
          case START_ARRAY -> path.push(0);
          case END_OBJECT, END_ARRAY -> {
            if (!path.isEmpty() && path.peek() instanceof String) {
              path.pop();
            }
            path.pop();
            advanceIndex(path);
          }
          default -> advanceIndex(path);
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new org.cml4j.cli.Cml4jCli.InputException("cannot parse: " + e.getMessage());
    }
    return out;
  }

  private static void advanceIndex(Deque<Object> path) {
    if (!path.isEmpty() && path.peek() instanceof Integer i) {
      path.pop();
      path.push(i + 1);
    }
  }

  private static String pointer(Deque<Object> path) {
    StringBuilder b = new StringBuilder();
    var it = path.descendingIterator();
    while (it.hasNext()) {
      Object o = it.next();
      if (o instanceof String || o instanceof Integer) {
        b.append('/').append(o);
      }
    }
    return b.toString();
  }
}
