package org.cml4j.bench.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cml4j.core.spi.CouplingFactory;
import org.cml4j.core.spi.InvalidSettingException;

/**
 * Coupling settings records to and from JSON trees (experiment files, provenance). A record is
 * written component by component (nested records, enums by name, arrays, lists and maps); a tree
 * is read only into the factory's declared {@link CouplingFactory#settingsType()}, by Jackson's
 * record constructor binding, with no default typing: a file can never name a Java class. Keys
 * the user leaves out keep their default; unknown keys are errors listing the allowed ones.
 */
public final class SettingsCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SettingsCodec() {}

  /** The settings as a tree, one field per record component. */
  public static ObjectNode toTree(Record settings) {
    return (ObjectNode) value(settings);
  }

  /** A canonical one-line JSON text of the settings (for fingerprints). */
  public static String fingerprint(Record settings) {
    return toTree(settings).toString();
  }

  private static JsonNode value(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof Record r) {
      ObjectNode o = NODES.objectNode();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          o.set(c.getName(), value(c.getAccessor().invoke(r)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read setting " + c.getName() + " of "
              + r.getClass().getSimpleName() + ": " + e, e);
        }
      }
      return o;
    }
    if (v instanceof Enum<?> e) {
      return NODES.textNode(e.name());
    }
    if (v.getClass().isArray()) {
      ArrayNode a = NODES.arrayNode();
      for (int i = 0; i < Array.getLength(v); i++) {
        a.add(value(Array.get(v, i)));
      }
      return a;
    }
    if (v instanceof Collection<?> c) {
      ArrayNode a = NODES.arrayNode();
      c.forEach(x -> a.add(value(x)));
      return a;
    }
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
      return o;
    }
    return MAPPER.valueToTree(v);
  }

  /**
   * The base settings (the factory's defaults or a Guice override) with the given keys replaced (objects of nested records are
   * merged key by key), converted to its settings type and validated by its constructor.
   *
   * @param f the coupling's factory
   * @param base settings the keys are applied to
   * @param user the user's keys (null or empty: the defaults)
   * @param where where the keys came from, for messages (e.g. {@code "tiny.yaml line 12"})
   * @throws org.cml4j.cli.Cml4jCli.InputException naming coupling, key, value and allowed range or keys
   */
  public static Record fromTree(CouplingFactory f, Record base, JsonNode user, String where) {
    if (user == null || user.isNull() || (user.isObject() && user.isEmpty())) {
      return base;
    }
    if (!user.isObject()) {
      throw new org.cml4j.cli.Cml4jCli.InputException(where + ": settings of coupling " + f.name() + " must be a map of"
          + " keys to values, got " + user.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
          + "; allowed keys: " + allowed(f.defaultSettings()));
    }
    ObjectNode merged = toTree(base).deepCopy();
    merge(f, f.settingsType(), merged, (ObjectNode) user, "", where);
    try {
      return MAPPER.treeToValue(merged, f.settingsType());
    } catch (MismatchedInputException e) {
      InvalidSettingException s = settingCause(e);
      if (s != null) {
        throw new org.cml4j.cli.Cml4jCli.InputException(where + ": " + s.forCoupling(f.name()).getMessage());
      }
      String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
          : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("?");
      throw new org.cml4j.cli.Cml4jCli.InputException(where + ": coupling " + f.name() + ": setting " + key
          + " has the wrong type (" + e.getOriginalMessage().split("\n")[0] + "); default: "
          + merged.at("/" + key.replace('.', '/')));
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      InvalidSettingException s = settingCause(e);
      throw new org.cml4j.cli.Cml4jCli.InputException(where + ": " + (s != null ? s.forCoupling(f.name()).getMessage()
          : "coupling " + f.name() + ": invalid settings: " + e.getMessage()));
    }
  }

  private static void merge(CouplingFactory f, Class<?> type, ObjectNode into, ObjectNode user,
      String prefix, String where) {
    List<String> names = new ArrayList<>();
    into.fieldNames().forEachRemaining(names::add);
    user.fields().forEachRemaining(e -> {
      String k = e.getKey();
      RecordComponent c = Arrays.stream(type.getRecordComponents())
          .filter(x -> x.getName().equals(k)).findFirst().orElse(null);
      if (c == null) {
        throw new org.cml4j.cli.Cml4jCli.InputException(where + ": coupling " + f.name() + " has no setting '" + prefix + k
            + "'; allowed keys" + (prefix.isEmpty() ? "" : " under " + prefix) + ": "
            + String.join(", ", names));
      }
      JsonNode old = into.get(k);
      if (c.getType().isRecord() && old != null && old.isObject() && e.getValue().isObject()) {
        merge(f, c.getType(), (ObjectNode) old, (ObjectNode) e.getValue(), prefix + k + ".",
            where);
      } else {
        into.set(k, e.getValue());
      }
    });
  }

  private static InvalidSettingException settingCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidSettingException s) {
        return s;
      }
    }
    return null;
  }

  /** The record components of the settings, comma-separated. */
  public static String allowed(Record settings) {
    return String.join(", ", Arrays.stream(settings.getClass().getRecordComponents())
        .map(RecordComponent::getName).toList());
  }
}
