package org.labelcritic.imaging.critic.lvlm;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.labelcritic.imaging.critic.lvlm.AnswerParser.Parsed;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.critic.Critic;
import org.labelcritic.model.critic.CriticVerdict;
import org.labelcritic.model.critic.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LVLM critic of the published Label Critic protocol. For a pair it asks the model twice, with
 * the projections in order (A, B) and then (B, A):
 *
 * <ul>
 *   <li>the same candidate named in both orders gives PREFER_A or PREFER_B with confidence {@value
 *       BothOrders#AGREEING_CONFIDENCE} (a fixed value: the model gives no calibrated probability);
 *   <li>the same position named in both orders is position bias: UNSURE;
 *   <li>Neither in both orders means both labels look wrong: UNSURE;
 *   <li>any other mix, a malformed answer, an HTTP error, invalid JSON or a timeout: UNSURE.
 * </ul>
 *
 * The raw answers are kept in the reasons ({@code lvlm.answer_ab}, {@code lvlm.answer_ba}). When
 * the first order already fails, the second is not asked. While the settings say off, {@link
 * #judge} returns UNSURE "LVLM critic is off" and no connection is ever opened.
 */
public final class LvlmCritic implements Critic<LvlmPair>, AutoCloseable {

  public static final String NAME = "lvlm";

  /** The confidence of a verdict on which both orders agree. */
  public static final double AGREEING_CONFIDENCE = BothOrders.AGREEING_CONFIDENCE;

  private static final Logger LOG = LoggerFactory.getLogger(LvlmCritic.class);

  private final LvlmSettings settings;
  private final PromptTemplates templates;
  private final ChatCompletionClient client;

  public LvlmCritic(LvlmSettings settings, PromptTemplates templates) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.templates = Objects.requireNonNull(templates, "templates");
    // No HTTP client at all while off: nothing that could open a connection.
    this.client = settings.enabled() ? new ChatCompletionClient(settings) : null;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The served model's name; "off" while disabled. */
  @Override
  public String modelVersion() {
    return settings.enabled() ? settings.model() : "off";
  }

  public LvlmSettings settings() {
    return settings;
  }

  /**
   * @throws LabelCriticException when the prompt template is missing or unreadable, or a projection
   *     cannot be encoded
   */
  @Override
  public CriticVerdict judge(LvlmPair pair) throws LabelCriticException {
    Objects.requireNonNull(pair, "pair");
    if (client == null) {
      return BothOrders.unsure(BothOrders.OFF, "LVLM critic is off", List.of());
    }
    String prompt = templates.prompt(pair.structure()) + "\n\n" + AnswerParser.INSTRUCTION;
    String a;
    String b;
    try {
      a = PngDataUrl.of(pair.projectionA());
      b = PngDataUrl.of(pair.projectionB());
    } catch (IOException e) {
      throw new LabelCriticException(
          "cannot encode the projections of " + pair.structure() + " as PNG: " + e.getMessage());
    }
    String rawAb;
    try {
      rawAb = client.ask(prompt, a, b);
    } catch (ChatCompletionClient.CallFailed e) {
      return failed(
          pair,
          BothOrders.firstOrderFailed(
              BothOrders.ERROR, "order (A, B): " + e.getMessage(), null, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return BothOrders.unsure(BothOrders.ERROR, "cancelled before the model answered", List.of());
    }
    Parsed ab = AnswerParser.parse(rawAb);
    if (ab instanceof Parsed.Malformed(String why)) {
      return failed(
          pair,
          BothOrders.firstOrderFailed(
              BothOrders.MALFORMED, "answer in order (A, B) is malformed: " + why, rawAb, ab));
    }
    String rawBa;
    try {
      rawBa = client.ask(prompt, b, a);
    } catch (ChatCompletionClient.CallFailed e) {
      return failed(
          pair,
          BothOrders.secondOrderFailed(
              BothOrders.ERROR, "order (B, A): " + e.getMessage(), rawAb, ab));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return BothOrders.unsure(BothOrders.ERROR, "cancelled before the model answered", List.of());
    }
    CriticVerdict v = BothOrders.verdict(rawAb, ab, rawBa, AnswerParser.parse(rawBa));
    LOG.debug("LVLM verdict for {}: {} {}", pair.structure(), v.outcome(), v.confidence());
    return v;
  }

  private static CriticVerdict failed(LvlmPair pair, CriticVerdict v) {
    Reason why = v.reasons().getFirst();
    LOG.warn("LVLM critic unsure for {}: {}", pair.structure(), why.detail());
    return v;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
