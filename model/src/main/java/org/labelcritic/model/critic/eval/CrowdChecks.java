package org.labelcritic.model.critic.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.labelcritic.model.LabelCriticException;

/**
 * Reads cleanlab's crowd-validation files ({@code mnist_mturk.json}): a JSON array of objects with
 * {@code id}, {@code given_original_label}, {@code our_guessed_label} and {@code mturk: {given,
 * guessed, neither}}. A missing or mistyped field is an error naming the entry.
 */
public final class CrowdChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CrowdChecks() {}

  public static List<CrowdCheck> read(Path file) throws LabelCriticException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw LabelCriticException.inFile(file, "does not exist");
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw LabelCriticException.inFile(file, "must hold a JSON array of checked items");
    }
    List<CrowdCheck> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode e = root.get(i);
      JsonNode votes = e.path("mturk");
      out.add(
          new CrowdCheck(
              integer(file, i, e, "id"),
              integer(file, i, e, "given_original_label"),
              integer(file, i, e, "our_guessed_label"),
              integer(file, i, votes, "given"),
              integer(file, i, votes, "guessed"),
              integer(file, i, votes, "neither")));
    }
    return out;
  }

  /** The indexes of the validated errors (see {@link CrowdCheck#isError()}). */
  public static Set<Integer> errors(List<CrowdCheck> checks) {
    Set<Integer> out = new TreeSet<>();
    for (CrowdCheck c : checks) {
      if (c.isError()) {
        out.add(c.index());
      }
    }
    return out;
  }

  private static int integer(Path file, int entry, JsonNode node, String field)
      throws LabelCriticException {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
      throw LabelCriticException.inFile(
          file, "entry " + (entry + 1) + ": '" + field + "' must be a non-negative integer");
    }
    return v.asInt();
  }
}
