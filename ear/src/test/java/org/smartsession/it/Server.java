package org.smartsession.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application under test as deployed on Payara Micro, reached over loopback only. */
final class Server {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  /**
   * @param deployed the URL Arquillian reports; its host is replaced by the loopback address
   */
  Server(URL deployed) {
    URI u = URI.create(deployed.toString());
    this.base = URI.create("http://127.0.0.1:" + u.getPort() + u.getPath());
  }

  /** The very WAR the build made for Payara Micro. */
  static WebArchive application() {
    File war = new File(System.getProperty("smartsession.war", "target/smartsession.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  URI http(String path) {
    return base.resolve(path);
  }

  URI ws(String pathAndQuery) {
    return URI.create("ws://" + base.getAuthority() + base.getPath() + pathAndQuery);
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(http(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(http(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(http(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /** Creates a session and returns its id. */
  String createSession(String name, String kind) throws Exception {
    HttpResponse<String> r =
        post(
            "api/v1/sessions",
            Json.createObjectBuilder().add("name", name).add("kind", kind).build().toString());
    if (r.statusCode() != 201) {
      throw new AssertionError("creating a session answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body()).getString("sessionId");
  }

  /** Joins the student and returns the WebSocket URI the join answer names. */
  URI join(String sessionId, String studentId, String name) throws Exception {
    HttpResponse<String> r =
        post(
            "api/v1/sessions/" + sessionId + "/students",
            Json.createObjectBuilder()
                .add("studentId", studentId)
                .add("name", name)
                .build()
                .toString());
    if (r.statusCode() != 200) {
      throw new AssertionError("joining answered " + r.statusCode() + ": " + r.body());
    }
    return ws(json(r.body()).getString("webSocketPath"));
  }
}
