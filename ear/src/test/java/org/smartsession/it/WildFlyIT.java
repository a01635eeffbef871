package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The EAR on WildFly 39 with {@code standalone.xml} as {@code src-docker/wildfly/smartsession.cli}
 * configures it: MicroProfile Health on the management interface, no MicroProfile Metrics.
 */
class WildFlyIT extends AppServerSmoke {
  @RegisterExtension static final WildFly SERVER = new WildFly(AppServer.testOptions());

  @Override
  AppServer server() {
    return SERVER;
  }

  /**
   * WildFly registers no MicroProfile Health check of an EAR's modules (its health extension looks
   * them up where it sees none of them: WFLY-12835), so readiness has the server's own checks and
   * the deployment's state only. The models load while the EAR deploys, so a deployment that is OK
   * has them, which the log says; the application's own checks are at {@code /api/v1/ready} on the
   * HTTP port, as on every server.
   */
  @Override
  void assertFaceModelsLoaded(Map<String, JsonObject> readiness) throws Exception {
    JsonObject deployments = readiness.get("deployments-status");
    assertEquals("UP", deployments.getString("status"), readiness::toString);
    assertEquals("OK", deployments.getJsonObject("data").getString("smartsession.ear"));
    assertFalse(
        readiness.containsKey("face-models"),
        "WildFly now reports the EAR's own checks: assert them as on Payara Server");
    assertTrue(SERVER.logged("Face models loaded in"), "the log says the models loaded");
  }

  /**
   * Without MicroProfile Metrics, Weld skips the application's two metrics beans (nothing injects
   * them) with an INFO line, and the server's metrics are all there is.
   */
  @Override
  void assertMetrics() throws Exception {
    assertTrue(
        SERVER.logged(
            "WELD-000119: Not generating any bean definitions from org.smartsession.engine.metrics.EngineMetrics"));
    assertTrue(
        SERVER.logged(
            "WELD-000119: Not generating any bean definitions from org.smartsession.web.ws.ConnectionMetrics"));
    AppServer.Answer metrics = AppServer.get(SERVER.management("metrics"));
    assertEquals(200, metrics.status(), metrics.body());
    assertFalse(metrics.body().contains("smartsession_"), metrics.body());
  }
}
