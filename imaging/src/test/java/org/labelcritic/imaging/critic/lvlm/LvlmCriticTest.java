package org.labelcritic.imaging.critic.lvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.imaging.critic.lvlm.LvlmFixtures.PAIR;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.critic.lvlm.StubChatServer.Reply;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.Reason;
import org.labelcritic.model.domain.VerdictOutcome;

/** The critic against a scripted endpoint on 127.0.0.1: every answer ends as the right verdict. */
class LvlmCriticTest {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  static CriticVerdict judge(StubChatServer stub) throws LabelCriticException {
    try (LvlmCritic critic =
        new LvlmCritic(LvlmFixtures.on(stub.baseUrl(), TIMEOUT), LvlmFixtures.templates())) {
      return critic.judge(PAIR);
    }
  }

  static CriticVerdict judgeWith(Reply... replies) throws IOException, LabelCriticException {
    try (StubChatServer stub = new StubChatServer(replies)) {
      return judge(stub);
    }
  }

  static Reason reason(CriticVerdict v, String name) {
    return v.reasons().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no reason " + name + " in " + v.reasons()));
  }

  static List<String> names(CriticVerdict v) {
    return v.reasons().stream().map(Reason::name).toList();
  }

  @Test
  void candidateANamedInBothOrdersIsPreferredWithTheFixedConfidence() throws Exception {
    CriticVerdict v =
        judgeWith(
            Reply.answer("The first overlay covers the whole liver.\nAnswer: Overlay 1"),
            Reply.answer("Overlay 1 misses the left lobe.\nAnswer: Overlay 2"));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PREFER_A);
    assertThat(v.confidence()).isEqualTo(LvlmCritic.AGREEING_CONFIDENCE).isEqualTo(0.9);
    assertThat(names(v))
        .containsExactly(BothOrders.AGREED, BothOrders.ANSWER_AB, BothOrders.ANSWER_BA);
    assertThat(reason(v, BothOrders.ANSWER_AB).detail())
        .contains("covers the whole liver")
        .contains("Answer: Overlay 1");
    assertThat(reason(v, BothOrders.ANSWER_BA).detail()).contains("misses the left lobe");
    assertThat(reason(v, BothOrders.ANSWER_AB).weight()).isEqualTo(1);
    assertThat(reason(v, BothOrders.ANSWER_BA).weight()).isEqualTo(1);
  }

  @Test
  void candidateBNamedInBothOrdersIsPreferred() throws Exception {
    CriticVerdict v = judgeWith(Reply.answer("overlay 2"), Reply.answer("**Answer: Overlay 1**"));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PREFER_B);
    assertThat(v.confidence()).isEqualTo(0.9);
    assertThat(reason(v, BothOrders.ANSWER_AB).weight()).isEqualTo(-1);
  }

  @Test
  void theSamePositionInBothOrdersIsPositionBiasAndUnsure() throws Exception {
    CriticVerdict v =
        judgeWith(Reply.answer("Answer: Overlay 1"), Reply.answer("Answer: Overlay 1"));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
    assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.POSITION_BIAS);
    assertThat(v.reasons().getFirst().detail()).contains("position bias").contains("Overlay 1");
    assertThat(names(v)).contains(BothOrders.ANSWER_AB, BothOrders.ANSWER_BA);
  }

  @Test
  void neitherInBothOrdersMeansBothLabelsLookWrong() throws Exception {
    CriticVerdict v = judgeWith(Reply.answer("Answer: Neither"), Reply.answer("NEITHER"));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
    assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.BOTH_BAD);
    assertThat(v.reasons().getFirst().detail()).contains("both labels look wrong");
  }

  @Test
  void neitherInOneOrderAndACandidateInTheOtherIsUnsure() throws Exception {
    CriticVerdict v = judgeWith(Reply.answer("Answer: Overlay 2"), Reply.answer("Answer: Neither"));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
    assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.INCONSISTENT);
    assertThat(v.reasons().getFirst().detail()).contains("(= B)").contains("(= NEITHER)");
  }

  @Test
  void aMalformedFirstAnswerIsUnsureAndTheSecondOrderIsNotAsked() throws Exception {
    try (StubChatServer stub =
        new StubChatServer(Reply.answer("I cannot tell."), Reply.answer("Answer: Overlay 1"))) {
      CriticVerdict v = judge(stub);

      assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
      assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.MALFORMED);
      assertThat(v.reasons().getFirst().detail()).contains("(A, B)").contains("names none");
      assertThat(reason(v, BothOrders.ANSWER_AB).detail()).contains("I cannot tell.");
      assertThat(stub.received()).hasSize(1);
    }
  }

  @Test
  void aMalformedSecondAnswerIsUnsureWithBothRawAnswers() throws Exception {
    CriticVerdict v =
        judgeWith(
            Reply.answer("Answer: Overlay 1"),
            Reply.answer("Overlay 1 is better than Overlay 2 in places, Overlay 2 elsewhere."));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
    assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.MALFORMED);
    assertThat(v.reasons().getFirst().detail()).contains("(B, A)");
    assertThat(reason(v, BothOrders.ANSWER_BA).detail()).contains("in places");
  }

  @Test
  void anHttpErrorIsUnsureWithTheStatus() throws Exception {
    try (StubChatServer stub =
        new StubChatServer(Reply.raw(500, "{\"error\":\"CUDA out of memory\"}"))) {
      CriticVerdict v = judge(stub);

      assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
      assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.ERROR);
      assertThat(v.reasons().getFirst().detail())
          .contains("HTTP 500")
          .contains("CUDA out of memory")
          .contains("/v1/chat/completions");
      assertThat(stub.received()).hasSize(1);
    }
  }

  @Test
  void anHttpErrorInTheSecondOrderKeepsTheFirstAnswer() throws Exception {
    CriticVerdict v = judgeWith(Reply.answer("Answer: Overlay 1"), Reply.raw(503, ""));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
    assertThat(v.reasons().getFirst().detail()).contains("(B, A)").contains("HTTP 503");
    assertThat(reason(v, BothOrders.ANSWER_AB).detail()).contains("Overlay 1");
  }

  @Test
  void aResponseThatIsNotJsonIsUnsure() throws Exception {
    CriticVerdict v = judgeWith(Reply.raw(200, "<html>proxy error</html>"));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
    assertThat(v.reasons().getFirst().detail()).contains("not valid JSON").contains("proxy error");
  }

  @Test
  void jsonWithoutAnAnswerIsUnsure() throws Exception {
    CriticVerdict v = judgeWith(Reply.raw(200, "{\"choices\":[]}"));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
    assertThat(v.reasons().getFirst().detail()).contains("no choices[0].message.content");
  }

  @Test
  void contentGivenAsAListOfTextPartsIsRead() throws Exception {
    String parts =
        "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"Answer: Overlay"
            + " 2\"}]}}]}";
    CriticVerdict v = judgeWith(Reply.raw(200, parts), Reply.answer("Answer: Overlay 1"));

    assertThat(v.outcome()).isEqualTo(VerdictOutcome.PREFER_B);
  }

  @Test
  void aServerSlowerThanTheTimeoutIsUnsureWithoutWaitingForIt() throws Exception {
    try (StubChatServer stub = new StubChatServer(Reply.answer("Answer: Overlay 1").after(5000))) {
      long start = System.nanoTime();
      CriticVerdict v;
      try (LvlmCritic critic =
          new LvlmCritic(
              LvlmFixtures.on(stub.baseUrl(), Duration.ofMillis(300)), LvlmFixtures.templates())) {
        v = critic.judge(PAIR);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
      assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.ERROR);
      assertThat(v.reasons().getFirst().detail()).contains("no answer").contains("0.3 s");
      assertThat(millis).isLessThan(4000);
    }
  }

  @Test
  void aServerThatIsNotRunningIsUnsure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (LvlmCritic critic =
        new LvlmCritic(
            LvlmFixtures.on(URI.create("http://127.0.0.1:" + port), TIMEOUT),
            LvlmFixtures.templates())) {
      CriticVerdict v = critic.judge(PAIR);

      assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
      assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.ERROR);
      assertThat(v.reasons().getFirst().detail()).contains("127.0.0.1:" + port);
    }
  }

  @Test
  void aMissingTemplateIsAnErrorNamingItAndNothingIsSent() throws Exception {
    try (StubChatServer stub = new StubChatServer(Reply.answer("Answer: Overlay 1"));
        LvlmCritic critic =
            new LvlmCritic(
                LvlmFixtures.on(stub.baseUrl(), TIMEOUT),
                new PromptTemplates(java.util.Optional.empty(), LvlmFixtures.emptyLoader()))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> critic.judge(PAIR))
          .isInstanceOf(LabelCriticException.class)
          .hasMessageContaining("default.txt");
      assertThat(stub.received()).isEmpty();
    }
  }

  @Test
  void nameAndVersionIdentifyTheCriticAndTheServedModel() {
    LvlmSettings s = LvlmFixtures.on(URI.create("http://127.0.0.1:1"), TIMEOUT);
    try (LvlmCritic on = new LvlmCritic(s, LvlmFixtures.templates());
        LvlmCritic off = new LvlmCritic(s.withEnabled(false), LvlmFixtures.templates())) {
      assertThat(on.name()).isEqualTo("lvlm");
      assertThat(on.modelVersion()).isEqualTo("test-vlm");
      assertThat(off.modelVersion()).isEqualTo("off");
    }
  }
}
