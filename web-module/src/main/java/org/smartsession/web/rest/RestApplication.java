package org.smartsession.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API lives under {@code /api/v1}; the server describes it at {@code /openapi}
 * (MicroProfile OpenAPI, from these resources).
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "SmartSession",
            version = "1",
            description =
                "Sessions, students joining, teachers and the audit log, alerts, history, and"
                    + " diagnostics of the live classroom and exam assistant. Errors are"
                    + " {\"error\":\"...\",\"message\":\"...\"}."))
public class RestApplication extends Application {

  /**
   * Jersey (Payara's JAX-RS) makes a relative {@code Location} absolute from the request's Host
   * header, which a client can forge; the API's own locations are already absolute from the
   * configured public address or, without one, paths on this server.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
  }
}
