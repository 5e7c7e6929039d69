package org.labelcritic.model.codes;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.Problem;

/**
 * The code list and the training codes of a census dataset live beside its database, as {@code
 * <name>.codes.csv} and {@code <name>.seen-codes.txt} for {@code <name>.db} (the database itself
 * does not hold them): the review view finds them there for auto-completion, validation and
 * routing.
 */
public final class CodeSidecars {
  private CodeSidecars() {}

  public static Path codeListFile(Path database) {
    return database.resolveSibling(stem(database) + ".codes.csv");
  }

  public static Path seenCodesFile(Path database) {
    return database.resolveSibling(stem(database) + ".seen-codes.txt");
  }

  /** The code list beside the database, if there is one. */
  public static Optional<CodeList> codeList(Path database, Consumer<Problem> problems)
      throws LabelCriticException {
    Path file = codeListFile(database);
    return Files.isRegularFile(file)
        ? Optional.of(CodeList.read(file, problems))
        : Optional.empty();
  }

  /** The codes seen in training beside the database, or null when unknown. */
  public static Set<String> seenCodes(Path database) throws LabelCriticException {
    Path file = seenCodesFile(database);
    return Files.isRegularFile(file) ? readSeenCodes(file) : null;
  }

  /**
   * One code per line, or a CSV whose first column is the code (a header line "code" is skipped);
   * blank lines and lines starting with '#' are skipped.
   */
  public static Set<String> readSeenCodes(Path file) throws LabelCriticException {
    try {
      Set<String> out = new TreeSet<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String s = line.strip();
        if (s.startsWith("\uFEFF")) {
          s = s.substring(1).strip();
        }
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String code = s.split(",", 2)[0].strip();
        if (!code.isEmpty() && !(out.isEmpty() && code.equalsIgnoreCase("code"))) {
          out.add(code);
        }
      }
      return out;
    } catch (NoSuchFileException e) {
      throw LabelCriticException.inFile(file, "does not exist");
    } catch (MalformedInputException e) {
      throw LabelCriticException.inFile(
          file, "is not UTF-8 text; save the training codes as UTF-8", e);
    } catch (IOException e) {
      throw LabelCriticException.inFile(file, "cannot read the training codes", e);
    }
  }

  private static String stem(Path database) {
    String name = database.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
