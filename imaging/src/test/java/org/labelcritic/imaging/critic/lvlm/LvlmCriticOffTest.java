package org.labelcritic.imaging.critic.lvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.critic.lvlm.StubChatServer.Reply;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.domain.VerdictOutcome;

/** Off by default, and off means no connection at all. */
class LvlmCriticOffTest {

  @Test
  void theDefaultSettingsAreOff() {
    assertThat(LvlmSettings.defaults().enabled()).isFalse();
  }

  @Test
  void aDisabledCriticIsUnsureAndOpensNoConnection() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI url = URI.create("http://127.0.0.1:" + listener.getLocalPort());
      LvlmSettings off = new LvlmSettings(false, url, "m", Duration.ofSeconds(5), Optional.empty());
      // Templates that would fail if read: a disabled critic does not even build a prompt.
      PromptTemplates none = new PromptTemplates(Optional.empty(), LvlmFixtures.emptyLoader());
      CriticVerdict v;
      try (LvlmCritic critic = new LvlmCritic(off, none)) {
        v = critic.judge(LvlmFixtures.PAIR);
        v = critic.judge(LvlmFixtures.PAIR);
      }

      assertThat(v.outcome()).isEqualTo(VerdictOutcome.UNSURE);
      assertThat(v.reasons().getFirst().name()).isEqualTo(BothOrders.OFF);
      assertThat(v.reasons().getFirst().detail()).isEqualTo("LVLM critic is off");
      listener.setSoTimeout(300);
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void aDisabledCriticSendsNothingToARunningServer() throws Exception {
    try (StubChatServer stub = new StubChatServer(Reply.answer("Answer: Overlay 1"))) {
      LvlmSettings off = LvlmFixtures.on(stub.baseUrl(), Duration.ofSeconds(5)).withEnabled(false);
      try (LvlmCritic critic = new LvlmCritic(off, LvlmFixtures.templates())) {
        assertThat(critic.judge(LvlmFixtures.PAIR).outcome()).isEqualTo(VerdictOutcome.UNSURE);
      }
      assertThat(stub.received()).isEmpty();
    }
  }
}
