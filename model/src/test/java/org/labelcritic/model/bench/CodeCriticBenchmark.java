package org.labelcritic.model.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.critic.CodeAssessment;
import org.labelcritic.model.critic.CodeCritic;
import org.labelcritic.model.critic.CodeFrequencies;
import org.labelcritic.model.critic.CodeItem;
import org.labelcritic.model.critic.CodeRouting;
import org.labelcritic.model.domain.CandidateLabel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The code critic's throughput, in cells per second on one thread: census-like cells (two readers,
 * three digits each, about 8 % disagreeing), a 450-code list, Zipf-like frequencies and routing
 * with a training-code set; each cell is fully assessed (P(correct), verdict, reasons, routing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CodeCriticBenchmark {
  static final int CELLS = 10_000;

  CodeItem[] items;
  CodeCritic critic;

  @Setup(Level.Trial)
  public void makeCells() {
    SplittableRandom rng = new SplittableRandom(11);
    Map<String, String> codes = new LinkedHashMap<>();
    Map<String, Long> freq = new HashMap<>();
    for (int i = 0; i < 450; i++) {
      String c = String.valueOf(100 + i * 2);
      codes.put(c, "occupation " + c);
      freq.put(c, (long) (100_000 / Math.pow(i + 1, 1.1)));
    }
    CodeList list = CodeList.of(codes);
    CodeFrequencies frequencies = CodeFrequencies.of(freq);
    critic = new CodeCritic(new CodeRouting(freq.keySet()));
    List<String> all = List.copyOf(codes.keySet());
    items = new CodeItem[CELLS];
    for (int i = 0; i < CELLS; i++) {
      String truth = all.get((int) Math.min(all.size() - 1, Math.abs(rng.nextGaussian()) * 60));
      CandidateLabel.Code a = read(truth, rng, 0.03);
      CandidateLabel.Code b = read(truth, rng, 0.06);
      items[i] = new CodeItem(List.of(a, b), list, frequencies);
    }
  }

  private static CandidateLabel.Code read(String truth, SplittableRandom rng, double error) {
    StringBuilder s = new StringBuilder();
    Double[] digits = new Double[truth.length()];
    double overall = 1;
    for (int d = 0; d < truth.length(); d++) {
      boolean wrong = rng.nextDouble() < error;
      s.append(wrong ? (char) ('0' + rng.nextInt(10)) : truth.charAt(d));
      digits[d] = wrong ? 0.3 + 0.6 * rng.nextDouble() : 0.9 + 0.0999 * rng.nextDouble();
      overall *= digits[d];
    }
    return new CandidateLabel.Code(s.toString(), overall, List.of(digits));
  }

  /** Assesses every cell once; the score is cells per second. */
  @Benchmark
  @OperationsPerInvocation(CELLS)
  public void assessCells(Blackhole bh) throws LabelCriticException {
    for (CodeItem item : items) {
      CodeAssessment a = critic.assess(item);
      bh.consume(a);
    }
  }
}
