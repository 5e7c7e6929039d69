package org.labelcritic.imaging.critic.lvlm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One call to an OpenAI-compatible {@code /v1/chat/completions} endpoint: a user message with the
 * prompt and two inline PNG images, temperature 0; returns the assistant's text.
 */
final class ChatCompletionClient implements AutoCloseable {

  /** Why a call gave no answer; the message is shown to the reviewer. */
  static final class CallFailed extends Exception {
    private static final long serialVersionUID = 1L;

    CallFailed(String message) {
      super(message);
    }
  }

  private static final int BODY_EXCERPT = 300;

  private final LvlmSettings settings;
  private final URI endpoint;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  ChatCompletionClient(LvlmSettings settings) {
    this.settings = settings;
    this.endpoint = settings.endpoint();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Asks once; {@code image1} and {@code image2} are PNG data URLs. */
  String ask(String prompt, String image1, String image2) throws CallFailed, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(prompt, image1, image2)));
    settings.apiKey().ifPresent(k -> request.header("Authorization", "Bearer " + k));
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new CallFailed(
          "could not connect to "
              + endpoint
              + " within "
              + seconds()
              + " ("
              + LvlmSettings.TIMEOUT
              + ")");
    } catch (HttpTimeoutException e) {
      throw new CallFailed(
          "no answer from "
              + endpoint
              + " within "
              + seconds()
              + " ("
              + LvlmSettings.TIMEOUT
              + ")");
    } catch (ConnectException e) {
      throw new CallFailed("cannot connect to " + endpoint + ": is the server running?");
    } catch (IOException e) {
      throw new CallFailed("error talking to " + endpoint + ": " + e);
    }
    if (response.statusCode() != 200) {
      throw new CallFailed(
          "HTTP " + response.statusCode() + " from " + endpoint + excerpt(response.body()));
    }
    return content(response.body());
  }

  private byte[] body(String prompt, String image1, String image2) {
    ObjectNode root = json.createObjectNode();
    root.put("model", settings.model());
    root.put("temperature", 0);
    ObjectNode message = root.putArray("messages").addObject();
    message.put("role", "user");
    ArrayNode content = message.putArray("content");
    content.addObject().put("type", "text").put("text", prompt);
    for (String image : new String[] {image1, image2}) {
      ObjectNode part = content.addObject().put("type", "image_url");
      part.putObject("image_url").put("url", image);
    }
    try {
      return json.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** {@code choices[0].message.content}: a string, or a list of text parts. */
  private String content(String body) throws CallFailed {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new CallFailed("the response from " + endpoint + " is not valid JSON" + excerpt(body));
    }
    JsonNode content =
        root == null ? null : root.path("choices").path(0).path("message").path("content");
    if (content != null && content.isTextual()) {
      return content.asText();
    }
    if (content != null && content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (part.path("text").isTextual()) {
          text.append(part.path("text").asText());
        }
      }
      return text.toString();
    }
    throw new CallFailed(
        "the response from "
            + endpoint
            + " has no choices[0].message.content text"
            + excerpt(body));
  }

  private String seconds() {
    return settings.timeout().toMillis() / 1000.0 + " s";
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String b = body.strip().replaceAll("\\s+", " ");
    return ": " + (b.length() > BODY_EXCERPT ? b.substring(0, BODY_EXCERPT) + "..." : b);
  }

  @Override
  public void close() {
    http.close();
  }
}
