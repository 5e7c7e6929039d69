package org.labelcritic.model.export;

import java.util.Objects;
import java.util.Optional;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.Verdict;

/** Which label of an item-structure pair is final, and why. A closed family. */
public sealed interface FinalChoice {

  /** The current decision accepted this candidate. */
  record Accepted(Candidate candidate, Decision decision) implements FinalChoice {
    public Accepted {
      Objects.requireNonNull(candidate, "candidate");
      Objects.requireNonNull(decision, "decision");
    }
  }

  /** The current decision replaced the labels with this candidate (a reviewer's edit). */
  record Edited(Candidate candidate, Decision decision) implements FinalChoice {
    public Edited {
      Objects.requireNonNull(candidate, "candidate");
      Objects.requireNonNull(decision, "decision");
    }
  }

  /** The current decision flagged the pair: no label is final. */
  record Flagged(FlagReason reason, Decision decision) implements FinalChoice {
    public Flagged {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(decision, "decision");
    }
  }

  /** Undecided; the critic's latest verdict prefers this candidate. */
  record CriticPreferred(Candidate candidate, Verdict verdict) implements FinalChoice {
    public CriticPreferred {
      Objects.requireNonNull(candidate, "candidate");
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /** Undecided, no preference of the critic; the candidate with the highest confidence. */
  record HighestConfidence(Candidate candidate) implements FinalChoice {
    public HighestConfidence {
      Objects.requireNonNull(candidate, "candidate");
    }
  }

  /** Undecided, no preference of the critic; the pair has this one candidate only. */
  record OnlyCandidate(Candidate candidate) implements FinalChoice {
    public OnlyCandidate {
      Objects.requireNonNull(candidate, "candidate");
    }
  }

  /** Nothing to go by: no decision, no preference of the critic, several candidates. */
  record Undecided(String why) implements FinalChoice {
    public Undecided {
      Objects.requireNonNull(why, "why");
    }
  }

  /** The final candidate, if one is chosen. */
  default Optional<Candidate> chosen() {
    return switch (this) {
      case Accepted a -> Optional.of(a.candidate());
      case Edited e -> Optional.of(e.candidate());
      case CriticPreferred p -> Optional.of(p.candidate());
      case HighestConfidence h -> Optional.of(h.candidate());
      case OnlyCandidate o -> Optional.of(o.candidate());
      case Flagged f -> Optional.empty();
      case Undecided u -> Optional.empty();
    };
  }

  /** Where the final label came from, as exports name it. */
  default String basis() {
    return switch (this) {
      case Accepted a -> "accepted";
      case Edited e -> "edited";
      case Flagged f -> "flagged";
      case CriticPreferred p -> "critic";
      case HighestConfidence h -> "highest_confidence";
      case OnlyCandidate o -> "only_candidate";
      case Undecided u -> "undecided";
    };
  }
}
