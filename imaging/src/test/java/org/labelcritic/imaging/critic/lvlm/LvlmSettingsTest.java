package org.labelcritic.imaging.critic.lvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.LabelCriticException;

class LvlmSettingsTest {
  static final Duration T = Duration.ofSeconds(30);

  @Test
  void defaultsAreOffAndValid() {
    LvlmSettings d = LvlmSettings.defaults();

    assertThat(d.enabled()).isFalse();
    assertThat(d.apiKey()).isEmpty();
    assertThat(d.endpoint()).hasToString("http://127.0.0.1:8000/v1/chat/completions");
  }

  @Test
  void typedValuesAreTrimmedAndABlankKeyMeansNone() throws Exception {
    LvlmSettings s = LvlmSettings.of(true, " https://vlm.example:8443/ ", " qwen ", T, "  ");

    assertThat(s.baseUrl()).hasToString("https://vlm.example:8443/");
    assertThat(s.model()).isEqualTo("qwen");
    assertThat(s.apiKey()).isEmpty();
    assertThat(s.endpoint()).hasToString("https://vlm.example:8443/v1/chat/completions");
  }

  @Test
  void aBaseUrlEndingInV1IsAccepted() throws Exception {
    assertThat(LvlmSettings.of(true, "http://h:8000/v1/", "m", T, null).endpoint())
        .hasToString("http://h:8000/v1/chat/completions");
  }

  @Test
  void aBadUrlNamesTheSetting() {
    assertThatThrownBy(() -> LvlmSettings.of(true, "http://exa mple", "m", T, null))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(LvlmSettings.BASE_URL)
        .hasMessageContaining("not a valid URL");
    assertThatThrownBy(() -> LvlmSettings.of(true, "", "m", T, null))
        .hasMessageContaining(LvlmSettings.BASE_URL)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> LvlmSettings.of(true, "localhost:8000", "m", T, null))
        .hasMessageContaining(LvlmSettings.BASE_URL)
        .hasMessageContaining("http://");
  }

  @Test
  void onlyHttpAndHttpsAreAccepted() {
    assertThatThrownBy(() -> LvlmSettings.of(true, "ftp://host/", "m", T, null))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(LvlmSettings.BASE_URL)
        .hasMessageContaining("'ftp'");
    assertThatThrownBy(() -> LvlmSettings.of(true, "file:///tmp/x", "m", T, null))
        .hasMessageContaining(LvlmSettings.BASE_URL);
  }

  @Test
  void aUrlWithAQueryIsRefused() {
    assertThatThrownBy(() -> LvlmSettings.of(true, "http://h/?a=1", "m", T, null))
        .hasMessageContaining("query");
  }

  @Test
  void aZeroOrNegativeTimeoutNamesTheSetting() {
    assertThatThrownBy(() -> LvlmSettings.of(true, "http://h", "m", Duration.ZERO, null))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(LvlmSettings.TIMEOUT);
    assertThatThrownBy(() -> LvlmSettings.of(true, "http://h", "m", Duration.ofSeconds(-1), null))
        .hasMessageContaining(LvlmSettings.TIMEOUT);
  }

  @Test
  void anEmptyModelNamesTheSetting() {
    assertThatThrownBy(() -> LvlmSettings.of(true, "http://h", " ", T, null))
        .hasMessageContaining(LvlmSettings.MODEL);
  }

  @Test
  void theConstructorRefusesTheSameValues() {
    assertThatThrownBy(
            () -> new LvlmSettings(false, URI.create("ws://h"), "m", T, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(LvlmSettings.BASE_URL);
    assertThatThrownBy(
            () -> new LvlmSettings(false, URI.create("http://h"), "m", T, Optional.of("a\nb")))
        .hasMessageContaining(LvlmSettings.API_KEY);
  }

  @Test
  void theKeyIsNeverPrinted() {
    LvlmSettings s = new LvlmSettings(true, URI.create("http://h"), "m", T, Optional.of("sk-123"));

    assertThat(s.toString()).doesNotContain("sk-123").contains("(set)");
  }
}
