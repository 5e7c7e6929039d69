package org.labelcritic.imaging.critic.lvlm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.labelcritic.model.LabelCriticException;

/**
 * The LVLM critic's prompt templates: UTF-8 text files named {@code <structure>.txt} (e.g. {@code
 * liver.txt}, {@code kidney_left.txt}) with {@code default.txt} for structures that have none.
 * Lines starting with {@code #} are comments. {@code {{organ}}} is replaced by the structure's
 * readable name ("kidney_left" reads "left kidney"); any other {@code {{...}}} is an error.
 *
 * <p>Lookup, first found wins: the user folder's {@code <structure>.txt}, the bundled one, the user
 * folder's {@code default.txt}, the bundled one. Files are read on every call, so edits take effect
 * on the next comparison.
 */
public final class PromptTemplates {

  /** Class-path folder of the bundled templates (in the resources module). */
  public static final String RESOURCE_FOLDER = "org/labelcritic/resources/prompts/";

  public static final String DEFAULT_TEMPLATE = "default.txt";
  public static final String PLACEHOLDER = "{{organ}}";

  private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]+");

  private final Optional<Path> userFolder;
  private final ClassLoader loader;

  /**
   * @param userFolder a folder whose templates override the bundled ones, if any
   * @param loader where the bundled templates are looked up
   */
  public PromptTemplates(Optional<Path> userFolder, ClassLoader loader) {
    this.userFolder = Objects.requireNonNull(userFolder, "userFolder");
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /** The bundled templates only. */
  public static PromptTemplates bundled() {
    return new PromptTemplates(Optional.empty(), PromptTemplates.class.getClassLoader());
  }

  /** The bundled templates, overridden by those in {@code userFolder}. */
  public static PromptTemplates withOverrides(Path userFolder) {
    return new PromptTemplates(Optional.of(userFolder), PromptTemplates.class.getClassLoader());
  }

  /**
   * The prompt for a structure, placeholders filled in.
   *
   * @throws LabelCriticException when no template can be found or read, naming the file
   */
  public String prompt(String structure) throws LabelCriticException {
    String key = structure.strip().toLowerCase(Locale.ROOT);
    Template t = SAFE_NAME.matcher(key).matches() ? find(key + ".txt") : null;
    if (t == null) {
      t = find(DEFAULT_TEMPLATE);
    }
    if (t == null) {
      throw LabelCriticException.inFile(
          Path.of(RESOURCE_FOLDER + DEFAULT_TEMPLATE),
          "the default prompt template is missing"
              + userFolder.map(f -> " from " + f).orElse("")
              + " and not on the class path (is the labelcritic-resources jar missing?)");
    }
    String text =
        t.text().lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n")).strip();
    if (text.isEmpty()) {
      throw LabelCriticException.inFile(t.source(), "the prompt template is empty");
    }
    String filled = text.replace(PLACEHOLDER, readable(key));
    Matcher unknown = ANY_PLACEHOLDER.matcher(filled);
    if (unknown.find()) {
      throw LabelCriticException.inFile(
          t.source(),
          "unknown placeholder "
              + unknown.group()
              + " in the prompt template (only "
              + PLACEHOLDER
              + " is known)");
    }
    return filled;
  }

  /** "kidney_left" → "left kidney", "gallbladder" → "gallbladder". */
  static String readable(String structure) {
    String s = structure.strip().toLowerCase(Locale.ROOT);
    for (String side : new String[] {"left", "right"}) {
      if (s.endsWith("_" + side)) {
        s = side + "_" + s.substring(0, s.length() - side.length() - 1);
      }
    }
    return s.replace('_', ' ');
  }

  private record Template(Path source, String text) {}

  private Template find(String fileName) throws LabelCriticException {
    if (userFolder.isPresent()) {
      Path folder = userFolder.get();
      if (!Files.isDirectory(folder)) {
        throw LabelCriticException.inFile(folder, "the prompt template folder does not exist");
      }
      Path file = folder.resolve(fileName);
      if (Files.exists(file)) {
        try {
          return new Template(file, decode(Files.readAllBytes(file)));
        } catch (CharacterCodingException e) {
          throw LabelCriticException.inFile(
              file, "cannot read the prompt template: it is not valid UTF-8 text", e);
        } catch (IOException e) {
          throw LabelCriticException.inFile(
              file, "cannot read the prompt template: " + LabelCriticException.describe(e), e);
        }
      }
    }
    Path name = Path.of(RESOURCE_FOLDER + fileName);
    try (InputStream in = loader.getResourceAsStream(RESOURCE_FOLDER + fileName)) {
      return in == null ? null : new Template(name, decode(in.readAllBytes()));
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          name, "cannot read the bundled prompt template: " + LabelCriticException.describe(e), e);
    }
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString()
        .replaceFirst("^\\uFEFF", "");
  }
}
