package org.labelcritic.model.critic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a verdict's reasons: {@code
 * {"reasons":[{"name":..,"detail":..,"weight":..}]}}. Unknown fields are ignored on reading, so
 * critics may add their own next to "reasons".
 */
public final class ReasonsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReasonsJson() {}

  public static String write(List<Reason> reasons) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode arr = root.putArray("reasons");
    for (Reason r : reasons) {
      ObjectNode o = arr.addObject();
      o.put("name", r.name());
      o.put("detail", r.detail());
      o.put("weight", Double.isFinite(r.weight()) ? r.weight() : 0);
    }
    return root.toString();
  }

  /** The reasons in a stored JSON text; an unreadable text gives no reasons. */
  public static List<Reason> read(String json) {
    List<Reason> out = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    try {
      JsonNode arr = JSON.readTree(json).path("reasons");
      for (JsonNode o : arr) {
        out.add(
            new Reason(
                o.path("name").asText(""),
                o.path("detail").asText(""),
                o.path("weight").asDouble()));
      }
    } catch (JsonProcessingException e) {
      return List.of();
    }
    return out;
  }

  /** Whether the stored reasons name this reason. */
  public static boolean names(String json, String reasonName) {
    return read(json).stream().anyMatch(r -> r.name().equals(reasonName));
  }
}
