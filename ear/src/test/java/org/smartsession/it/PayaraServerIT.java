package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EAR on Payara Server 6 in a new domain started with {@code
 * src-docker/payara-server/post-boot-commands.asadmin}: MicroProfile Health and Metrics on the HTTP
 * port.
 */
class PayaraServerIT extends AppServerSmoke {
  @RegisterExtension static final PayaraServer SERVER = new PayaraServer(AppServer.testOptions());

  @Override
  AppServer server() {
    return SERVER;
  }

  @Override
  void assertFaceModelsLoaded(Map<String, JsonObject> readiness) {
    JsonObject models = readiness.get("face-models");
    assertEquals("UP", models.getString("status"), readiness::toString);
    assertEquals("loaded", models.getJsonObject("data").getString("state"));
    assertEquals("UP", readiness.get("session-store").getString("status"), readiness::toString);
  }

  @Override
  void assertMetrics() throws Exception {
    String text = new Server(SERVER.url()).get("metrics").body();
    assertTrue(
        text.lines()
            .anyMatch(
                l ->
                    l.startsWith("smartsession_frames_processed")
                        && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 6),
        text);
  }
}
