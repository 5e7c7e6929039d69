package org.labelcritic.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.labelcritic.app.AppDirectories;

/** One in-process run of {@code lcw}: its exit code and what it printed to each stream. */
record LcwRun(int exitCode, String out, String err) {

  static LcwRun of(Path dataDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Console console = new Console(new PrintWriter(out), new PrintWriter(err));
    int code = LcwCommand.run(new CliContext(console, new AppDirectories(dataDir)), args);
    return new LcwRun(code, out.toString(), err.toString());
  }

  /** Standard error's non-empty lines. */
  List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank()).toList();
  }

  /** Standard output without the progress lines ({@code \r}-rewritten) and blank lines. */
  List<String> outLines() {
    return out.lines()
        .map(l -> l.contains("\r") ? l.substring(l.lastIndexOf('\r') + 1) : l)
        .filter(l -> !l.isBlank())
        .toList();
  }

  /** True when a Java stack trace or exception class name leaked to the user. */
  boolean showsAStackTrace() {
    String all = out + err;
    return all.contains("\tat ") || all.matches("(?s).*\\b\\w+(Exception|Error)\\b.*");
  }
}
