package org.smartsession.it;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.Set;

/**
 * Malformed and hostile HTTP requests to the REST API, generated from a seed: bad bodies, wrong
 * types and content types, huge and deeply nested values, images that are none, identifiers that
 * walk paths, methods and headers nobody should send; each with the statuses that answer it
 * fittingly. None of them is valid, so none changes anything.
 */
final class HttpRequests {
  /**
   * One request and the statuses that answer it fittingly. {@code ownConnection}: the container
   * closes the connection after answering it, without saying so ({@code Connection: close} is
   * missing), so a client that reused that connection would see it fail; it goes on a connection of
   * its own.
   */
  record Request(String what, HttpRequest request, Set<Integer> statuses, boolean ownConnection) {
    Request(String what, HttpRequest request, Set<Integer> statuses) {
      this(what, request, statuses, false);
    }

    @Override
    public String toString() {
      return what + " " + request.method() + " " + request.uri().getRawPath();
    }
  }

  private static final Set<Integer> BAD = Set.of(400, 413, 415);

  /** 403: the container refuses paths that climb out of the application. */
  private static final Set<Integer> NOT_FOUND = Set.of(400, 403, 404);

  private static final Set<Integer> IMAGE = Set.of(400, 413, 415, 429);
  private static final String VALID_SESSION = "{\"name\":\"x\",\"kind\":\"EXAM\"}";

  private final Server teacher;
  private final Server admin;
  private final String sessionId;
  private final Random random;
  private final byte[] jpeg;

  HttpRequests(Server teacher, Server admin, String sessionId, long seed) throws IOException {
    this.teacher = teacher;
    this.admin = admin;
    this.sessionId = sessionId;
    this.random = new Random(seed);
    this.jpeg = Frames.oneFace();
  }

  Request next(int i) {
    return switch (i % 8) {
      case 0 -> badSession();
      case 1 -> badJoin();
      case 2, 3 -> unknownPath();
      case 4 -> notAnImage();
      case 5 -> anonymous();
      case 6 -> wrongMethod();
      default -> badHeaders();
    };
  }

  private HttpRequest.Builder as(Server who, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(teacher.http(path));
    return who == null ? b : b.header("Cookie", who.cookieHeader());
  }

  private String badJson() {
    int depth = 1 + random.nextInt(100_000);
    return switch (random.nextInt(10)) {
      case 0 -> "";
      case 1 -> "{";
      case 2 -> "[]";
      case 3 -> "null";
      case 4 -> "{\"kind\":\"EXAM\"}";
      case 5 -> "{\"name\":\"x\",\"kind\":\"PARTY\"}";
      case 6 -> "{\"name\":\"" + "n".repeat(100_000) + "\",\"kind\":\"EXAM\"}";
      case 7 -> "{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"kind\":\"EXAM\"}";
      case 8 -> "{\"name\":\"\",\"kind\":\"EXAM\"}";
      default -> "{\"name\":{\"x\":1},\"kind\":[]}";
    };
  }

  private Request badSession() {
    String body = badJson();
    if (random.nextInt(8) == 0) {
      return newSession("a session as text/plain", "text/plain", VALID_SESSION, Set.of(415));
    }
    return newSession("a bad session: " + abbreviate(body), "application/json", body, BAD);
  }

  private Request badJoin() {
    String body =
        switch (random.nextInt(6)) {
          case 0 -> "";
          case 1 -> "{\"studentId\":\"a b\",\"name\":\"x\"}";
          case 2 -> "{\"name\":\"No id\"}";
          case 3 -> "{\"studentId\":\"" + "9".repeat(50_000) + "\",\"name\":\"x\"}";
          case 4 -> "{\"studentId\":[],\"name\":{}}";
          default -> "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]";
        };
    boolean unknown = random.nextInt(4) == 0;
    String session = unknown ? "S-NONE-" + random.nextInt(1000) : sessionId;
    return new Request(
        "a bad join: " + abbreviate(body),
        as(null, "api/v1/sessions/" + session + "/students")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        unknown ? Set.of(400, 404) : BAD);
  }

  private Request unknownPath() {
    String id =
        switch (random.nextInt(7)) {
          case 0 -> "%2e%2e%2f%2e%2e%2fetc%2fpasswd";
          case 1 -> "..%00";
          case 2 -> "S-" + random.nextInt(1_000_000);
          // Twice in one path at most, under the container's 8 KiB limit for the request head.
          case 3 -> "x".repeat(1000 + random.nextInt(2000));
          case 4 -> URLEncoder.encode("<script>'\"", StandardCharsets.UTF_8);
          case 5 -> "%F0%9F%98%80%C3%28";
          default -> "%25%25%25";
        };
    String[] below = {
      "",
      "/alerts",
      "/report",
      "/roster",
      "/audit",
      "/notes",
      "/teachers",
      "/students/" + id + "/history",
      "/exports/" + id,
    };
    if (random.nextInt(12) == 0) {
      String huge = "x".repeat(9000 + random.nextInt(20_000));
      return new Request(
          "a request line over the container's limit",
          as(teacher, "api/v1/sessions/" + huge).build(),
          Set.of(400, 414),
          true);
    }
    String path = "api/v1/sessions/" + id + below[random.nextInt(below.length)];
    if (random.nextInt(5) == 0) {
      // The session exists; what is below it does not.
      path = "api/v1/sessions/" + sessionId + "/students/" + id + "/timeline";
    }
    HttpRequest.Builder b = as(teacher, path);
    if (random.nextInt(6) == 0) {
      // What can be deleted is 404; what cannot, 405.
      return new Request("an unknown path", b.DELETE().build(), Set.of(400, 403, 404, 405));
    }
    return new Request("an unknown path", b.build(), NOT_FOUND);
  }

  private Request notAnImage() {
    byte[] body;
    String type = "image/jpeg";
    String what;
    switch (random.nextInt(8)) {
      case 0 -> {
        what = "not an image";
        body = "GIF89a............".getBytes(StandardCharsets.US_ASCII);
      }
      case 1 -> {
        what = "a truncated JPEG";
        body = Arrays.copyOf(jpeg, 1 + random.nextInt(jpeg.length / 2));
      }
      case 2 -> {
        what = "a JPEG header declaring 30000x30000";
        body = HostileCorpus.withSize(jpeg, 30_000, 30_000);
      }
      case 3 -> {
        what = "a second start-of-frame header";
        body = HostileCorpus.withSecondFrameHeader(jpeg);
      }
      case 4 -> {
        what = "an empty body";
        body = new byte[0];
      }
      case 5 -> {
        what = "a data URL that is not base64";
        type = "application/json";
        body = "{\"image\":\"data:image/jpeg;base64,@@@@\"}".getBytes(StandardCharsets.US_ASCII);
      }
      case 6 -> {
        what = "a JPEG as PNG";
        type = "image/png";
        body = jpeg;
      }
      default -> {
        what = "8 MB of noise";
        body = new byte[8 << 20];
        random.nextBytes(body);
        body[0] = (byte) 0xFF;
        body[1] = (byte) 0xD8;
      }
    }
    return new Request(
        "analyze " + what,
        as(admin, "api/v1/analyze")
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        IMAGE);
  }

  private Request anonymous() {
    String forged =
        random.nextBoolean()
            ? "JSESSIONID=" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})
            : null;
    String[] paths = {
      "api/v1/sessions",
      "api/v1/sessions/" + sessionId,
      "api/v1/sessions/" + sessionId + "/alerts",
      "api/v1/me"
    };
    HttpRequest.Builder b =
        HttpRequest.newBuilder(teacher.http(paths[random.nextInt(paths.length)]));
    if (forged != null) {
      b.header("Cookie", forged);
    }
    if (random.nextBoolean()) {
      b.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(VALID_SESSION));
    }
    return new Request("no teacher", b.build(), Set.of(401, 403, 405));
  }

  private Request wrongMethod() {
    String[][] options = {
      {"PATCH", "api/v1/sessions"},
      {"DELETE", "api/v1/sessions"},
      {"PUT", "api/v1/languages"},
      {"POST", "api/v1/ready"},
      {"PATCH", "api/v1/sessions/" + sessionId},
      {"PUT", "api/v1/sessions/" + sessionId + "/alerts"},
    };
    String[] o = options[random.nextInt(options.length)];
    // No body on DELETE: the container refuses one with 400 before any method is matched.
    HttpRequest.BodyPublisher body =
        o[0].equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}");
    return new Request(
        "a method nobody serves",
        as(teacher, o[1]).header("Content-Type", "application/json").method(o[0], body).build(),
        Set.of(405));
  }

  private Request badHeaders() {
    return switch (random.nextInt(3)) {
      case 0 ->
          newSession(
              "a session as a form",
              "application/x-www-form-urlencoded",
              "name=x&kind=EXAM",
              Set.of(415));
      case 1 ->
          new Request(
              "an answer nobody makes",
              as(teacher, "api/v1/sessions/" + sessionId).header("Accept", "image/png").build(),
              Set.of(406));
      default ->
          newSession("a session in XML", "application/xml", "<session name='x'/>", Set.of(415));
    };
  }

  /** A teacher's request to create a session with this body. */
  private Request newSession(String what, String contentType, String body, Set<Integer> statuses) {
    return new Request(
        what,
        as(teacher, "api/v1/sessions")
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        statuses);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
