package org.smartsession.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.SettingNames;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code src-docker/compose.yaml} as data, against the repository: Redis with its append-only file,
 * three backends sharing it and signing teachers in at the compose file's Keycloak with the example
 * realm, nginx the only service with ports, every image, Dockerfile and mounted file present, every
 * SmartSession setting one the application reads, health checks and start order. Nothing is run;
 * nginx's TLS site itself is {@link NginxTlsTest}'s.
 */
class ComposeFileTest {
  private static final Path DIR = DockerfilesTest.ROOT.resolve("src-docker");
  private static final List<String> BACKENDS = List.of("backend1", "backend2", "backend3");
  private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

  private static Map<String, Map<String, Object>> services;
  private static Map<String, Object> networks;
  private static JsonObject realm;
  private static String tlsSite;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    try (Reader in = Files.newBufferedReader(DIR.resolve("compose.yaml"))) {
      Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      services = (Map<String, Map<String, Object>>) compose.get("services");
      networks = (Map<String, Object>) compose.get("networks");
    }
    try (JsonReader in =
        Json.createReader(
            Files.newBufferedReader(DIR.resolve("keycloak/smartsession-realm.json")))) {
      realm = in.readObject();
    }
    tlsSite = Files.readString(DIR.resolve("nginx/smartsession-tls.conf"));
  }

  @Test
  void theServicesAreRedisThreeBackendsKeycloakAndNginx() {
    assertEquals(
        Set.of("redis", "backend1", "backend2", "backend3", "keycloak", "nginx"),
        services.keySet());
  }

  @Test
  void redisIsRedis7AndAppendsEveryWriteToItsVolume() {
    Map<String, Object> redis = services.get("redis");
    assertTrue(text(redis, "image").startsWith("redis:7"), text(redis, "image"));
    List<String> command = list(redis, "command");
    int appendOnly = command.indexOf("--appendonly");
    assertTrue(appendOnly > 0 && "yes".equals(command.get(appendOnly + 1)), command.toString());
    assertTrue(list(redis, "volumes").stream().anyMatch(v -> v.endsWith(":/data")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theBackendsTrustTheForwardedForOfTheNetworkNginxIsIn() {
    Map<String, Object> ipam =
        (Map<String, Object>) ((Map<String, Object>) networks.get("default")).get("ipam");
    String subnet = ((List<Map<String, String>>) ipam.get("config")).get(0).get("subnet");
    assertFalse(services.get("nginx").containsKey("networks"), "nginx is on the default network");
    for (String backend : BACKENDS) {
      assertEquals(
          subnet, environment(services.get(backend)).get("SMARTSESSION_PROXY_TRUSTED_ADDRESSES"));
    }
  }

  @Test
  void theBackendsShareRedisTheirPublicAddressAndTheirSignInButNoDevelopmentSignIn() {
    Map<String, String> first = environment(services.get(BACKENDS.get(0)));
    for (String backend : BACKENDS) {
      Map<String, String> env = environment(services.get(backend));
      assertEquals(first, env, backend + " is configured unlike " + BACKENDS.get(0));
      URI redis = URI.create(env.get("SMARTSESSION_REDIS_URL"));
      assertEquals("redis", redis.getScheme());
      assertTrue(text(services.get(redis.getHost()), "image").startsWith("redis:"));
      String publicUrl = env.get("SMARTSESSION_PUBLIC_BASE_URL");
      assertTrue(publicUrl.startsWith("https://") && publicUrl.endsWith("/"), publicUrl);
      for (String name :
          List.of(
              "SMARTSESSION_OIDC_PROVIDER_URI",
              "SMARTSESSION_OIDC_CLIENT_ID",
              "SMARTSESSION_OIDC_CLIENT_SECRET")) {
        assertFalse(env.getOrDefault(name, "").isBlank(), backend + " lacks " + name);
      }
      assertEquals(
          "false",
          env.getOrDefault("SMARTSESSION_AUTH_DEV_LOGIN", "false"),
          backend + " turns on the development sign-in");
      assertTrue(
          env.getOrDefault("SMARTSESSION_AUTH_STUDENT_TOKEN_KEY", "").matches("\\$\\{\\w+:\\?.+}"),
          "the students' token key comes from the environment, required, never from this file");
    }
  }

  @Test
  void theBackendsSignTeachersInAtTheComposeFilesKeycloakWithTheExampleRealm() {
    Map<String, String> backend = environment(services.get(BACKENDS.get(0)));
    Map<String, String> keycloak = environment(services.get("keycloak"));
    String realmPath =
        keycloak.get("KC_HTTP_RELATIVE_PATH") + "/realms/" + realm.getString("realm");
    assertEquals("http://keycloak:8080" + realmPath, backend.get("SMARTSESSION_OIDC_PROVIDER_URI"));
    JsonObject client = realm.getJsonArray("clients").getJsonObject(0);
    assertEquals(client.getString("clientId"), backend.get("SMARTSESSION_OIDC_CLIENT_ID"));
    assertEquals(
        client.getString("secret"), fallback(backend.get("SMARTSESSION_OIDC_CLIENT_SECRET")));

    // Browsers meet Keycloak under the public address, which nginx passes on to it.
    String publicUrl = backend.get("SMARTSESSION_PUBLIC_BASE_URL");
    String frontend = keycloak.get("KC_HOSTNAME");
    assertEquals(publicUrl + keycloak.get("KC_HTTP_RELATIVE_PATH").substring(1), frontend);
    assertEquals("true", keycloak.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"));
    assertTrue(
        tlsSite.contains(
            "location "
                + keycloak.get("KC_HTTP_RELATIVE_PATH")
                + "/realms/ { proxy_pass"
                + " http://keycloak:8080; }"),
        "nginx must pass Keycloak's sign-in pages on");
    List<String> redirects =
        client.getJsonArray("redirectUris").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList();
    assertTrue(redirects.contains(publicUrl + "auth/callback"), redirects.toString());
    List<String> afterLogout =
        Arrays.asList(
            client.getJsonObject("attributes").getString("post.logout.redirect.uris").split("##"));
    assertTrue(afterLogout.contains(publicUrl), afterLogout.toString());

    assertTrue(list(services.get("keycloak"), "command").contains("--import-realm"));
    assertTrue(
        list(services.get("keycloak"), "volumes")
            .contains(
                "./keycloak/smartsession-realm.json:/opt/keycloak/data/import/"
                    + "smartsession-realm.json:ro"));
  }

  @Test
  void onlyNginxPublishesPortsHttpsAndAnHttpThatRedirects() {
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      Map<String, Object> s = service.getValue();
      assertFalse(
          "host".equals(s.get("network_mode")), service.getKey() + " on the host's network");
      if (!service.getKey().equals("nginx")) {
        assertFalse(s.containsKey("ports"), service.getKey() + " publishes ports");
      }
    }
    Set<String> published =
        list(services.get("nginx"), "ports").stream()
            .map(p -> p.substring(p.lastIndexOf(':') + 1))
            .collect(Collectors.toSet());
    assertEquals(Set.of("443", "80"), published);
    assertTrue(tlsSite.contains("listen 443 ssl;"));
    assertTrue(
        tlsSite.matches(
            "(?s).*server \\{\\s*listen 80;\\s*server_name _;\\s*return 301 https://.*"),
        "port 80 only redirects to https");
  }

  @Test
  void nginxRunsTheTlsSiteWithItsSnippetsAndCertificatesInFrontOfExactlyTheBackends()
      throws IOException {
    List<String> volumes = list(services.get("nginx"), "volumes");
    assertTrue(volumes.contains("./nginx/smartsession-tls.conf:/etc/nginx/conf.d/default.conf:ro"));
    assertTrue(volumes.contains("./nginx/snippets:/etc/nginx/snippets:ro"));
    assertTrue(volumes.contains("./nginx/certs:/etc/nginx/certs:ro"));
    Matcher certificates = Pattern.compile("ssl_certificate(?:_key)? (\\S+);").matcher(tlsSite);
    int found = 0;
    while (certificates.find()) {
      assertTrue(certificates.group(1).startsWith("/etc/nginx/certs/"), certificates.group(1));
      found++;
    }
    assertEquals(2, found);
    Matcher servers =
        Pattern.compile("(?m)^\\s*server (\\S+) ")
            .matcher(Files.readString(DIR.resolve("nginx/snippets/smartsession-upstreams.conf")));
    Set<String> upstreams = new TreeSet<>();
    while (servers.find()) {
      upstreams.add(servers.group(1));
    }
    assertEquals(
        BACKENDS.stream().map(b -> b + ":8080").collect(Collectors.toCollection(TreeSet::new)),
        upstreams);
  }

  @Test
  void everyImageIsPinnedAndEveryDockerfileAndMountedFileExists() throws IOException {
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      Map<String, Object> s = service.getValue();
      String image = text(s, "image");
      assertTrue(
          image.contains(":") && !image.endsWith(":latest"), service.getKey() + ": " + image);
      if (s.containsKey("build")) {
        Path dockerfile = dockerfile(s);
        assertTrue(Files.isRegularFile(dockerfile), service.getKey() + ": " + dockerfile);
        assertFalse(Dockerfile.read(dockerfile).all("HEALTHCHECK").isEmpty(), service.getKey());
      }
      for (String volume : s.containsKey("volumes") ? list(s, "volumes") : List.<String>of()) {
        String source = volume.substring(0, volume.indexOf(':'));
        if (source.startsWith(".")) {
          assertTrue(Files.exists(DIR.resolve(source)), service.getKey() + " mounts " + source);
        }
      }
    }
  }

  @Test
  void everySmartSessionSettingTheComposeFileSetsIsOneTheApplicationReads() {
    // MicroProfile Config's environment names: every non-alphanumeric character an underscore,
    // in capitals (smartsession.redis.url is SMARTSESSION_REDIS_URL).
    Set<String> read =
        SettingNames.all().stream()
            .map(n -> n.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    assertTrue(read.contains("SMARTSESSION_REDIS_URL") && read.size() > 40, read.toString());
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      for (String name : environment(service.getValue()).keySet()) {
        if (name.startsWith("SMARTSESSION_")) {
          assertTrue(read.contains(name), service.getKey() + ": the application reads no " + name);
        }
      }
    }
  }

  @Test
  void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
    for (String needed : List.of("redis", "keycloak")) {
      assertTrue(services.get(needed).containsKey("healthcheck"), needed);
    }
    List<String> keycloakCheck = list(healthcheck(services.get("keycloak")), "test");
    assertEquals(
        List.of("CMD", "bash", "/opt/smartsession/healthcheck.sh", "9000", "/health/ready"),
        keycloakCheck);
    Map<String, String> keycloak = environment(services.get("keycloak"));
    assertEquals("true", keycloak.get("KC_HEALTH_ENABLED"));
    assertEquals("/", keycloak.get("KC_HTTP_MANAGEMENT_RELATIVE_PATH"));
    assertTrue(
        list(services.get("keycloak"), "volumes")
            .contains("./common/healthcheck.sh:/opt/smartsession/healthcheck.sh:ro"));
    for (String backend : BACKENDS) {
      assertEquals(
          Map.of("redis", "service_healthy", "keycloak", "service_healthy"),
          conditions(services.get(backend)),
          backend);
    }
    Map<String, String> front = new LinkedHashMap<>();
    BACKENDS.forEach(b -> front.put(b, "service_healthy"));
    front.put("keycloak", "service_healthy");
    assertEquals(front, conditions(services.get("nginx")));
  }

  private static Path dockerfile(Map<String, Object> service) {
    Map<?, ?> build = (Map<?, ?>) service.get("build");
    Path context = DIR.resolve((String) build.get("context"));
    return context.resolve((String) build.get("dockerfile"));
  }

  /** A service's environment, written either as a map or as a list of NAME=value. */
  private static Map<String, String> environment(Map<String, Object> service) {
    Object env = service.get("environment");
    Map<String, String> map = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> m) {
      m.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
    } else if (env instanceof List<?> l) {
      for (Object entry : l) {
        String s = String.valueOf(entry);
        int eq = s.indexOf('=');
        map.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    }
    return map;
  }

  private static Map<String, String> conditions(Map<String, Object> service) {
    Map<String, String> conditions = new LinkedHashMap<>();
    ((Map<?, ?>) service.get("depends_on"))
        .forEach((k, v) -> conditions.put((String) k, (String) ((Map<?, ?>) v).get("condition")));
    return conditions;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> healthcheck(Map<String, Object> service) {
    return (Map<String, Object>) service.get("healthcheck");
  }

  /** The default of an interpolated value, ${NAME:-default}. */
  private static String fallback(String value) {
    Matcher m = DEFAULT.matcher(value);
    assertTrue(m.matches(), value);
    return m.group(1);
  }

  private static String text(Map<String, Object> map, String key) {
    Object value = map.get(key);
    assertNotNull(value, "no " + key);
    return String.valueOf(value);
  }

  private static List<String> list(Map<String, Object> map, String key) {
    Object value = map.get(key);
    assertTrue(value instanceof List<?>, key + " is no list");
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
