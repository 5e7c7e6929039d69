package org.labelcritic.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.labelcritic.model.stats.Fixtures.mask;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.LabelCriticException;

class MaskAgreementTest {
  final List<String> calls = new ArrayList<>();

  // A stand-in for imaging's Dice: 0.8 between different masks.
  final MaskDice dice =
      (a, b) -> {
        calls.add(a.id() + "-" + b.id());
        return 0.8;
      };

  @Test
  void averagesPairwiseDicePerUnitThenOverUnits() throws Exception {
    MaskAgreement m = new MaskAgreement();
    m.add(new FinalMask("case-1/liver", "ann", mask(1)));
    m.add(new FinalMask("case-1/liver", "bob", mask(1)));
    m.add(new FinalMask("case-2/liver", "ann", mask(2)));
    m.add(new FinalMask("case-2/liver", "bob", mask(3)));
    m.add(new FinalMask("case-3/liver", "ann", mask(4)));

    MaskAgreement.Result r = m.result(dice);
    assertThat(r.items()).isEqualTo(2);
    assertThat(r.pairs()).isEqualTo(2);
    assertThat(r.meanDice()).isCloseTo(0.9, within(1e-12));
    assertThat(r.meanDiceByPair()).containsOnlyKeys(new MaskAgreement.ReviewerPair("ann", "bob"));
    assertThat(calls).containsExactly("2-3");
  }

  @Test
  void dicesAreComputedOnceAcrossReads() throws Exception {
    MaskAgreement m = new MaskAgreement();
    m.add(new FinalMask("u", "ann", mask(2)));
    m.add(new FinalMask("u", "bob", mask(3)));
    m.result(dice);
    m.add(new FinalMask("u", "cy", mask(3)));

    MaskAgreement.Result r = m.result(dice);
    assertThat(r.pairs()).isEqualTo(3);
    assertThat(calls).containsExactly("2-3");
  }

  @Test
  void noOverlapMeansNoDice() throws Exception {
    MaskAgreement m = new MaskAgreement();
    m.add(new FinalMask("u1", "ann", mask(1)));
    m.add(new FinalMask("u1", "bob", mask(2)));
    m.remove("u1", "bob");

    assertThat(m.result(dice).meanDice()).isNaN();
    assertThat(m.result(dice).items()).isZero();
    assertThat(calls).isEmpty();
  }

  @Test
  void aMaskThatCannotBeReadFailsWithTheUsersMessage() {
    MaskAgreement m = new MaskAgreement();
    m.add(new FinalMask("u1", "ann", mask(1)));
    m.add(new FinalMask("u1", "bob", mask(2)));

    assertThatThrownBy(
            () ->
                m.result(
                    (a, b) -> {
                      throw new LabelCriticException("mask file missing");
                    }))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("missing");
  }
}
