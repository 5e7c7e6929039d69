package org.labelcritic.model.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Dataset;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Item;
import org.labelcritic.model.domain.Source;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.store.ExportQueries.PairHistory;

/**
 * The {@code provenance.json} of one exported case: for each structure, whether its label was
 * written, which source or reviewer edit it came from, the candidate file with its SHA-256, and the
 * verdicts and decisions it rests on. Decision notes are left out (free text belongs in the
 * decision log, not beside the labels); nothing here comes from DICOM headers.
 */
public final class CaseProvenance {
  /** What became of one structure. */
  public enum Status {
    /** The final label was written. */
    WRITTEN,
    /** The current decision flags it: no label is final. */
    FLAGGED,
    /** No decision, no preference of the critic, several candidates. */
    UNDECIDED,
    /** A final label was chosen but could not be written (see its problem). */
    SKIPPED
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<Long, Source> sources;
  private final Map<Long, String> reviewers;
  private final ObjectNode root = JSON.createObjectNode();
  private final ObjectNode structures;

  /**
   * @param sources every source by id
   * @param reviewers reviewer names by id
   */
  public CaseProvenance(
      Dataset dataset,
      Item item,
      Map<Long, Source> sources,
      Map<Long, String> reviewers,
      Instant exportedAt) {
    this.sources = Map.copyOf(sources);
    this.reviewers = Map.copyOf(reviewers);
    root.put("case", item.externalId());
    ObjectNode ds = root.putObject("dataset");
    ds.put("name", dataset.name());
    ds.put("uid", dataset.uid());
    root.put("exported_at", exportedAt.toString());
    root.put("exported_by", "LabelCritic Workbench");
    // The CT by content only: a PACS export's folder names may carry a patient's name.
    item.imageRef()
        .ifPresent(
            ref -> {
              ObjectNode image = root.putObject("image");
              image.put("size", ref.size());
              image.put("sha256", ref.sha256());
            });
    structures = root.putObject("structures");
  }

  /**
   * Adds a structure.
   *
   * @param file the written file relative to the case folder; null unless written
   * @param voxels voxels in the written mask; -1 unless written
   * @param problem why a chosen label was skipped; null unless skipped
   */
  public void add(
      PairHistory pair,
      FinalChoice choice,
      Status status,
      String file,
      long voxels,
      String problem) {
    Objects.requireNonNull(status, "status");
    ObjectNode s = structures.putObject(pair.structure().name());
    s.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
    s.put("basis", choice.basis());
    if (file != null) {
      s.put("file", file);
      s.put("voxels", voxels);
    }
    if (problem != null) {
      s.put("problem", problem);
    }
    switch (choice) {
      case FinalChoice.Flagged f -> s.put("flag_reason", f.reason().name());
      case FinalChoice.Undecided u -> s.put("why", u.why());
      case FinalChoice.Edited e -> {
        ObjectNode edit = s.putObject("reviewer_edit");
        edit.put("reviewer", reviewers.getOrDefault(e.decision().reviewerId(), ""));
        edit.put("decision_uid", e.decision().uid());
      }
      default -> {
        // Accepted, preferred by the critic or a fallback: the candidate says it all.
      }
    }
    choice.chosen().ifPresent(c -> candidate(s.putObject("candidate"), c));
    ArrayNode verdicts = s.putArray("verdicts");
    for (Verdict v : pair.verdicts()) {
      verdict(verdicts.addObject(), v, pair);
    }
    ArrayNode decisions = s.putArray("decisions");
    for (Decision d : pair.decisions()) {
      decision(decisions.addObject(), d);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  private void candidate(ObjectNode o, Candidate c) {
    o.put("id", c.id());
    Source src = sources.get(c.sourceId());
    o.put("source", src == null ? "" : src.name());
    o.put("source_kind", src == null ? "" : src.kind().name());
    o.put("source_version", src == null ? "" : src.version());
    o.put("revision", c.revision());
    switch (c.label()) {
      case CandidateLabel.Mask m -> {
        file(o, m.file());
        ArrayNode values = o.putArray("label_values");
        m.labelValues().forEach(values::add);
      }
      case CandidateLabel.Code k -> o.put("code", k.code());
    }
  }

  private static void file(ObjectNode o, FileRef ref) {
    o.put("file", ref.path());
    o.put("size", ref.size());
    if (ref.sha256() == null) {
      o.putNull("sha256");
    } else {
      o.put("sha256", ref.sha256());
    }
  }

  private void verdict(ObjectNode o, Verdict v, PairHistory pair) {
    o.put("id", v.id());
    o.put("outcome", v.outcome().name());
    o.put("confidence", v.confidence());
    o.put("critic", v.critic());
    o.put("model_version", v.modelVersion());
    o.put("candidate_a", v.candidateA());
    o.put("source_a", sourceOf(pair, v.candidateA()));
    if (v.candidateB().isPresent()) {
      o.put("candidate_b", v.candidateB().getAsLong());
      o.put("source_b", sourceOf(pair, v.candidateB().getAsLong()));
    }
    if (v.preferred().isPresent()) {
      o.put("preferred_candidate", v.preferred().getAsLong());
    }
    o.put("created_at", v.createdAt().toString());
  }

  private void decision(ObjectNode o, Decision d) {
    o.put("id", d.id());
    o.put("uid", d.uid());
    o.put("reviewer", reviewers.getOrDefault(d.reviewerId(), ""));
    o.put("action", d.action().kind());
    DecisionLogExport.candidateId(d.action()).ifPresent(id -> o.put("candidate_id", id));
    if (d.action() instanceof DecisionAction.Flag f) {
      o.put("flag_reason", f.reason().name());
    }
    d.verdictId().ifPresent(id -> o.put("verdict_id", id));
    d.supersedes().ifPresent(id -> o.put("supersedes_id", id));
    o.put("decided_at", d.decidedAt().toString());
  }

  private String sourceOf(PairHistory pair, long candidateId) {
    for (Candidate c : pair.candidates()) {
      if (c.id() == candidateId) {
        Source s = sources.get(c.sourceId());
        return s == null ? "" : s.name();
      }
    }
    return "";
  }
}
