package org.smartsession.model.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolCodecTest {
  private static final ProtocolCodec codec = new ProtocolCodec();

  @AfterAll
  static void close() throws Exception {
    codec.close();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /**
   * Nesting as deep as a megabyte allows: refused as it is read, with its reason, never a crash.
   */
  @ParameterizedTest
  @ValueSource(ints = {ProtocolCodec.MAX_NESTING + 1, 1_000, 200_000})
  void refusesNestingDeeperThanAnyMessageNeeds(int depth) {
    String nested = "[".repeat(depth) + "]".repeat(depth);
    for (String text :
        List.of(
            nested,
            "[".repeat(depth),
            "{\"type\":\"VIDEO_FRAME\",\"x\":" + nested + "}",
            "{\"type\":\"COMMAND\",\"command\":" + nested + "}")) {
      InvalidMessageException e =
          assertThrows(InvalidMessageException.class, () -> codec.decode(text));
      assertEquals(ErrorCode.MALFORMED_JSON, e.code(), e.getMessage());
      assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }
  }

  @Test
  void nestingInsideStringsIsText() {
    String frame = "{\"type\":\"COMMAND\",\"command\":\"MESSAGE\",\"text\":\"[[[[[[[[[[\\\"{{{{\"}";
    assertInstanceOf(Command.class, codec.decode(frame));
  }

  /** A message type added to the sealed interface but not to its JSON-B mapping, or back. */
  @Test
  void everyMessageTypeIsMapped() {
    Set<Class<?>> mapped =
        Arrays.stream(Message.class.getAnnotation(JsonbTypeInfo.class).value())
            .map(JsonbSubtype::type)
            .collect(Collectors.toSet());
    assertEquals(Set.of(Message.class.getPermittedSubclasses()), mapped);
    assertEquals(Message.class.getPermittedSubclasses().length, ProtocolCodec.TYPES.size());
    for (Class<?> type : Message.class.getPermittedSubclasses()) {
      assertTrue(type.isRecord(), type + " is a record validated in its constructor");
    }
  }

  @Test
  void decodesTheDesignsVideoFrame() {
    String text =
        """
        {"type":"VIDEO_FRAME","studentId":"S123","sessionId":"SESSION_456","timestamp":1704268477000,
         "frame":"data:image/jpeg;base64,/9j/4AAQ","metadata":{"fps":30,"resolution":"640x480"}}
        """;
    VideoFrame frame = assertInstanceOf(VideoFrame.class, codec.decode(text));
    assertEquals("S123", frame.studentId());
    assertEquals("SESSION_456", frame.sessionId());
    assertEquals(1704268477000L, frame.timestamp());
    assertEquals("/9j/4AAQ", frame.base64Payload());
    assertEquals(30, frame.metadata().fps());
    assertEquals("640x480", frame.metadata().resolution());
  }

  @Test
  void encodesFeedbackWithTheDesignsFieldNames() {
    JsonObject o =
        json(
            codec.encode(
                new Feedback(0.72, 0.45, "CONFUSED", "Stay focused!", 1_700_000_000_123L)));
    assertEquals("FEEDBACK", o.getString("type"));
    assertEquals(0.72, o.getJsonNumber("confusionScore").doubleValue());
    assertEquals(0.45, o.getJsonNumber("engagementScore").doubleValue());
    assertEquals("Stay focused!", o.getString("message"));
    assertEquals(1_700_000_000_123L, o.getJsonNumber("frameTimestamp").longValue());
  }

  @Test
  void leavesUnknownScoresOutRatherThanInventingThem() {
    JsonObject o = json(codec.encode(new Feedback(null, null, "ANALYSIS_UNAVAILABLE", "x", 1)));
    assertTrue(!o.containsKey("confusionScore") && !o.containsKey("engagementScore"));
  }

  @Test
  void roundTripsEveryMessage() {
    List<Message> messages =
        List.of(
            new VideoFrame(
                "S1",
                "SESSION_1",
                5L,
                "data:image/jpeg;base64,AAAA",
                new VideoFrame.FrameMetadata(2, "640x480")),
            new Feedback(0.1, 0.9, "ENGAGED", "Great focus.", 1000L),
            new SessionUpdate(
                "SESSION_1",
                1000L,
                true,
                new SessionUpdate.Aggregate(30, 28, 0.42, 12, 3),
                List.of(
                    new SessionUpdate.StudentSummary(
                        "S123",
                        "Ada",
                        0.72,
                        0.45,
                        "CONFUSED",
                        999L,
                        1,
                        Map.of("eyebrowFurrow", 0.5))),
                new SessionUpdate.ReducedAnalysis(1.0, 900L)),
            new CriticalAlert(
                "ALERT_1",
                "SESSION_1",
                "S045",
                "MULTIPLE_FACES",
                7L,
                "2 faces",
                0,
                0.9,
                "data:image/jpeg;base64,AAAA",
                2,
                61_007L,
                new AlertReview("REVIEWED", "t@uni.example", 61_500L)),
            new AlertAcknowledged("ALERT_789", "REVIEWED", "t@uni.example", 8L),
            new Command("MESSAGE", null, "Five minutes left"),
            new ErrorMessage("INVALID_FIELD", "why"),
            new Rate(0.5),
            new Rate(null));
    for (Message m : messages) {
      assertEquals(m, codec.decode(codec.encode(m)), () -> "round trip of " + m);
    }
  }

  @Test
  void sessionUpdateCarriesTheAggregateAsSpecified() {
    var update =
        new SessionUpdate(
            "SESSION_456",
            1L,
            true,
            new SessionUpdate.Aggregate(30, 28, 0.42, 12, 3),
            List.of(),
            null);
    JsonObject o = json(codec.encode(update));
    assertEquals("SESSION_UPDATE", o.getString("type"));
    assertFalse(o.containsKey("analysis"), "absent at the full rate");
    JsonObject aggregate = o.getJsonObject("aggregate");
    assertEquals(30, aggregate.getInt("totalStudents"));
    assertEquals(28, aggregate.getInt("activeStudents"));
    assertEquals(0.42, aggregate.getJsonNumber("avgConfusion").doubleValue());
    assertEquals(12, aggregate.getInt("confusedCount"));
    assertEquals(3, aggregate.getInt("disengagedCount"));
  }

  @Test
  void rateSaysHowManyFramesASecondAndNothingToLiftTheLimit() {
    assertEquals("{\"type\":\"RATE\",\"fps\":1.0}", codec.encode(new Rate(1.0)));
    assertEquals("{\"type\":\"RATE\"}", codec.encode(new Rate(null)));
    assertThrows(InvalidMessageException.class, () -> new Rate(0.0));
  }

  @Test
  void criticalAlertHasTheDesignsFieldNames() {
    JsonObject o =
        json(
            codec.encode(
                new CriticalAlert(
                    "A1",
                    "SESSION_1",
                    "S045",
                    "MULTIPLE_FACES",
                    9L,
                    "r",
                    0,
                    1.0,
                    "data:x",
                    1,
                    9L,
                    null)));
    for (String field :
        List.of(
            "type",
            "alertId",
            "studentId",
            "alertType",
            "timestamp",
            "screenshot",
            "count",
            "lastTimestamp")) {
      assertTrue(o.containsKey(field), field);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[1,2]", "{\"type\":", "42"})
  void refusesMalformedJson(String text) {
    var e = assertThrows(InvalidMessageException.class, () -> codec.decode(text));
    assertTrue(
        e.code() == ErrorCode.MALFORMED_JSON || e.code() == ErrorCode.UNKNOWN_TYPE, e.code()::name);
  }

  @Test
  void refusesUnknownAndMissingTypes() {
    assertEquals(
        ErrorCode.UNKNOWN_TYPE,
        assertThrows(InvalidMessageException.class, () -> codec.decode("{\"type\":\"HELLO\"}"))
            .code());
    assertEquals(
        ErrorCode.UNKNOWN_TYPE,
        assertThrows(InvalidMessageException.class, () -> codec.decode("{\"studentId\":\"S1\"}"))
            .code());
  }

  @Test
  void namesTheMissingField() {
    var e =
        assertThrows(
            InvalidMessageException.class,
            () ->
                codec.decode(
                    "{\"type\":\"VIDEO_FRAME\",\"studentId\":\"S1\",\"sessionId\":\"X\","
                        + "\"timestamp\":5}"));
    assertEquals(ErrorCode.INVALID_FIELD, e.code());
    assertTrue(e.getMessage().contains("'frame'"), e.getMessage());
  }

  @Test
  void refusesWrongTypesAndFormats() {
    String wrongTimestamp =
        "{\"type\":\"VIDEO_FRAME\",\"studentId\":\"S1\",\"sessionId\":\"X\",\"timestamp\":\"soon\","
            + "\"frame\":\"data:image/jpeg;base64,AA\"}";
    assertEquals(
        ErrorCode.INVALID_FIELD,
        assertThrows(InvalidMessageException.class, () -> codec.decode(wrongTimestamp)).code());
    String pngFrame =
        "{\"type\":\"VIDEO_FRAME\",\"studentId\":\"S1\",\"sessionId\":\"X\",\"timestamp\":1,"
            + "\"frame\":\"data:image/png;base64,AA\"}";
    var e = assertThrows(InvalidMessageException.class, () -> codec.decode(pngFrame));
    assertTrue(e.getMessage().contains("data:image/jpeg;base64,"), e.getMessage());
    String badId =
        "{\"type\":\"VIDEO_FRAME\",\"studentId\":\"S 1; DROP\",\"sessionId\":\"X\",\"timestamp\":1,"
            + "\"frame\":\"data:image/jpeg;base64,AA\"}";
    assertTrue(
        assertThrows(InvalidMessageException.class, () -> codec.decode(badId))
            .getMessage()
            .contains("'studentId'"));
  }

  @Test
  void validatesCommandsAndAcknowledgements() {
    assertThrows(
        InvalidMessageException.class,
        () -> codec.decode("{\"type\":\"COMMAND\",\"command\":\"SELF_DESTRUCT\"}"));
    assertThrows(
        InvalidMessageException.class,
        () -> codec.decode("{\"type\":\"COMMAND\",\"command\":\"MESSAGE\"}"));
    assertThrows(
        InvalidMessageException.class,
        () ->
            codec.decode(
                "{\"type\":\"COMMAND\",\"command\":\"MESSAGE\",\"text\":\""
                    + "x".repeat(501)
                    + "\"}"));
    assertThrows(
        InvalidMessageException.class,
        () ->
            codec.decode(
                "{\"type\":\"ALERT_ACKNOWLEDGED\",\"alertId\":\"A\",\"action\":\"LIKED\"}"));
    assertEquals(
        Command.Kind.PAUSE_EXAM,
        ((Command) codec.decode("{\"type\":\"COMMAND\",\"command\":\"PAUSE_EXAM\"}")).kind());
  }
}
