package org.labelcritic.imaging.critic.lvlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelcritic.imaging.critic.lvlm.LvlmFixtures.PAIR;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.labelcritic.imaging.critic.lvlm.StubChatServer.Received;
import org.labelcritic.imaging.critic.lvlm.StubChatServer.Reply;
import org.labelcritic.imaging.render.ArgbImage;

/** What the critic sends: the chat request of the protocol, in both orders. */
class LvlmCriticRequestTest {

  static List<Received> send(Optional<String> apiKey) throws Exception {
    try (StubChatServer stub =
        new StubChatServer(Reply.answer("Answer: Overlay 1"), Reply.answer("Answer: Overlay 2"))) {
      LvlmSettings s =
          new LvlmSettings(true, stub.baseUrl(), "test-vlm", Duration.ofSeconds(10), apiKey);
      try (LvlmCritic critic = new LvlmCritic(s, LvlmFixtures.templates())) {
        critic.judge(PAIR);
      }
      return stub.received();
    }
  }

  static List<JsonNode> imageParts(Received r) {
    List<JsonNode> images = new ArrayList<>();
    for (JsonNode part : r.body().path("messages").path(0).path("content")) {
      if (part.path("type").asText().equals("image_url")) {
        images.add(part);
      }
    }
    return images;
  }

  static String text(Received r) {
    StringBuilder s = new StringBuilder();
    for (JsonNode part : r.body().path("messages").path(0).path("content")) {
      if (part.path("type").asText().equals("text")) {
        s.append(part.path("text").asText());
      }
    }
    return s.toString();
  }

  static void assertIsPngOf(JsonNode imagePart, ArgbImage expected) throws Exception {
    String url = imagePart.path("image_url").path("url").asText();
    assertThat(url).startsWith("data:image/png;base64,");
    byte[] png = Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo(expected.width());
    assertThat(img.getHeight()).isEqualTo(expected.height());
    int[] rgb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    for (int i = 0; i < rgb.length; i++) {
      if ((rgb[i] & 0xFFFFFF) != (expected.pixels()[i] & 0xFFFFFF)) {
        throw new AssertionError("pixel " + i + " differs");
      }
    }
  }

  @Test
  void eachOrderPostsOneUserMessageWithThePromptAndTwoPngsAtTemperatureZero() throws Exception {
    List<Received> requests = send(Optional.empty());

    assertThat(requests).hasSize(2);
    for (Received r : requests) {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/v1/chat/completions");
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(r.header("Authorization")).isNull();
      JsonNode body = r.body();
      assertThat(body.path("model").asText()).isEqualTo("test-vlm");
      assertThat(body.path("temperature").isNumber()).isTrue();
      assertThat(body.path("temperature").asDouble()).isZero();
      assertThat(body.path("messages")).hasSize(1);
      assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("user");
      assertThat(body.path("messages").path(0).path("content")).hasSize(3);
      assertThat(imageParts(r)).hasSize(2);
      assertThat(text(r))
          .contains("The liver is a large")
          .contains("segmentation of the liver")
          .contains("Answer: Overlay 1")
          .doesNotContain("{{")
          .doesNotContain("# LabelCritic prompt template");
    }
    assertThat(text(requests.get(0))).isEqualTo(text(requests.get(1)));
  }

  @Test
  void theFirstOrderShowsABAndTheSecondBA() throws Exception {
    List<Received> requests = send(Optional.empty());

    assertIsPngOf(imageParts(requests.get(0)).get(0), PAIR.projectionA());
    assertIsPngOf(imageParts(requests.get(0)).get(1), PAIR.projectionB());
    assertIsPngOf(imageParts(requests.get(1)).get(0), PAIR.projectionB());
    assertIsPngOf(imageParts(requests.get(1)).get(1), PAIR.projectionA());
  }

  @Test
  void anApiKeyIsSentAsABearerToken() throws Exception {
    List<Received> requests = send(Optional.of("sk-local-test"));

    assertThat(requests)
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer sk-local-test"));
  }

  @Test
  void theTwoProjectionsShowTheTwoLabels() {
    assertThat(PAIR.projectionA().pixels()).isNotEqualTo(PAIR.projectionB().pixels());
    // Both are the protocol's projection: longest side 512 px.
    assertThat(Math.max(PAIR.projectionA().width(), PAIR.projectionA().height())).isEqualTo(512);
  }
}
