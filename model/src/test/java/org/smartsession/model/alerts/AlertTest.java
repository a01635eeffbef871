package org.smartsession.model.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

class AlertTest {
  @Test
  void anAlertStoredBeforeRepeatsWereCountedReadsAsRaisedOnce() throws Exception {
    try (Jsonb json = JsonbBuilder.create()) {
      Alert alert =
          json.fromJson(
              "{\"alertId\":\"A1\",\"sessionId\":\"S\",\"studentId\":\"P\",\"type\":\"NO_FACE\","
                  + "\"timestamp\":1000,\"reason\":\"no face\",\"durationMs\":10000,"
                  + "\"confidence\":1.0}",
              Alert.class);
      assertEquals(1, alert.count());
      assertEquals(1000, alert.lastTimestamp());
    }
  }

  @Test
  void anAlertKeepsItsRepeatsThroughJson() throws Exception {
    try (Jsonb json = JsonbBuilder.create()) {
      Alert alert =
          new Alert("A1", "S", "P", AlertType.NO_FACE, 1000, "no face", 0, 1, null, null)
              .repeated(4, 90_000);
      assertEquals(alert, json.fromJson(json.toJson(alert), Alert.class));
    }
  }
}
