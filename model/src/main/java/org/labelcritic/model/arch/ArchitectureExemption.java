package org.labelcritic.model.arch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that may break a layering or logging rule, and says why. The ArchUnit tests skip
 * classes carrying it; a reviewer reads the reason.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ArchitectureExemption {
  /** Why this class needs the exemption; must not be empty. */
  String value();
}
