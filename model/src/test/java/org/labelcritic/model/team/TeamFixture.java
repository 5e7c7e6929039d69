package org.labelcritic.model.team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FileRef;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.SourceKind;
import org.labelcritic.model.domain.VerdictOutcome;
import org.labelcritic.model.store.NewDecision;
import org.labelcritic.model.store.NewVerdict;
import org.labelcritic.model.store.Store;

/**
 * A small volume dataset for team tests: {@code n} cases with a liver structure, two model masks
 * each (model-a, model-b, real small files under {@code dir}), and a verdict preferring model-a on
 * every case.
 */
public final class TeamFixture {
  public final Store store;
  public final Path dir;
  public final long liver;
  public final long[] items;
  public final long[] candA;
  public final long[] candB;

  private TeamFixture(Store store, Path dir, int n) throws Exception {
    this.store = store;
    this.dir = dir;
    liver = store.structureId("liver");
    long modelA = store.sourceId("model-a", SourceKind.MODEL, "1");
    long modelB = store.sourceId("model-b", SourceKind.MODEL, "1");
    items = new long[n];
    candA = new long[n];
    candB = new long[n];
    for (int i = 0; i < n; i++) {
      String name = caseName(i);
      CandidateLabel a = mask(dir, name + "-a");
      CandidateLabel b = mask(dir, name + "-b");
      items[i] =
          store
              .writer()
              .inTransaction(
                  w -> {
                    long id = w.item(ItemKind.VOLUME, name, null, null, "{}").id();
                    w.candidate(id, liver, modelA, a);
                    w.candidate(id, liver, modelB, b);
                    return id;
                  });
      List<Candidate> cs = store.queries().candidates(items[i], liver);
      candA[i] = cs.stream().filter(c -> c.sourceId() == modelA).findFirst().orElseThrow().id();
      candB[i] = cs.stream().filter(c -> c.sourceId() == modelB).findFirst().orElseThrow().id();
      store
          .verdicts()
          .save(
              new NewVerdict(
                  items[i],
                  liver,
                  candA[i],
                  OptionalLong.of(candB[i]),
                  VerdictOutcome.PREFER_A,
                  0.8,
                  "feature-critic",
                  "1",
                  "{}"));
    }
  }

  /** Builds the dataset in {@code dir/name}. */
  public static TeamFixture create(Path dir, String dbName, int n) throws Exception {
    Files.createDirectories(dir.resolve("masks"));
    return new TeamFixture(Store.open(dir.resolve(dbName), "team-test"), dir, n);
  }

  /** Opens an existing copy of the fixture's database (same ids). */
  public static TeamFixture reopen(Path db, Path dir, int n) throws Exception {
    Files.createDirectories(dir.resolve("masks"));
    return new TeamFixture(Store.open(db), dir, n);
  }

  public static String caseName(int i) {
    return String.format("case-%03d", i);
  }

  public Decision accept(String reviewer, int i, boolean a) throws Exception {
    return decide(reviewer, i, new DecisionAction.Accept(a ? candA[i] : candB[i]), 1000 + i);
  }

  public Decision decide(String reviewer, int i, DecisionAction action, long ms) throws Exception {
    long r = store.reviews().reviewer(reviewer).id();
    return store
        .reviews()
        .record(
            new NewDecision(
                items[i], liver, r, OptionalLong.empty(), action, "", OptionalLong.empty(), ms));
  }

  /** The reviewer draws a new mask (a real file) and records it as an EDIT. */
  public Decision edit(String reviewer, int i, OptionalLong session) throws Exception {
    long source = store.sourceId(reviewer, SourceKind.PERSON, "");
    CandidateLabel m = mask(dir, caseName(i) + "-" + reviewer + "-edit");
    store.writer().inTransaction(w -> w.candidate(items[i], liver, source, m));
    long id =
        store.queries().candidates(items[i], liver).stream()
            .filter(c -> c.sourceId() == source)
            .findFirst()
            .orElseThrow()
            .id();
    long r = store.reviews().reviewer(reviewer).id();
    return store
        .reviews()
        .record(
            new NewDecision(
                items[i],
                liver,
                r,
                session,
                new DecisionAction.Edit(id),
                "drew it",
                OptionalLong.empty(),
                2500));
  }

  /** A mask file with content derived from its name, and its real SHA-256. */
  static CandidateLabel.Mask mask(Path dir, String name) throws IOException {
    Path f = dir.resolve("masks").resolve(name + ".nii.gz");
    byte[] bytes = ("mask " + name).getBytes(StandardCharsets.UTF_8);
    Files.write(f, bytes);
    try {
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      return new CandidateLabel.Mask(
          new FileRef(f.toAbsolutePath().toString(), bytes.length, sha), new TreeSet<>(Set.of(1)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
