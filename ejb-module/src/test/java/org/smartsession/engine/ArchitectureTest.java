package org.smartsession.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * A frame flows one way through the engine's packages (pipeline → assessment → analysis, store,
 * alerts → events), so no package depends, even indirectly, on one that depends on it; and each
 * outside technology stays in the one adapter package that wraps it.
 */
class ArchitectureTest {
  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.smartsession.engine");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.smartsession.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
  }

  @Test
  void redisOnlyInTheStoreAdaptersAndTheRelay() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.smartsession.engine.store..", "org.smartsession.engine.cluster..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("redis.clients..")
        .check(ENGINE);
  }

  @Test
  void tokensSignedOnlyInTheSessionPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.smartsession.engine.session..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.nimbusds..")
        .check(ENGINE);
  }

  @Test
  void modelsAndImagesOnlyInVisionAndImage() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.smartsession.engine.vision..", "org.smartsession.engine.image..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("ai.djl..", "org.bytedeco..")
        .check(ENGINE);
  }

  @Test
  void theEngineKnowsNothingOfTheDeliveryChannels() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.smartsession.web..", "jakarta.websocket..", "jakarta.ws.rs..")
        .check(ENGINE);
  }
}
