package org.labelcritic.imaging.critic.lvlm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.labelcritic.model.LabelCriticException;

/**
 * The LVLM critic's settings. Invalid values are refused with a message naming the setting: the
 * constructor throws {@link IllegalArgumentException} (a programming error), {@link #of} a {@link
 * LabelCriticException} (values a user typed).
 *
 * @param enabled whether the critic talks to the endpoint at all; off by default
 * @param baseUrl the server root of an OpenAI-compatible API, http or https, e.g. {@code
 *     http://127.0.0.1:8000}; requests go to {@code {baseUrl}/v1/chat/completions}
 * @param model the model name the server expects
 * @param timeout both the connect timeout and the timeout of each request; positive
 * @param apiKey sent as a bearer token when present
 */
public record LvlmSettings(
    boolean enabled, URI baseUrl, String model, Duration timeout, Optional<String> apiKey) {

  public static final String BASE_URL = "lvlm.baseUrl";
  public static final String MODEL = "lvlm.model";
  public static final String TIMEOUT = "lvlm.timeout";
  public static final String API_KEY = "lvlm.apiKey";

  public static final URI DEFAULT_BASE_URL = URI.create("http://127.0.0.1:8000");

  /** A placeholder: the name of whatever vision-language model the user serves. */
  public static final String DEFAULT_MODEL = "Qwen/Qwen2.5-VL-7B-Instruct";

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  public LvlmSettings {
    Optional<String> problem = problem(baseUrl, model, timeout, apiKey);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /** Off, pointing at a local server. */
  public static LvlmSettings defaults() {
    return new LvlmSettings(
        false, DEFAULT_BASE_URL, DEFAULT_MODEL, DEFAULT_TIMEOUT, Optional.empty());
  }

  /**
   * Settings from text a user typed; a blank API key means none.
   *
   * @throws LabelCriticException naming the setting that is wrong
   */
  public static LvlmSettings of(
      boolean enabled, String baseUrl, String model, Duration timeout, String apiKey)
      throws LabelCriticException {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNullElse(baseUrl, "").strip());
    } catch (URISyntaxException e) {
      throw new LabelCriticException(
          BASE_URL + ": '" + baseUrl + "' is not a valid URL (" + e.getReason() + ")");
    }
    Optional<String> key =
        apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.strip());
    String m = model == null ? null : model.strip();
    Optional<String> problem = problem(uri, m, timeout, key);
    if (problem.isPresent()) {
      throw new LabelCriticException(problem.get());
    }
    return new LvlmSettings(enabled, uri, m, timeout, key);
  }

  /** The chat completions endpoint; a base URL that already ends in {@code /v1} is accepted. */
  public URI endpoint() {
    String root = baseUrl.toString().replaceAll("/+$", "");
    return URI.create(
        root.endsWith("/v1") ? root + "/chat/completions" : root + "/v1/chat/completions");
  }

  public LvlmSettings withEnabled(boolean on) {
    return new LvlmSettings(on, baseUrl, model, timeout, apiKey);
  }

  @Override
  public String toString() {
    // Never print the key.
    return "LvlmSettings[enabled="
        + enabled
        + ", baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", timeout="
        + timeout
        + ", apiKey="
        + (apiKey.isPresent() ? "(set)" : "(none)")
        + "]";
  }

  private static Optional<String> problem(
      URI baseUrl, String model, Duration timeout, Optional<String> apiKey) {
    if (baseUrl == null || baseUrl.toString().isBlank()) {
      return Optional.of(BASE_URL + ": the URL is empty");
    }
    String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(
          BASE_URL
              + ": '"
              + baseUrl
              + "' must start with http:// or https://"
              + (scheme.isEmpty() ? "" : " (found '" + scheme + "')"));
    }
    if (baseUrl.getHost() == null || baseUrl.getHost().isEmpty()) {
      return Optional.of(BASE_URL + ": '" + baseUrl + "' names no host");
    }
    if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
      return Optional.of(BASE_URL + ": '" + baseUrl + "' must not have a query or fragment");
    }
    if (model == null || model.isBlank()) {
      return Optional.of(MODEL + ": the model name is empty");
    }
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      return Optional.of(TIMEOUT + ": must be longer than zero, was " + timeout);
    }
    if (apiKey == null) {
      return Optional.of(API_KEY + ": use Optional.empty() for no key");
    }
    if (apiKey.isPresent()
        && (apiKey.get().isBlank() || apiKey.get().matches("(?s).*[\\r\\n].*"))) {
      return Optional.of(API_KEY + ": the key is blank or spans several lines");
    }
    return Optional.empty();
  }
}
