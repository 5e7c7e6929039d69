package org.labelcritic.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access to the user-visible strings of {@code messages.properties}. Every key the code uses goes
 * through {@link #text} or {@link #format} with a literal key, so that {@code
 * LocalizationConsistencyTest} can find missing and unused keys by reading the sources.
 */
public final class I18n {
  /** The base name of the workbench's message bundle. */
  public static final String BUNDLE = "org.labelcritic.app.ui.messages";

  private static final Logger LOG = LoggerFactory.getLogger(I18n.class);

  private final ResourceBundle bundle;

  public I18n(ResourceBundle bundle) {
    this.bundle = Objects.requireNonNull(bundle, "bundle");
  }

  /** Loads the workbench's messages for a locale (the root bundle is the English text). */
  public static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale);
  }

  public ResourceBundle bundle() {
    return bundle;
  }

  /** The text for a key; a missing key shows as {@code !key!} so it is noticed, not hidden. */
  public String text(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      LOG.warn("missing message key {}", key);
      return "!" + key + "!";
    }
  }

  /** The text for a key as a {@link MessageFormat} pattern, filled with {@code args}. */
  public String format(String key, Object... args) {
    return formatter(key).format(args);
  }

  /** The {@link MessageFormat} for a key, to keep where the same text is formatted often. */
  public MessageFormat formatter(String key) {
    Locale locale = bundle.getLocale() == null ? Locale.ROOT : bundle.getLocale();
    return new MessageFormat(text(key), locale);
  }
}
