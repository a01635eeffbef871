package org.smartsession.web.rest;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/ready}: the application's own readiness checks on the application's port, for
 * a load balancer in front of servers whose health endpoint does not list them (WildFly registers
 * no check of an EAR's modules, and serves health on its management port only). The same checks as
 * {@code /health/ready}, names and states only: the reasons stay in that endpoint and the log.
 */
@Path("ready")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {
  private static final Logger LOG = Logger.getLogger(ReadinessResource.class.getName());
  private static final String UP = "UP";
  private static final String DOWN = "DOWN";

  @Inject @Readiness Instance<HealthCheck> checks;

  /** One check by name, {@code UP} or {@code DOWN}. */
  public record Check(String name, String status) {}

  /** {@code UP} when every check is. */
  public record Answer(String status, List<Check> checks) {}

  @GET
  @Operation(
      summary = "Whether this server takes new students: 200 when ready, 503 when not",
      description = "The application's readiness checks (face models, session store) by name.")
  public Response ready() {
    List<Check> results = checks.stream().map(ReadinessResource::run).toList();
    boolean up = results.stream().allMatch(c -> UP.equals(c.status()));
    CacheControl never = new CacheControl();
    never.setNoStore(true);
    return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(new Answer(up ? UP : DOWN, results))
        .cacheControl(never)
        .build();
  }

  /** A check that fails to answer is down, as MicroProfile Health reports it. */
  private static Check run(HealthCheck check) {
    try {
      HealthCheckResponse r = check.call();
      return new Check(r.getName(), r.getStatus() == HealthCheckResponse.Status.UP ? UP : DOWN);
    } catch (RuntimeException e) {
      String name = check.getClass().getName().replaceFirst("\\$.*", "");
      LOG.log(Level.WARNING, "The readiness check " + name + " failed", e);
      return new Check(name, DOWN);
    }
  }
}
