package org.smartsession.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The images' Dockerfiles ({@code src-docker/<image>/Dockerfile}) against the repository and the
 * build: what they copy exists (or is what the build produces) and reaches the build context, their
 * JVM options are the ones the build's own servers run with, each checks readiness, runs as its
 * base image's user and deploys SmartSession exactly once. No image is built here.
 */
class DockerfilesTest {
  static final Path ROOT = Path.of("..");

  /** Files the images copy that the servers' configuration provides, each in its own change. */
  private static final Set<String> SERVER_CONFIGURATION =
      Set.of(
          "src-docker/wildfly/smartsession.cli",
          "src-docker/payara-server/post-boot-commands.asadmin");

  private record Image(String name, String base, String healthPort, String home) {
    Dockerfile dockerfile() throws IOException {
      return Dockerfile.read(ROOT.resolve("src-docker").resolve(name).resolve("Dockerfile"));
    }
  }

  private static List<Image> images() throws Exception {
    return List.of(
        new Image(
            "payara-micro",
            "payara/micro:" + pom("pom.xml", "/project/properties/payara.micro.version") + "-jdk17",
            "8080",
            "/opt/payara"),
        new Image("payara-server", "payara/server-full:6.2025.9-jdk17", "8080", "/opt/payara"),
        new Image("wildfly", "quay.io/wildfly/wildfly:39.0.1.Final-jdk17", "9990", "/opt/jboss"));
  }

  @Test
  void eachImageStartsFromItsPinnedBaseImageOnJava17() throws Exception {
    for (Image image : images()) {
      assertEquals(image.base(), image.dockerfile().from(), image.name());
    }
  }

  @Test
  void everyFileTheImagesCopyIsInTheRepositoryOrBuiltAndReachesTheBuildContext() throws Exception {
    Set<String> built = buildOutputs();
    List<String> admitted =
        Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
            .filter(l -> l.startsWith("!"))
            .map(l -> l.substring(1))
            .toList();
    for (Image image : images()) {
      for (Dockerfile.Copy copy : image.dockerfile().copies()) {
        for (String source : copy.sources()) {
          if (source.startsWith("ear/target/")) {
            assertTrue(built.contains(source), image.name() + ": the build makes no " + source);
          } else if (!SERVER_CONFIGURATION.contains(source)) {
            assertTrue(Files.isRegularFile(ROOT.resolve(source)), image.name() + ": " + source);
          }
          assertTrue(
              admitted.stream()
                  .anyMatch(a -> a.equals(source) || a.endsWith("/") && source.startsWith(a)),
              ".dockerignore keeps " + source + " out of the build context");
        }
      }
    }
  }

  @Test
  void theServersConfigurationTheImagesCopyIsInTheRepository() {
    List<String> missing =
        SERVER_CONFIGURATION.stream().filter(f -> !Files.isRegularFile(ROOT.resolve(f))).toList();
    Assumptions.assumeTrue(
        missing.isEmpty(),
        "not in this tree yet: " + missing + " (the Payara Server and WildFly images need them)");
  }

  @Test
  void everyImageRunsTheJvmOptionsOfTheBuildsOwnServersWithWritableNativeCaches() throws Exception {
    List<String> options =
        Arrays.stream(pom("ear/pom.xml", "/project/properties/micro.jvm.options").split("\\s+"))
            .filter(o -> o.startsWith("-Dai.djl."))
            .toList();
    assertTrue(options.contains("-Dai.djl.offline=true"), options.toString());
    for (Image image : images()) {
      Dockerfile dockerfile = image.dockerfile();
      String text = dockerfile.text();
      for (String option : options) {
        assertTrue(text.contains(option), image.name() + " lacks " + option);
      }
      assertFalse(text.contains("dev-login"), image.name() + " must not turn on the dev sign-in");
      String mkdirs = String.join(" ", dockerfile.all("RUN"));
      for (String cache :
          List.of(
              value(text, "DJL_CACHE_DIR=(\\S+)"),
              value(text, "-Dorg\\.bytedeco\\.javacpp\\.cachedir=([^\\s\"]+)"))) {
        assertTrue(cache.startsWith(image.home() + "/"), image.name() + ": " + cache);
        assertTrue(
            mkdirs.matches("(?s).*mkdir -p [^&]*" + Pattern.quote(cache) + "\\b.*"),
            image.name() + " never creates " + cache);
      }
    }
  }

  @Test
  void everyImageChecksReadinessWithTheScriptItCopies() throws Exception {
    for (Image image : images()) {
      Dockerfile dockerfile = image.dockerfile();
      String script = destination(dockerfile, "src-docker/common/healthcheck.sh");
      List<String> checks = dockerfile.all("HEALTHCHECK");
      assertEquals(1, checks.size(), image.name());
      assertTrue(
          checks
              .get(0)
              .endsWith(
                  "CMD [\"bash\", \""
                      + script
                      + "\", \""
                      + image.healthPort()
                      + "\", \"/health/ready\"]"),
          image.name() + ": " + checks.get(0));
      assertTrue(checks.get(0).contains("--start-period="), image.name());
    }
  }

  @Test
  void everyImageRunsAsItsBaseImagesUserAndKeepsNothingInVolumes() throws Exception {
    for (Image image : images()) {
      assertEquals(List.of(), image.dockerfile().all("USER"), image.name());
      assertEquals(List.of(), image.dockerfile().all("VOLUME"), image.name());
    }
  }

  @Test
  void payaraMicroStartsFromAnEmptyRootEachTimeAndDeploysTheWarOnlyFromTheCommandLine()
      throws Exception {
    Dockerfile micro = images().get(0).dockerfile();
    String war = destination(micro, "ear/target/smartsession.war");
    assertFalse(war.startsWith("/opt/payara/deployments/"), "the base image deploys from there");
    String entrypoint = String.join(" ", micro.all("ENTRYPOINT"));
    assertTrue(
        entrypoint.matches(
            ".*rm -rf \\\\\"\\$MICRO_ROOT\\\\\" && exec .* --rootdir \\\\\"\\$MICRO_ROOT\\\\\".*"),
        entrypoint);
    String root = value(micro.text(), "MICRO_ROOT=(\\S+)");
    assertTrue(root.startsWith("/opt/payara/"), root);
    String command = String.join(" ", micro.all("CMD"));
    assertEquals(1, command.split("\"--deploy\"", -1).length - 1, command);
    assertTrue(command.contains("\"--deploy\", \"" + war + "\""), command);
    assertFalse(command.contains("--deploymentDir") || command.contains("--rootdir"), command);
  }

  @Test
  void payaraMicroTakesTheSchemeFromTheProxyThatTerminatesTls() throws Exception {
    Dockerfile micro = images().get(0).dockerfile();
    String source = "src-docker/payara-micro/preboot-commands.asadmin";
    assertTrue(
        String.join(" ", micro.all("CMD"))
            .contains("\"--prebootcommandfile\", \"" + destination(micro, source) + "\""));
    assertTrue(
        Files.readAllLines(ROOT.resolve(source))
            .contains(
                "set configs.config.server-config.network-config.protocols.protocol"
                    + ".http-listener.http.scheme-mapping=X-Forwarded-Proto"));
    assertTrue(
        Files.readString(ROOT.resolve("src-docker/nginx/snippets/smartsession-locations.conf"))
            .contains("proxy_set_header X-Forwarded-Proto $scheme;"),
        "nginx must tell the backends the scheme");
  }

  @Test
  void payaraServerDeploysTheEarFromItsDeploymentsOnlyUntilTheDomainHoldsIt() throws Exception {
    Dockerfile server = images().get(1).dockerfile();
    assertEquals(
        "/opt/payara/deployments/smartsession.ear",
        destination(server, "ear/target/smartsession.ear"));
    assertTrue(
        destination(server, "src-docker/payara-server/deploy-once.sh")
            .startsWith("/opt/payara/scripts/init.d/"));
    assertEquals(
        "/opt/payara/config/post-boot-commands.asadmin",
        destination(server, "src-docker/payara-server/post-boot-commands.asadmin"));
  }

  @Test
  void wildflyIsConfiguredByItsScriptAndDeploysTheEarFromItsScanner() throws Exception {
    Dockerfile wildfly = images().get(2).dockerfile();
    assertEquals(
        "/opt/jboss/wildfly/standalone/deployments/smartsession.ear",
        destination(wildfly, "ear/target/smartsession.ear"));
    String cli = destination(wildfly, "src-docker/wildfly/smartsession.cli");
    assertTrue(
        String.join(" ", wildfly.all("RUN")).contains("jboss-cli.sh --file=" + cli),
        "the image must run " + cli);
    assertTrue(String.join(" ", wildfly.all("CMD")).contains("\"-c\", \"standalone.xml\""));
  }

  /** What the ear module's build leaves in ear/target/: the EAR, and the WAR for Payara Micro. */
  static Set<String> buildOutputs() throws Exception {
    String name = pom("ear/pom.xml", "/project/build/finalName");
    assertEquals("ear", pom("ear/pom.xml", "/project/packaging"));
    String execution =
        "//plugin[artifactId='maven-assembly-plugin']//execution[id='micro-war']/configuration/";
    String warName = pom("ear/pom.xml", execution + "finalName");
    assertEquals("false", pom("ear/pom.xml", execution + "appendAssemblyId"));
    String descriptor = pom("ear/pom.xml", execution + "descriptors/descriptor");
    assertEquals("war", pom("ear/" + descriptor, "/assembly/formats/format"));
    return Set.of("ear/target/" + name + ".ear", "ear/target/" + warName + ".war");
  }

  static String pom(String file, String xpath) throws Exception {
    Document document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve(file).toFile());
    XPath path = XPathFactory.newInstance().newXPath();
    String value = path.evaluate(xpath, document).strip();
    assertFalse(value.isEmpty(), file + " has no " + xpath);
    return value;
  }

  private static String destination(Dockerfile dockerfile, String source) {
    List<String> destinations = new ArrayList<>();
    for (Dockerfile.Copy copy : dockerfile.copies()) {
      if (copy.sources().contains(source)) {
        destinations.add(copy.destination());
      }
    }
    assertEquals(1, destinations.size(), dockerfile.path() + " copies " + source);
    return destinations.get(0);
  }

  private static String value(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no " + regex);
    return m.group(1).replaceAll("\"$", "");
  }
}
