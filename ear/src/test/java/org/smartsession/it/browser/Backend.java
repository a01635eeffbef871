package org.smartsession.it.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployed application seen from outside the browser, over loopback: REST calls and plain
 * WebSocket clients (the JDK's) for students and teachers the test drives without a page.
 */
final class Backend {
  /** The teacher the tests sign in as, in the browser and here. */
  static final String TEACHER = "ms.ada";

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
  private final URI base;
  private boolean signedIn;

  /**
   * @param deployed the URL Arquillian reports; its host is replaced by the loopback address
   */
  Backend(URL deployed) {
    URI u = URI.create(deployed.toString());
    String path = u.getPath().isEmpty() ? "/" : u.getPath();
    this.base = URI.create("http://127.0.0.1:" + u.getPort() + path);
  }

  int port() {
    return base.getPort();
  }

  /** An address of the application, such as {@code teacher/?session=ID}. */
  String url(String path) {
    return base.resolve(path).toString();
  }

  URI ws(String pathAndQuery) {
    return URI.create("ws://" + base.getAuthority() + base.getPath() + pathAndQuery);
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private JsonObject post(String path, JsonObject body, int expected) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body());
  }

  /** The WAR as built, at the root context, where the quick start and the EAR serve it too. */
  static WebArchive rootWar() {
    File war = new File(System.getProperty("smartsession.war", "target/smartsession.war"));
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
  }

  /** Signs in as {@link #TEACHER} through the development sign-in (a form post, as curl does). */
  private void signIn() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("auth/dev-login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + TEACHER + "&role=teacher"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 3) {
      throw new AssertionError("signing in answered " + r.statusCode() + ": " + r.body());
    }
    signedIn = true;
  }

  private String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(HttpCookie::toString)
        .collect(Collectors.joining("; "));
  }

  /** Creates a session as {@link #TEACHER} and returns its id. */
  String createSession(String name, String kind) throws Exception {
    if (!signedIn) {
      signIn();
    }
    return post(
            "api/v1/sessions",
            Json.createObjectBuilder().add("name", name).add("kind", kind).build(),
            201)
        .getString("sessionId");
  }

  /** Replaces the session's roster, as its teacher. */
  void roster(String sessionId, String students, boolean othersAllowed) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/sessions/" + sessionId + "/roster"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("students", students)
                            .add("othersAllowed", othersAllowed)
                            .build()
                            .toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("the roster answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** Ends the session, as its teacher. */
  void end(String sessionId) throws Exception {
    post("api/v1/sessions/" + sessionId + "/end", JsonValue.EMPTY_JSON_OBJECT, 200);
  }

  /** The body of a GET of the API, signed in as {@link #TEACHER}; expects 200. */
  String get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** The status of a GET of the API, signed in as {@link #TEACHER}. */
  int status(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** What a join over REST answers, whatever its status. */
  HttpResponse<String> tryJoin(String sessionId, String studentId) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve("api/v1/sessions/" + sessionId + "/students"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.createObjectBuilder().add("studentId", studentId).build().toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Joins a student over REST and connects their WebSocket with the token the join answered. */
  Student join(String sessionId, String studentId, String name) throws Exception {
    JsonObject joined =
        post(
            "api/v1/sessions/" + sessionId + "/students",
            Json.createObjectBuilder().add("studentId", studentId).add("name", name).build(),
            200);
    String path = joined.getString("webSocketPath");
    if (!path.contains("token=" + joined.getString("token"))) {
      throw new AssertionError("the socket's path carries the student's token: " + path);
    }
    return new Student(
        sessionId, studentId, ws(path.startsWith("/") ? path.substring(1) : path), http);
  }

  /** A teacher's socket that keeps the latest SESSION_UPDATE. */
  Teacher teacher(String sessionId) {
    return new Teacher(ws("ws/teacher?sessionId=" + sessionId), http, cookieHeader());
  }

  /** A student without a page: sends frames, ignores what comes back. */
  static final class Student implements WebSocket.Listener, AutoCloseable {
    private final String sessionId;
    private final String studentId;
    private final WebSocket socket;

    Student(String sessionId, String studentId, URI uri, HttpClient client) {
      this.sessionId = sessionId;
      this.studentId = studentId;
      this.socket =
          client
              .newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(uri, this)
              .join();
    }

    String id() {
      return studentId;
    }

    /** Sends one VIDEO_FRAME as the student page does. */
    synchronized void send(String frameDataUrl) {
      String frame =
          Json.createObjectBuilder()
              .add("type", "VIDEO_FRAME")
              .add("studentId", studentId)
              .add("sessionId", sessionId)
              .add("timestamp", System.currentTimeMillis())
              .add("frame", frameDataUrl)
              .add(
                  "metadata", Json.createObjectBuilder().add("fps", 2).add("resolution", "640x480"))
              .build()
              .toString();
      socket.sendText(frame, true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public void close() {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
      }
      socket.abort();
    }
  }

  /** A teacher without a page, to read what the server itself says. */
  static final class Teacher implements WebSocket.Listener, AutoCloseable {
    private final AtomicReference<JsonObject> latest = new AtomicReference<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    Teacher(URI uri, HttpClient client, String cookie) {
      this.socket =
          client
              .newWebSocketBuilder()
              .header("Cookie", cookie)
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(uri, this)
              .join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonObject message = json(partial.toString());
        partial.setLength(0);
        if ("SESSION_UPDATE".equals(message.getString("type", null))) {
          latest.set(message);
        }
      }
      webSocket.request(1);
      return null;
    }

    /** The student's line in the latest SESSION_UPDATE. */
    Optional<JsonObject> student(String studentId) {
      JsonObject update = latest.get();
      if (update == null) {
        return Optional.empty();
      }
      return update.getJsonArray("students").stream()
          .map(JsonValue::asJsonObject)
          .filter(s -> studentId.equals(s.getString("id", null)))
          .findFirst();
    }

    /** How many students of the latest SESSION_UPDATE had a frame analysed (not JOINED). */
    long analysed() {
      JsonObject update = latest.get();
      if (update == null) {
        return 0;
      }
      return update.getJsonArray("students").stream()
          .map(JsonValue::asJsonObject)
          .filter(s -> !"JOINED".equals(s.getString("status", "JOINED")))
          .count();
    }

    /** When the server last got a frame from the student, 0 when never. */
    long lastFrameAt(String studentId) {
      return student(studentId)
          .filter(s -> s.containsKey("lastFrameAt") && !s.isNull("lastFrameAt"))
          .map(s -> s.getJsonNumber("lastFrameAt").longValue())
          .orElse(0L);
    }

    @Override
    public void close() {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
      }
      socket.abort();
    }
  }
}
