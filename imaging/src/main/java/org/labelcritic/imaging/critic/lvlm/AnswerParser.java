package org.labelcritic.imaging.critic.lvlm;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer: strict about what counts as a choice, tolerant about how it is written.
 *
 * <p>An <em>option</em> is {@code Overlay 1}, {@code Overlay 2} or {@code Neither}, in any case,
 * also written {@code Overlay #1}, {@code overlay1} or {@code Overlay one}; Markdown emphasis and
 * quotes around it are ignored. The rule:
 *
 * <ol>
 *   <li>If a line starts with {@code Answer:}, {@code Final answer:} or {@code Conclusion:}, the
 *       last such line decides: it must name exactly one option.
 *   <li>Otherwise, if the whole answer names exactly one option (however often), that is it.
 *   <li>Otherwise, if it names several, the last non-blank line must name exactly one option.
 * </ol>
 *
 * Anything else (empty, no option, several options with no settling line) is malformed.
 */
final class AnswerParser {

  /** Appended to every prompt, so templates cannot drift from what this parser reads. */
  static final String INSTRUCTION =
      """
      The first image is Overlay 1 and the second image is Overlay 2. Explain briefly, then end \
      with one final line that is exactly one of:
      Answer: Overlay 1
      Answer: Overlay 2
      Answer: Neither""";

  /** The option a model named. */
  enum Pick {
    OVERLAY_1,
    OVERLAY_2,
    NEITHER
  }

  /** A parsed answer: a pick, or why there is none. */
  sealed interface Parsed {
    record Picked(Pick pick) implements Parsed {}

    record Malformed(String why) implements Parsed {}
  }

  private static final Pattern OPTION =
      Pattern.compile(
          "\\b(?:overlay\\s*#?\\s*(1|2|one|two)|(neither))\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern ANSWER_LINE =
      Pattern.compile(
          "^\\s*(?:final\\s+answer|answer|conclusion)\\s*[:\\-\u2013\u2014]\\s*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private AnswerParser() {}

  static Parsed parse(String answer) {
    if (answer == null || answer.isBlank()) {
      return new Parsed.Malformed("the answer is empty");
    }
    List<String> lines =
        answer.replaceAll("[*`\"\u201c\u201d]", "").lines().filter(l -> !l.isBlank()).toList();
    String answerLine = null;
    for (String line : lines) {
      Matcher m = ANSWER_LINE.matcher(line);
      if (m.matches()) {
        answerLine = m.group(1);
      }
    }
    if (answerLine != null) {
      Set<Pick> picks = options(answerLine);
      return picks.size() == 1
          ? new Parsed.Picked(picks.iterator().next())
          : new Parsed.Malformed(
              "the answer line '"
                  + answerLine.strip()
                  + "' names "
                  + (picks.isEmpty() ? "none" : "more than one")
                  + " of Overlay 1, Overlay 2, Neither");
    }
    Set<Pick> all = options(String.join("\n", lines));
    if (all.size() == 1) {
      return new Parsed.Picked(all.iterator().next());
    }
    if (all.isEmpty()) {
      return new Parsed.Malformed("the answer names none of Overlay 1, Overlay 2, Neither");
    }
    Set<Pick> last = options(lines.getLast());
    return last.size() == 1
        ? new Parsed.Picked(last.iterator().next())
        : new Parsed.Malformed(
            "the answer names several of Overlay 1, Overlay 2, Neither and its last line does not"
                + " settle on one");
  }

  private static Set<Pick> options(String text) {
    Set<Pick> picks = EnumSet.noneOf(Pick.class);
    Matcher m = OPTION.matcher(text);
    while (m.find()) {
      if (m.group(2) != null) {
        picks.add(Pick.NEITHER);
      } else {
        String n = m.group(1).toLowerCase(Locale.ROOT);
        picks.add(n.equals("1") || n.equals("one") ? Pick.OVERLAY_1 : Pick.OVERLAY_2);
      }
    }
    return picks;
  }
}
