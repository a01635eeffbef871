package org.smartsession.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Payara Server distribution the build unpacked, with a domain of its own made by {@code
 * asadmin create-domain --portbase}, started with the deployment's own post-boot commands ({@code
 * src-docker/payara-server/post-boot-commands.asadmin}) and the test's pre-boot commands (every
 * listener on loopback, no Hazelcast), and the EAR deployed with {@code asadmin deploy}.
 *
 * <p>The server JVM is launched the way Payara's own container images do: {@code start-domain
 * --dry-run} prints the exact command line the domain's configuration makes, and the options the
 * tests give are added to it. That needs no second start to change the domain's JVM options, and
 * the server is this process's own child, so it can always be stopped.
 */
final class PayaraServer extends AppServer {
  static final Path POST_BOOT = SRC_DOCKER.resolve("payara-server/post-boot-commands.asadmin");
  private static final Path PRE_BOOT = Path.of(property("payara.preboot")).toAbsolutePath();
  private static final Path HOME = Path.of(property("payara.home")).toAbsolutePath();
  private static final Path DOMAINS = SERVERS.resolve("payara-domains");
  private static final String DOMAIN = "smartsession";
  private static final String MAIN = "com.sun.enterprise.glassfish.bootstrap.ASMain";
  private static final Path OUTPUT = SERVERS.resolve("payara-server.out");

  // The ports of create-domain --portbase: admin +48, HTTP +80, HTTPS +81, IIOP +37..39, JMS +76,
  // JMX +86, OSGi shell +66, debugger +9, Hazelcast +49 and +59.
  private static final int[] PORTS = {48, 80, 81, 37, 38, 39, 76, 86, 66, 9, 49, 59};

  private int portBase;

  PayaraServer(List<String> options) {
    super(options);
  }

  @Override
  String name() {
    return "Payara Server " + property("payara.server.version");
  }

  /** A new domain; its ports are fixed when it is made, so it keeps them across restarts. */
  @Override
  void configure() throws Exception {
    Directories.delete(DOMAINS);
    portBase = freePorts(100, PORTS);
    run(
        asadmin(
            "create-domain",
            "--nopassword",
            "--portbase",
            Integer.toString(portBase),
            "--domaindir",
            DOMAINS.toString(),
            DOMAIN),
        Duration.ofMinutes(2));
  }

  @Override
  void launch(List<String> options) throws Exception {
    String dryRun =
        run(
            asadmin(
                "start-domain",
                "--dry-run",
                "--domaindir",
                DOMAINS.toString(),
                "--prebootcommandfile",
                PRE_BOOT.toString(),
                "--postbootcommandfile",
                POST_BOOT.toString(),
                DOMAIN),
            Duration.ofMinutes(1));
    List<String> command = withOptions(commandLine(dryRun), options);
    Process p =
        own(
            tool(HOME, command.toArray(String[]::new))
                // The server would read a master password there; this domain has none.
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(OUTPUT.toFile())
                .start());
    int commands = commands(PRE_BOOT) + commands(POST_BOOT);
    await(p, "the boot commands' results", () -> bootCommandResults().size() >= commands);
    List<String> failed =
        bootCommandResults().stream().filter(l -> !l.contains("result SUCCESS")).toList();
    if (!failed.isEmpty()) {
      throw new AssertionError("boot commands failed: " + failed);
    }
  }

  /** The lines of Payara's start up: one line per pre- and post-boot command. */
  private static List<String> bootCommandResults() throws IOException {
    try (Stream<String> lines = Files.lines(OUTPUT, StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains("Boot Command ")).toList();
    }
  }

  private static int commands(Path file) throws IOException {
    return (int)
        Files.readAllLines(file).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .count();
  }

  /** The JVM invocation {@code start-domain --dry-run} prints, one argument a line. */
  private static List<String> commandLine(String dryRun) {
    List<String> lines = dryRun.lines().toList();
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith("Dump of JVM Invocation")) {
      start++;
    }
    List<String> command = new ArrayList<>();
    for (int i = start + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
      command.add(lines.get(i));
    }
    if (!command.contains(MAIN)) {
      throw new AssertionError("unexpected start-domain --dry-run output:\n" + dryRun);
    }
    return command;
  }

  /** The options go last among the JVM's, so that they win (the domain says -Xmx512m). */
  private static List<String> withOptions(List<String> command, List<String> options) {
    List<String> with = new ArrayList<>(command);
    with.addAll(with.indexOf(MAIN), options);
    return with;
  }

  private ProcessBuilder asadmin(String... arguments) {
    List<String> command = new ArrayList<>(List.of("sh", "bin/asadmin", "--interactive=false"));
    command.addAll(List.of(arguments));
    ProcessBuilder b = tool(HOME, command.toArray(String[]::new));
    // asadmin keeps a cache of remote commands per host and port in ~/.gfclient: here instead.
    b.environment().put("AS_EXTRA_JAVA_OPTS", "-Duser.home=" + SERVERS.resolve("asadmin-home"));
    return b;
  }

  /** A command to the running domain, through its admin port. */
  private ProcessBuilder remote(String... arguments) {
    List<String> command = new ArrayList<>(List.of("--host", "127.0.0.1", "--port"));
    command.add(Integer.toString(portBase + 48));
    command.addAll(List.of(arguments));
    return asadmin(command.toArray(String[]::new));
  }

  @Override
  void deploy() throws Exception {
    run(remote("deploy", "--name", "smartsession", EAR.toString()), Duration.ofMinutes(5));
  }

  @Override
  void undeploy() throws Exception {
    run(remote("undeploy", "smartsession"), Duration.ofMinutes(2));
  }

  @Override
  URL url() {
    return loopback(portBase + 80);
  }

  @Override
  URI readiness() {
    return URI.create(url() + "health/ready");
  }

  @Override
  Path log() {
    return DOMAINS.resolve(DOMAIN).resolve("logs/server.log");
  }

  @Override
  Pattern errorLine() {
    // Payara's log format: [time] [product] [level] [message id] [logger] ...
    return Pattern.compile("^\\[[^\\]]*\\] \\[[^\\]]*\\] \\[SEVERE\\]");
  }
}
