package org.labelcritic.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the workbench keeps its data: the demo database and the unpacked demo files. Chosen once at
 * start: {@code LCW_DATA_DIR} (environment) or {@code lcw.data.dir} (system property) if set, else
 * the platform's usual place for application data.
 */
public record AppDirectories(Path dataDir) {

  public static AppDirectories fromEnvironment() {
    return fromEnvironment(
        System.getenv(),
        System.getProperties().entrySet().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))));
  }

  static AppDirectories fromEnvironment(Map<String, String> env, Map<String, String> props) {
    String explicit = props.getOrDefault("lcw.data.dir", env.get("LCW_DATA_DIR"));
    if (explicit != null && !explicit.isBlank()) {
      return new AppDirectories(Path.of(explicit).toAbsolutePath());
    }
    String home = props.getOrDefault("user.home", ".");
    String os = props.getOrDefault("os.name", "").toLowerCase(Locale.ROOT);
    Path dir;
    if (os.contains("win")) {
      String appData = env.get("APPDATA");
      dir = Path.of(appData != null ? appData : home, "LabelCritic");
    } else if (os.contains("mac")) {
      dir = Path.of(home, "Library", "Application Support", "LabelCritic");
    } else {
      String xdg = env.get("XDG_DATA_HOME");
      dir = Path.of(xdg != null && !xdg.isBlank() ? xdg : home + "/.local/share", "labelcritic");
    }
    return new AppDirectories(dir.toAbsolutePath());
  }

  /** The database of the bundled demo dataset. */
  public Path demoDatabase() {
    return dataDir.resolve("demo.db");
  }

  /** Where the bundled demo files are unpacked. */
  public Path demoFiles() {
    return dataDir.resolve("demo");
  }
}
