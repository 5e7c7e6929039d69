package org.labelcritic.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.arch.ArchitectureExemption;

/** The model module's layering: no GUI, no AWT, no ImageJ; SLF4J only; no console output. */
class ModelArchitectureTest {
  static final JavaClasses MODEL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.labelcritic.model");

  @Test
  void modelImportsNoJavaFxAwtOrImageJ() {
    ArchRule rule =
        noClasses()
            .that()
            .areNotAnnotatedWith(ArchitectureExemption.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "javafx..", "java.awt..", "javax.imageio..", "javax.swing..", "ij..")
            .because("model is the core: pixels and GUI live in imaging and app");
    rule.check(MODEL);
  }

  @Test
  void modelDoesNotDependOnTheOuterModules() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.labelcritic.imaging..", "org.labelcritic.app..")
        .because("the dependency direction is app -> imaging -> model")
        .check(MODEL);
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
        .check(MODEL);
  }
}
