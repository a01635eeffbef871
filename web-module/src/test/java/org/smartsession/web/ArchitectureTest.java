package org.smartsession.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The delivery channels stay apart (a socket endpoint never calls a REST resource, or back) and
 * reach the engine through its services, never its adapters.
 */
class ArchitectureTest {
  private static final JavaClasses WEB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.smartsession.web");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.smartsession.web.(*)..").should().beFreeOfCycles().check(WEB);
  }

  @Test
  void channelsDoNotCallEachOther() {
    noClasses()
        .that()
        .resideInAPackage("org.smartsession.web.ws..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.smartsession.web.rest..")
        .check(WEB);
    noClasses()
        .that()
        .resideInAPackage("org.smartsession.web.rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.smartsession.web.ws..")
        .check(WEB);
  }

  @Test
  void noAdapterOfTheEngineIsUsedDirectly() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.smartsession.engine.store..",
            "org.smartsession.engine.vision..",
            "redis.clients..",
            "ai.djl..",
            "org.bytedeco..")
        .check(WEB);
  }

  /** Teachers' bearer tokens are checked in the sign-in, students' tokens in the engine. */
  @Test
  void jwtsOnlyInTheSignIn() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.smartsession.web.security..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.nimbusds..")
        .check(WEB);
  }
}
