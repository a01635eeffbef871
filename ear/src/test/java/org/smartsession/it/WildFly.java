package org.smartsession.it;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The WildFly distribution the build unpacked, configured by the deployment's own script ({@code
 * src-docker/wildfly/smartsession.cli}), applied offline to a copy of the distribution's {@code
 * standalone} directory that serves as the server's base directory (so the distribution stays as it
 * came and each run begins from its stock {@code standalone.xml}); started with {@code
 * bin/standalone.sh} on loopback with a port offset; the EAR deployed by copying it into {@code
 * deployments/}, as the README says.
 */
final class WildFly extends AppServer {
  static final Path SCRIPT = SRC_DOCKER.resolve("wildfly/smartsession.cli");
  private static final Path HOME = Path.of(property("wildfly.home")).toAbsolutePath();
  private static final Path BASE = SERVERS.resolve("wildfly-base");
  private static final Path DEPLOYED = BASE.resolve("deployments").resolve(EAR.getFileName());

  private static final String STARTED = "WFLYSRV0025";

  private int offset;

  WildFly(List<String> options) {
    super(options);
  }

  @Override
  String name() {
    return HOME.getFileName().toString().replace("wildfly-", "WildFly ");
  }

  @Override
  void configure() throws Exception {
    Directories.delete(BASE);
    copy(HOME.resolve("standalone"), BASE);
    ProcessBuilder cli = tool(HOME, "sh", "bin/jboss-cli.sh", "--file=" + SCRIPT);
    cli.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + BASE);
    Files.writeString(BASE.resolve("smartsession-cli.out"), run(cli, Duration.ofMinutes(2)));
  }

  @Override
  void launch(List<String> options) throws Exception {
    offset = freePorts(1, 8080, 8443, 9990, 9993);
    long starts = lines(STARTED); // the log goes on across restarts
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "sh",
            "bin/standalone.sh",
            "-c",
            "standalone.xml",
            "-b",
            "127.0.0.1",
            "-bmanagement",
            "127.0.0.1",
            "-Djboss.socket.binding.port-offset=" + offset,
            "-Djboss.server.base.dir=" + BASE));
    // System properties as the server's arguments, the rest (the heap) as its JVM's sizing.
    command.addAll(options.stream().filter(o -> o.startsWith("-D")).toList());
    ProcessBuilder server = tool(HOME, command.toArray(String[]::new));
    server
        .environment()
        .put(
            "JBOSS_JAVA_SIZING",
            String.join(" ", options.stream().filter(o -> !o.startsWith("-D")).toList()));
    Process p =
        own(
            server
                .redirectErrorStream(true)
                .redirectOutput(SERVERS.resolve("wildfly.out").toFile())
                .start());
    p.getOutputStream().close();
    await(p, STARTED + " (started) in the log", () -> lines(STARTED) > starts);
  }

  @Override
  void deploy() throws Exception {
    Path copying = BASE.resolve("tmp").resolve(EAR.getFileName());
    Files.copy(EAR, copying, StandardCopyOption.REPLACE_EXISTING);
    // Moved in whole: the scanner never sees half a file.
    Files.move(copying, DEPLOYED, StandardCopyOption.ATOMIC_MOVE);
    Path deployed = marker(".deployed");
    Path failed = marker(".failed");
    await(() -> Files.exists(deployed) || Files.exists(failed), "a deployment marker");
    if (Files.exists(failed)) {
      throw new AssertionError("the deployment failed: " + Files.readString(failed));
    }
  }

  @Override
  void undeploy() throws Exception {
    Files.delete(DEPLOYED);
    Path undeployed = marker(".undeployed");
    await(() -> Files.exists(undeployed), "the undeployment marker");
  }

  private Path marker(String suffix) {
    return DEPLOYED.resolveSibling(DEPLOYED.getFileName() + suffix);
  }

  private void await(Check done, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!done.holds()) {
      if (System.nanoTime() > deadline || !running()) {
        throw new AssertionError("no " + what + (running() ? " within 3 minutes" : ": it exited"));
      }
      Thread.sleep(200);
    }
  }

  @Override
  URL url() {
    return loopback(8080 + offset);
  }

  /** The management interface: health and the server's own metrics. */
  URI management(String path) {
    return URI.create("http://127.0.0.1:" + (9990 + offset) + "/").resolve(path);
  }

  @Override
  URI readiness() {
    return management("health/ready");
  }

  @Override
  Path log() {
    return BASE.resolve("log/server.log");
  }

  @Override
  Pattern errorLine() {
    return Pattern.compile("^\\S+ \\S+ ERROR ");
  }
}
