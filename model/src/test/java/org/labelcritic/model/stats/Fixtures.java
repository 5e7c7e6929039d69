package org.labelcritic.model.stats;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.Verdict;
import org.labelcritic.model.domain.VerdictOutcome;

/** Tiny domain objects for the statistics tests. */
final class Fixtures {
  private Fixtures() {}

  static Verdict pair(long a, long b, VerdictOutcome outcome) {
    return new Verdict(1, 1, 1, a, OptionalLong.of(b), outcome, 0.8, "c", "1", "{}", Instant.EPOCH);
  }

  static Verdict single(long a) {
    return new Verdict(
        1,
        1,
        1,
        a,
        OptionalLong.empty(),
        VerdictOutcome.SINGLE,
        0.8,
        "c",
        "1",
        "{}",
        Instant.EPOCH);
  }

  static Candidate mask(long id) {
    return new Candidate(
        id,
        1,
        1,
        1,
        0,
        new CandidateLabel.Mask(new FileRef("/m/" + id, 1, "x"), new TreeSet<>(Set.of(1))));
  }

  static CandidateLabel.Code code(String code) {
    return new CandidateLabel.Code(code, 0.9, List.of());
  }
}
