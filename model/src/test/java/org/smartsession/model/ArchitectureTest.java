package org.smartsession.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays plain Java, and its packages depend on each other in one direction only. */
class ArchitectureTest {
  private static final JavaClasses MODEL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.smartsession.model");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.smartsession.model.(*)..").should().beFreeOfCycles().check(MODEL);
  }

  @Test
  void noContainerNoNativeCode() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.enterprise..",
            "jakarta.ejb..",
            "jakarta.websocket..",
            "jakarta.ws..",
            "ai.djl..",
            "org.bytedeco..",
            "redis.clients..",
            "org.smartsession.engine..",
            "org.smartsession.web..")
        .check(MODEL);
  }
}
