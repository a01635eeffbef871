package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.protocol.AlertAcknowledged;

/** A teacher connecting to a session with many open alerts gets the newest ones, in order. */
class OpenAlertsOnConnectTest {

  private static Alert alert(int i, boolean reviewed) {
    return new Alert(
        "ALERT_" + i,
        "S-1",
        "S" + i,
        AlertType.NO_FACE,
        1_000L * i,
        "no face",
        10_000,
        0.9,
        null,
        reviewed ? new Acknowledgement(AlertAcknowledged.Action.REVIEWED, "ada", 1) : null);
  }

  @Test
  void hundredsOfOpenAlertsAreCutToTheNewestInOrder() {
    List<Alert> stored = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      stored.add(alert(i, i % 2 == 1)); // every other one reviewed: 300 open
    }
    List<Alert> sent = TeacherEndpoint.toSendOnConnect(stored);
    assertEquals(TeacherEndpoint.OPEN_ALERTS_ON_CONNECT, sent.size());
    assertTrue(TeacherEndpoint.OPEN_ALERTS_ON_CONNECT < Outbox.MAX_WAITING_EVENTS);
    assertEquals("ALERT_500", sent.get(0).alertId());
    assertEquals("ALERT_598", sent.get(sent.size() - 1).alertId());
    assertTrue(sent.stream().allMatch(a -> a.acknowledgement() == null));
  }

  @Test
  void aFewOpenAlertsAllGoOut() {
    List<Alert> sent = TeacherEndpoint.toSendOnConnect(List.of(alert(1, false), alert(2, true)));
    assertEquals(List.of("ALERT_1"), sent.stream().map(Alert::alertId).toList());
  }
}
