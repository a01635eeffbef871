package org.smartsession.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application under test as deployed on Payara Micro, reached over loopback only; also the load
 * generator's client of a running server.
 */
public final class Server {
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
  private final URI base;
  private boolean signedIn;

  /**
   * @param deployed the URL Arquillian reports; its host is replaced by the loopback address
   */
  public Server(URL deployed) {
    URI u = URI.create(deployed.toString());
    this.base = URI.create("http://127.0.0.1:" + u.getPort() + u.getPath());
  }

  private Server(URI base) {
    this.base = base;
  }

  /** The application at {@code base} as given (a proxy, another host), its path ending in /. */
  public static Server at(URI base) {
    return new Server(base.getPath().endsWith("/") ? base : URI.create(base + "/"));
  }

  /** The very WAR the build made for Payara Micro. */
  static WebArchive application() {
    File war = new File(System.getProperty("smartsession.war", "target/smartsession.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  URI http(String path) {
    return base.resolve(path);
  }

  public URI ws(String pathAndQuery) {
    return URI.create("ws://" + base.getAuthority() + base.getPath() + pathAndQuery);
  }

  /**
   * Signs in through the development sign-in, as the README's curl commands do: later requests and
   * teacher sockets of this server carry the session cookie.
   */
  public HttpResponse<String> signIn(String login, String role) throws Exception {
    return signIn(login, role, null);
  }

  /** The same, asking to return to {@code returnTo} afterwards. */
  HttpResponse<String> signIn(String login, String role, String returnTo) throws Exception {
    String form =
        "name="
            + URLEncoder.encode(login, StandardCharsets.UTF_8)
            + "&role="
            + role
            + (returnTo == null
                ? ""
                : "&returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(http("auth/dev-login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    signedIn = r.statusCode() / 100 == 3;
    return r;
  }

  /** The cookies the sign-in set, as a Cookie header. */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(HttpCookie::toString)
        .collect(Collectors.joining("; "));
  }

  /** A teacher's socket on the session, signed in as this server's client is. */
  WsClient teacherSocket(String sessionId) {
    return WsClient.connect(ws("ws/teacher?sessionId=" + sessionId), cookieHeader());
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> put(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A download, as bytes. */
  HttpResponse<byte[]> download(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A page as a browser asks for it (redirects are not followed). */
  HttpResponse<String> getPage(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http(path)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> delete(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(http(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The path of a redirect's location, whether absolute or not. */
  static String path(String location) {
    return URI.create(location).getPath();
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /** Creates a session (signed in as a teacher, if not signed in yet) and returns its id. */
  public String createSession(String name, String kind) throws Exception {
    if (!signedIn) {
      signIn("teacher", "teacher");
    }
    String body = Json.createObjectBuilder().add("name", name).add("kind", kind).build().toString();
    HttpResponse<String> r = post("api/v1/sessions", body);
    if (r.statusCode() == 401) {
      // Seen once in many runs: the sign-in's cookie did not hold for the next request. Say so
      // with what the client kept, and sign in once more.
      System.err.println(
          "creating a session answered 401 after signing in; cookies: " + cookieHeader());
      HttpResponse<String> again = signIn("teacher", "teacher");
      System.err.println("signed in again: " + again.statusCode() + " " + again.headers().map());
      r = post("api/v1/sessions", body);
    }
    if (r.statusCode() != 201) {
      throw new AssertionError("creating a session answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body()).getString("sessionId");
  }

  /** Joins the student and returns the WebSocket URI the join answer names (token included). */
  public URI join(String sessionId, String studentId, String name) throws Exception {
    return ws(joined(sessionId, studentId, name, null).getString("webSocketPath"));
  }

  /** Joins the student, with {@code Authorization: Bearer token} unless it is null; expects 200. */
  JsonObject joined(String sessionId, String studentId, String name, String token)
      throws Exception {
    HttpResponse<String> r = joining(sessionId, studentId, name, token);
    if (r.statusCode() != 200) {
      throw new AssertionError("joining answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body());
  }

  /** The answer to a join, whatever it is. */
  HttpResponse<String> joining(String sessionId, String studentId, String name, String token)
      throws Exception {
    return joining(sessionId, studentId, name, token, null);
  }

  /** The answer to a join asking for {@code languages} (an Accept-Language value, or null). */
  HttpResponse<String> joining(
      String sessionId, String studentId, String name, String token, String languages)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http("api/v1/sessions/" + sessionId + "/students"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.createObjectBuilder()
                        .add("studentId", studentId)
                        .add("name", name)
                        .build()
                        .toString()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (languages != null) {
      request.header("Accept-Language", languages);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The student's socket with the given token (none when null). */
  URI studentSocket(String sessionId, String studentId, String token) {
    return ws(
        "ws/student?sessionId="
            + sessionId
            + "&studentId="
            + studentId
            + (token == null ? "" : "&token=" + token));
  }
}
