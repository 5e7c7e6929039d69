package org.labelcritic.imaging.labels;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.labelcritic.model.LabelCriticException;

/**
 * Reads a label table from JSON in any of the shapes in use: TotalSegmentator's {@code {"labels":
 * {"1": "spleen", ...}, ...other keys}}, a plain object {@code {"1": "spleen"}}, or a list {@code
 * [{"value": 1, "name": "spleen"}]} (also under "labels"). Duplicate keys are refused rather than
 * silently letting the last one win.
 */
public final class JsonLabelTableReader {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JsonLabelTableReader() {}

  public static LabelTable read(Path file) throws LabelCriticException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(MAPPER.readTree(in), file);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long line = at == null ? 0 : Math.max(0, at.getLineNr());
      throw LabelCriticException.atRow(
          file, line, null, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the file: " + e, e);
    }
  }

  static LabelTable parse(JsonNode root, Path file) throws LabelCriticException {
    if (root == null || root.isMissingNode()) {
      throw LabelCriticException.inFile(file, "the file is empty: expected a JSON label table");
    }
    JsonNode labels = root.isObject() && root.has("labels") ? root.get("labels") : root;
    String prefix = labels == root ? "" : "labels";
    LabelTableBuilder builder = new LabelTableBuilder(file);
    if (labels.isObject()) {
      for (Map.Entry<String, JsonNode> e : labels.properties()) {
        String field = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        int value = LabelTableBuilder.parseValue(file, e.getKey(), 0, field);
        builder.add(value, text(e.getValue(), file, field), 0, field);
      }
    } else if (labels.isArray()) {
      for (int i = 0; i < labels.size(); i++) {
        String at = (prefix.isEmpty() ? "" : prefix) + "[" + i + "]";
        JsonNode entry = labels.get(i);
        JsonNode v = entry.has("value") ? entry.get("value") : entry.get("label");
        if (!entry.isObject() || v == null || !entry.has("name")) {
          throw LabelCriticException.atRow(
              file, 0, at, "expected an object with 'value' and 'name'");
        }
        if (v.isNumber() && !v.isIntegralNumber()) {
          throw LabelCriticException.atRow(
              file, 0, at + ".value", "'" + v.asText() + "' is not an integer label value");
        }
        int value = LabelTableBuilder.parseValue(file, v.asText(), 0, at + ".value");
        builder.add(value, text(entry.get("name"), file, at + ".name"), 0, at + ".name");
      }
    } else {
      throw LabelCriticException.inFile(
          file, "expected a JSON object or list of labels, found " + labels.getNodeType());
    }
    return builder.build();
  }

  private static String text(JsonNode node, Path file, String field) throws LabelCriticException {
    if (!node.isTextual()) {
      throw LabelCriticException.atRow(
          file, 0, field, "the label name must be a text, found " + node.getNodeType());
    }
    return node.asText();
  }
}
