package org.labelcritic.imaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.arch.ArchitectureExemption;

/** The imaging module's layering: no JavaFX, no app; SLF4J only; no console output. */
class ImagingArchitectureTest {
  static final JavaClasses IMAGING =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.labelcritic.imaging");

  @Test
  void imagingImportsNoJavaFxAndNotTheApp() {
    noClasses()
        .that()
        .areNotAnnotatedWith(ArchitectureExemption.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.labelcritic.app..")
        .because("only the app module may use JavaFX; the direction is app -> imaging -> model")
        .check(IMAGING);
  }

  @Test
  void imageJGlobalStateAndGuiStayOut() {
    noClasses()
        .that()
        .areNotAnnotatedWith(ArchitectureExemption.class)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("ij.IJ")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("ij.WindowManager")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("ij.gui..", "ij.plugin.frame..")
        .because("ImageJ is used for its readers and processors, never its global state or GUI")
        .check(IMAGING);
  }

  @Test
  void loggingIsSlf4jOnlyAndNothingPrintsToTheConsole() {
    noClasses()
        .that()
        .areNotAnnotatedWith(ArchitectureExemption.class)
        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
        .orShould(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(IMAGING);
  }
}
