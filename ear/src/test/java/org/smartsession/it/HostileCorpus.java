package org.smartsession.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Malformed and hostile WebSocket messages, generated from a seed so that a failure can be
 * replayed: each with the error codes a clear answer may carry. Frames are built for the student
 * whose socket sends them, so that a field's fault, not the sender's identity, is what is refused.
 */
final class HostileCorpus {
  /** One message and the {@code ERROR} codes that answer it fittingly. */
  record Case(String family, String text, Set<String> codes) {
    @Override
    public String toString() {
      return family + ": " + (text.length() > 120 ? text.substring(0, 120) + "…" : text);
    }
  }

  static final Set<String> MALFORMED = Set.of("MALFORMED_JSON");
  static final Set<String> UNKNOWN = Set.of("UNKNOWN_TYPE");
  static final Set<String> FIELD = Set.of("INVALID_FIELD");
  static final Set<String> FRAME = Set.of("INVALID_FRAME");
  static final Set<String> UNEXPECTED = Set.of("UNEXPECTED_TYPE", "UNKNOWN_TYPE");

  private static final String PREFIX = "data:image/jpeg;base64,";
  private static final String[] BAD_IDENTIFIERS = {
    "null",
    "42",
    "true",
    "[]",
    "{}",
    "\"\"",
    "\"a b\"",
    "\"../etc\"",
    "\"<script>\"",
    "\"\\u0000\"",
  };
  private static final String[] BAD_TIMESTAMPS = {
    "null", "\"now\"", "true", "[]", "{}", "0", "-5", "99999999999999999999999", "1.5e400",
  };
  private static final String[] BAD_FRAMES = {
    "null",
    "42",
    "[]",
    "{}",
    "\"\"",
    "\"data:image/png;base64,AAAA\"",
    "\"http://x/y.jpg\"",
    "\"" + PREFIX + "\"",
    "\"DATA:IMAGE/JPEG;BASE64,AAAA\"",
  };
  private static final String[] BAD_METADATA = {
    "42",
    "\"x\"",
    "[]",
    "{\"fps\":-1}",
    "{\"fps\":1000}",
    "{\"fps\":\"x\"}",
    "{\"resolution\":\"" + "9".repeat(100) + "\"}",
    "{\"resolution\":[]}",
  };

  private final Random random;
  private final byte[] jpeg;

  HostileCorpus(long seed) throws IOException {
    this.random = new Random(seed);
    this.jpeg = smallJpeg();
  }

  /** {@code count} messages for the student's own socket, of every family in turn. */
  List<Case> forStudent(String sessionId, String studentId, int count) {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; cases.size() < count; i++) {
      cases.add(
          switch (i % 10) {
            case 0 -> truncated(sessionId, studentId);
            case 1 -> garbage();
            case 2 -> notAnObject();
            case 3 -> badType();
            case 4, 5 -> badField(sessionId, studentId);
            case 6, 7 -> badImage(sessionId, studentId);
            case 8 -> notForStudents(sessionId, studentId);
            default -> i % 100 == 9 ? huge() : otherIdentity(sessionId, studentId);
          });
    }
    return cases;
  }

  /** {@code count} messages for a teacher's socket; none of them would change the session. */
  List<Case> forTeacher(String sessionId, int count) {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; cases.size() < count; i++) {
      cases.add(
          switch (i % 6) {
            case 0 -> truncated(sessionId, "S-T");
            case 1 -> garbage();
            case 2 -> badType();
            case 3 ->
                new Case(
                    "a frame from a teacher",
                    Frames.videoFrame(sessionId, "S-T", 1_700_000_000_000L, PREFIX + "AAAA"),
                    Set.of("UNEXPECTED_TYPE"));
            case 4 ->
                new Case(
                    "an unknown alert",
                    "{\"type\":\"ALERT_ACKNOWLEDGED\",\"alertId\":\"A-"
                        + random.nextInt(1_000_000)
                        + "\",\"action\":\"REVIEWED\"}",
                    Set.of("NOT_FOUND"));
            default -> badCommand();
          });
    }
    return cases;
  }

  private String frame(String sessionId, String studentId, String payload) {
    return Frames.videoFrame(sessionId, studentId, System.currentTimeMillis(), PREFIX + payload);
  }

  private Case truncated(String sessionId, String studentId) {
    String whole = frame(sessionId, studentId, Base64.getEncoder().encodeToString(jpeg));
    return new Case(
        "truncated JSON", whole.substring(0, random.nextInt(whole.length())), MALFORMED);
  }

  private Case garbage() {
    StringBuilder text = new StringBuilder();
    int length = 1 + random.nextInt(2000);
    for (int i = 0; i < length; i++) {
      char c;
      do {
        c = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD000));
      } while (Character.isSurrogate(c));
      text.append(c);
    }
    // A '{' first keeps random text from being a JSON number, string or literal; the odd one that
    // is an object (such as "{ }") has no type.
    return new Case("random text", "{" + text, Set.of("MALFORMED_JSON", "UNKNOWN_TYPE"));
  }

  private Case notAnObject() {
    int depth = 1 + random.nextInt(random.nextBoolean() ? 50 : 200_000);
    String text =
        switch (random.nextInt(6)) {
          case 0 -> "[".repeat(depth) + "]".repeat(depth);
          case 1 -> "[".repeat(depth);
          case 2 -> Integer.toString(random.nextInt());
          case 3 -> "\"" + "x".repeat(depth) + "\"";
          case 4 -> random.nextBoolean() ? "null" : "true";
          default -> {
            // Nested in an object: refused by the parser for its depth, or for the fields missing.
            String nested = "[".repeat(depth) + "]".repeat(depth);
            yield "{\"type\":\"VIDEO_FRAME\",\"x\":" + nested + "}";
          }
        };
    return new Case(
        "not a JSON object, or deeply nested",
        text,
        text.startsWith("{") ? Set.of("MALFORMED_JSON", "INVALID_FIELD") : MALFORMED);
  }

  private Case badType() {
    String type =
        switch (random.nextInt(7)) {
          case 0 -> "\"VIDEO_FRAME_" + random.nextInt(1000) + "\"";
          case 1 -> "\"video_frame\"";
          case 2 -> Integer.toString(random.nextInt());
          case 3 -> "null";
          case 4 -> "[\"VIDEO_FRAME\"]";
          case 5 -> "{\"type\":\"VIDEO_FRAME\"}";
          default -> "\"" + "T".repeat(1 + random.nextInt(50_000)) + "\"";
        };
    String text =
        random.nextInt(4) == 0
            ? "{\"studentId\":\"S1\",\"timestamp\":1}"
            : "{\"type\":" + type + ",\"studentId\":\"S1\"}";
    return new Case("unknown type", text, UNKNOWN);
  }

  private Case badField(String sessionId, String studentId) {
    String[] fields = {"studentId", "sessionId", "timestamp", "frame", "metadata"};
    String field = fields[random.nextInt(fields.length)];
    String[] pool =
        switch (field) {
          case "studentId", "sessionId" -> BAD_IDENTIFIERS;
          case "timestamp" -> BAD_TIMESTAMPS;
          case "frame" -> BAD_FRAMES;
          default -> BAD_METADATA;
        };
    boolean missing = !field.equals("metadata") && random.nextInt(5) == 0;
    String value = pool[random.nextInt(pool.length)];
    if (!missing && random.nextInt(10) == 0 && !field.equals("metadata")) {
      value = "\"" + "9".repeat(100_000 + random.nextInt(400_000)) + "\""; // a huge string
    }
    StringBuilder text = new StringBuilder("{\"type\":\"VIDEO_FRAME\"");
    for (String f : fields) {
      String v =
          f.equals(field)
              ? (missing ? null : value)
              : switch (f) {
                case "studentId" -> "\"" + studentId + "\"";
                case "sessionId" -> "\"" + sessionId + "\"";
                case "timestamp" -> Long.toString(System.currentTimeMillis());
                case "frame" -> "\"" + PREFIX + Base64.getEncoder().encodeToString(jpeg) + "\"";
                default -> "{\"fps\":2,\"resolution\":\"640x480\"}";
              };
      if (v != null) {
        text.append(",\"").append(f).append("\":").append(v);
      }
    }
    String what = (missing ? "missing " : "bad ") + field;
    // A student or session id the decoder takes as text (42, true, a huge string) is refused as
    // another student's.
    Set<String> codes =
        field.endsWith("Id") && !missing ? Set.of("INVALID_FIELD", "IDENTITY_MISMATCH") : FIELD;
    return new Case(what, text.append('}').toString(), codes);
  }

  private Case badImage(String sessionId, String studentId) {
    byte[] bytes;
    String what;
    switch (random.nextInt(8)) {
      case 0 -> {
        what = "not an image";
        bytes = ("GIF89a" + random.nextLong()).getBytes();
      }
      case 1 -> {
        what = "a truncated JPEG";
        bytes = Arrays.copyOf(jpeg, 1 + random.nextInt(jpeg.length - 3));
      }
      case 2 -> {
        what = "a JPEG header declaring 30000x30000";
        bytes = withSize(jpeg, 30_000, 30_000);
      }
      case 3 -> {
        what = "a second start-of-frame header";
        bytes = withSecondFrameHeader(jpeg);
      }
      case 4 -> {
        what = "random bytes after a JPEG start";
        bytes = new byte[2 + random.nextInt(5000)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
      }
      case 5 -> {
        what = "a JPEG of 0x0";
        bytes = withSize(jpeg, 0, 0);
      }
      case 6 -> {
        what = "base64 with characters that are not base64";
        String good = Base64.getEncoder().encodeToString(jpeg);
        int at = random.nextInt(good.length());
        return new Case(
            what,
            frame(sessionId, studentId, good.substring(0, at) + "@\\n*" + good.substring(at)),
            FRAME);
      }
      default -> {
        what = "base64 of a wrong length";
        String good = Base64.getEncoder().encodeToString(jpeg);
        return new Case(
            what, frame(sessionId, studentId, good.substring(0, good.length() - 3)), FRAME);
      }
    }
    return new Case(
        what, frame(sessionId, studentId, Base64.getEncoder().encodeToString(bytes)), FRAME);
  }

  private Case notForStudents(String sessionId, String studentId) {
    String text =
        switch (random.nextInt(5)) {
          case 0 -> "{\"type\":\"ALERT_ACKNOWLEDGED\",\"alertId\":\"A1\",\"action\":\"REVIEWED\"}";
          case 1 -> "{\"type\":\"COMMAND\",\"command\":\"PAUSE_EXAM\"}";
          case 2 -> "{\"type\":\"FEEDBACK\",\"studentId\":\"" + studentId + "\"}";
          case 3 -> "{\"type\":\"SESSION_UPDATE\",\"sessionId\":\"" + sessionId + "\"}";
          default -> "{\"type\":\"RATE\",\"fps\":100}";
        };
    return new Case(
        "a message students may not send",
        text,
        Set.of("UNEXPECTED_TYPE", "UNKNOWN_TYPE", "INVALID_FIELD"));
  }

  private Case otherIdentity(String sessionId, String studentId) {
    String payload = Base64.getEncoder().encodeToString(jpeg);
    String text =
        random.nextBoolean()
            ? frame(sessionId, studentId + "-X", payload)
            : frame("S-" + random.nextInt(1_000_000), studentId, payload);
    return new Case("another student's frame", text, Set.of("IDENTITY_MISMATCH"));
  }

  private Case huge() {
    String text = "{\"type\":\"VIDEO_FRAME\",\"junk\":\"" + "x".repeat(900_000) + "\"}";
    return new Case("900 kB without the fields", text, FIELD);
  }

  private Case badCommand() {
    String text =
        switch (random.nextInt(4)) {
          case 0 -> "{\"type\":\"COMMAND\",\"command\":\"SELF_DESTRUCT\"}";
          case 1 -> "{\"type\":\"COMMAND\",\"command\":\"MESSAGE\"}";
          case 2 ->
              "{\"type\":\"COMMAND\",\"command\":\"MESSAGE\",\"text\":\""
                  + "x".repeat(501 + random.nextInt(10_000))
                  + "\"}";
          default -> "{\"type\":\"COMMAND\",\"command\":\"PAUSE_EXAM\",\"studentId\":\"a b\"}";
        };
    return new Case("a bad command", text, FIELD);
  }

  /** A real JPEG of 64x48, small so that the corpus is mostly faults, not pixels. */
  private static byte[] smallJpeg() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(180, 150, 120));
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    return Frames.jpeg(image);
  }

  /** Where the baseline start-of-frame segment (FFC0) begins. */
  private static int frameHeader(byte[] jpeg) {
    for (int i = 2; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
        return i;
      }
    }
    throw new IllegalStateException("no SOF0 in the JPEG");
  }

  static byte[] withSize(byte[] jpeg, int width, int height) {
    byte[] copy = jpeg.clone();
    int sof = frameHeader(copy);
    copy[sof + 5] = (byte) (height >> 8);
    copy[sof + 6] = (byte) height;
    copy[sof + 7] = (byte) (width >> 8);
    copy[sof + 8] = (byte) width;
    return copy;
  }

  static byte[] withSecondFrameHeader(byte[] jpeg) {
    int sof = frameHeader(jpeg);
    int length = ((jpeg[sof + 2] & 0xff) << 8) | (jpeg[sof + 3] & 0xff);
    byte[] segment = Arrays.copyOfRange(jpeg, sof, sof + 2 + length);
    byte[] out = new byte[jpeg.length + segment.length];
    System.arraycopy(jpeg, 0, out, 0, sof + segment.length);
    System.arraycopy(segment, 0, out, sof + segment.length, segment.length);
    System.arraycopy(
        jpeg,
        sof + segment.length,
        out,
        sof + 2 * segment.length,
        jpeg.length - sof - segment.length);
    return out;
  }
}
