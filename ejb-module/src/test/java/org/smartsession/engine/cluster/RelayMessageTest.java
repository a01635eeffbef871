package org.smartsession.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.events.PaceReported;
import org.smartsession.engine.events.StudentLeft;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.protocol.AlertAcknowledged;
import org.smartsession.model.protocol.Command;
import org.smartsession.model.session.StudentKey;

class RelayMessageTest {

  @Test
  void everyRelayedEventArrivesAsItWasSent() {
    Alert alert =
        new Alert(
                "ALERT_1",
                "S-EXAM",
                "S045",
                AlertType.MULTIPLE_FACES,
                1_000,
                "2 faces",
                0,
                0.9,
                "data:image/jpeg;base64,/9j/AAAA",
                null)
            .repeated(2, 61_000);
    List<Object> events =
        List.of(
            new AlertRaised(alert),
            new AlertReviewed(
                "S-EXAM", new AlertAcknowledged("ALERT_1", "REVIEWED", "ms.ada", 2_000L)),
            new CommandIssued("S-EXAM", new Command("PAUSE_EXAM", "S045", null)),
            new CommandIssued("S-EXAM", new Command("MESSAGE", null, "Five minutes left")),
            new CommandIssued("S-EXAM", new Command("END_SESSION", null, null)),
            new DataDeleted("S-EXAM", "S045"),
            new DataDeleted("S-EXAM", null),
            new PaceReported("server-a", 1.0, 5_000L, null, null, Set.of("S-EXAM", "S-LECTURE")),
            new PaceReported("server-a", null, null, null, null, Set.of()));
    for (Object event : events) {
      RelayMessage sent = RelayMessage.of("server-a", event).orElseThrow();
      RelayMessage received = RelayMessage.fromJson(sent.toJson()).orElseThrow();
      assertEquals("server-a", received.from());
      assertEquals(event, received.event());
    }
  }

  @Test
  void whatConcernsOnlyThisServerIsNotRelayed() {
    assertTrue(RelayMessage.of("a", new StudentLeft(new StudentKey("S", "P"))).isEmpty());
  }

  @Test
  void unreadableMessagesAreIgnored() {
    for (String json :
        List.of(
            "",
            "not json",
            "{}",
            "{\"from\":\"b\"}",
            "{\"from\":\"b\",\"command\":{\"sessionId\":\"S\",\"command\":{\"command\":\"NOPE\"}}}")) {
      assertTrue(RelayMessage.fromJson(json).isEmpty(), json);
    }
  }
}
