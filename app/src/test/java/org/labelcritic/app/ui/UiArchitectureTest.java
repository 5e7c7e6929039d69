package org.labelcritic.app.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The UI's own rules: view models hold no nodes, and nobody prints instead of logging. */
class UiArchitectureTest {
  private static final JavaClasses UI =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.labelcritic.app.ui");

  @Test
  void viewModelsDoNotTouchNodes() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "org.controlsfx..", "javafx.stage..")
        .check(UI);
  }

  @Test
  void viewModelsLeaveThreadingToTheirCaller() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javafx.application.Platform")
        .check(UI);
  }

  @Test
  void nothingWritesToStandardStreams() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(UI);
  }
}
