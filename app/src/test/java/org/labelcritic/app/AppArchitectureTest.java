package org.labelcritic.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.arch.ArchitectureExemption;

/**
 * The app module's rules: only the command line's {@code Console} writes to the terminal, logging
 * is SLF4J only, and {@code Platform.runLater} is used only in the UI and the window launcher.
 */
class AppArchitectureTest {
  static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.labelcritic.app");

  @Test
  void onlyTheConsolePrintsAndLoggingIsSlf4j() {
    noClasses()
        .that()
        .areNotAnnotatedWith(ArchitectureExemption.class)
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .orShould(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(APP);
  }

  @Test
  void theCommandLineAndTheDemoDoNotTouchTheFxThread() {
    noClasses()
        .that()
        .resideInAnyPackage("org.labelcritic.app.cli..", "org.labelcritic.app.demo..")
        .should()
        .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
        .check(APP);
  }
}
