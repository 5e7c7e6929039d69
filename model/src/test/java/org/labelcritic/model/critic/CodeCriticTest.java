package org.labelcritic.model.critic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.codes.CodeList;
import org.labelcritic.model.domain.CandidateLabel.Code;
import org.labelcritic.model.domain.VerdictOutcome;

class CodeCriticTest {
  static final CodeList LIST = CodeList.of(Map.of("412", "clerk", "417", "typist", "730", "baker"));
  static final CodeFrequencies FREQ =
      CodeFrequencies.of(Map.of("412", 5000L, "417", 40L, "730", 900L));

  private final CodeCritic critic = new CodeCritic();

  static Code code(String code, double conf, Double... digits) {
    return new Code(code, conf, List.of(digits));
  }

  static CodeItem item(Code... codes) {
    return new CodeItem(List.of(codes), LIST, FREQ);
  }

  @Test
  void identicalCodesFromEverySourceAgree() throws LabelCriticException {
    CodeAssessment a =
        critic.assess(
            item(code("412", 0.98, 0.99, 0.99, 0.98), code("412", 0.9, 0.95, 0.92, 0.97)));
    assertThat(a.verdict().outcome()).isEqualTo(VerdictOutcome.AGREE);
    assertThat(a.verdict().confidence()).isEqualTo(1.0);
    assertThat(a.candidateA()).isZero();
    assertThat(a.candidateB()).hasValue(1);
    assertThat(a.pCorrect(0)).isGreaterThan(0.99);
    assertThat(a.route().review()).isFalse();
  }

  @Test
  void aLoneCandidateGetsItsProbabilityOfBeingCorrect() throws LabelCriticException {
    CriticVerdict v = critic.judge(item(code("730", 0.9, 0.95, 0.97, 0.96)));
    assertThat(v.outcome()).isEqualTo(VerdictOutcome.SINGLE);
    assertThat(v.confidence()).isBetween(0.85, 1.0);
  }

  @Test
  void disagreeingSourcesPreferTheMoreLikelyCodeWithReasons() throws LabelCriticException {
    CodeAssessment a =
        critic.assess(item(code("417", 0.55, 0.9, 0.95, 0.6), code("412", 0.97, 0.99, 0.98, 0.99)));
    assertThat(a.verdict().outcome()).isEqualTo(VerdictOutcome.PREFER_B);
    assertThat(a.best()).isEqualTo(1);
    assertThat(a.verdict().confidence()).isBetween(0.7, 1.0);
    assertThat(a.verdict().reasons())
        .extracting(Reason::name)
        .contains("code.p_correct", "code.p_correct_other", "code.margin", "code.rarity");
    assertThat(a.verdict().reasons().getFirst().detail()).contains("412");
  }

  @Test
  void aCodeOutsideTheListIsLessLikelyThanTheSameCodeInside() {
    double listed = critic.pCorrect(item(code("412", 0.9, 0.9, 0.9, 0.9)))[0];
    double unlisted =
        critic
            .pCorrect(
                new CodeItem(
                    List.of(code("999", 0.9, 0.9, 0.9, 0.9)),
                    LIST,
                    CodeFrequencies.of(Map.of("999", 5000L, "412", 5000L))))[0];
    assertThat(unlisted).isLessThan(listed - 0.3);
  }

  @Test
  void rareCodesAndLowDigitsLowerTheProbability() {
    double common = critic.pCorrect(item(code("412", 0.9, 0.95, 0.95, 0.95)))[0];
    double rare = critic.pCorrect(item(code("417", 0.9, 0.95, 0.95, 0.95)))[0];
    double shakyDigit = critic.pCorrect(item(code("412", 0.9, 0.95, 0.5, 0.95)))[0];
    assertThat(rare).isLessThan(common);
    assertThat(shakyDigit).isLessThan(common);
  }

  @Test
  void missingConfidencesFallBackToDigitsOrAnEvenPrior() throws LabelCriticException {
    double fromDigits = critic.pCorrect(item(code("412", Double.NaN, 0.99, 0.99, 0.99)))[0];
    CodeAssessment none = critic.assess(item(code("412", Double.NaN)));
    assertThat(fromDigits).isGreaterThan(0.9);
    assertThat(none.verdict().reasons()).anyMatch(r -> r.detail().equals("no confidence given"));
    assertThat(none.route().review()).isTrue();
  }

  @Test
  void withSeveralSourcesTheVerdictComparesTheTwoMostLikelyDifferentCodes()
      throws LabelCriticException {
    List<String> codes = List.of("730", "412", "412", "417");
    CodeAssessment a =
        critic.assess(
            item(
                code("730", 0.4, 0.4, 0.9, 0.9),
                code("412", 0.95),
                code("412", 0.9),
                code("417", 0.6)));
    assertThat(codes.get(a.best())).isEqualTo("412");
    int other = a.best() == a.candidateA() ? a.candidateB().getAsInt() : a.candidateA();
    assertThat(codes.get(other)).isEqualTo("417");
    assertThat(a.candidateA()).isLessThan(a.candidateB().getAsInt());
    assertThat(a.verdict().outcome())
        .isEqualTo(a.best() == a.candidateA() ? VerdictOutcome.PREFER_A : VerdictOutcome.PREFER_B);
  }

  @Test
  void theRoutedCodeIsMarkedInTheReasons() throws LabelCriticException {
    CodeAssessment a = critic.assess(item(code("412", 0.9, 0.99, 0.65, 0.99)));
    assertThat(a.route().why()).containsExactly(CodeRouting.Why.LOW_DIGIT_CONFIDENCE);
    assertThat(a.verdict().reasons()).anyMatch(r -> r.name().equals("route.review"));
  }

  @Test
  void aCellWithoutCandidatesCannotBeJudged() {
    assertThatThrownBy(() -> critic.judge(item())).isInstanceOf(LabelCriticException.class);
  }

  @Test
  void theModelVersionFollowsTheWeights() {
    CodeCritic other =
        new CodeCritic(
            new CodeCritic.Weights(0, 0.6, 0.4, 1.5, 2.0, -3.0, -2.0),
            CodeRouting.withoutTrainingCodes());
    assertThat(critic.modelVersion()).isEqualTo(new CodeCritic().modelVersion());
    assertThat(other.modelVersion()).isNotEqualTo(critic.modelVersion());
    assertThat(critic.name()).isEqualTo("code");
  }

  @Test
  void reasonsSurviveTheirJsonForm() throws LabelCriticException {
    CriticVerdict v = critic.judge(item(code("417", 0.5), code("412", 0.97)));
    String json = ReasonsJson.write(v.reasons());
    assertThat(ReasonsJson.read(json)).isEqualTo(v.reasons());
    assertThat(ReasonsJson.read("not json")).isEmpty();
  }

  @Test
  void detailsShowTwoDecimals() {
    assertThat(CodeCritic.fmt(0.9749)).isEqualTo("0.97");
    assertThat(CodeCritic.fmt(0.975)).isEqualTo("0.98");
    assertThat(CodeCritic.fmt(-0.05)).isEqualTo("-0.05");
    assertThat(CodeCritic.fmt(-1.5)).isEqualTo("-1.50");
    assertThat(CodeCritic.fmt(1)).isEqualTo("1.00");
    assertThat(CodeCritic.fmt(Double.NaN)).isEqualTo("NaN");
  }
}
