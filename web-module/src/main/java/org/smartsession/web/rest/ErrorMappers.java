package org.smartsession.web.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.session.LimitReachedException;
import org.smartsession.model.session.StoreUnavailableException;

/** Every failure answers JSON {@code {"error","message"}}, never a stack trace. */
public final class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  private ErrorMappers() {}

  static Response response(Response.StatusType status, String error, String message) {
    return error(status, error, message).build();
  }

  /** The error answer, still open for headers such as {@code Retry-After}. */
  static Response.ResponseBuilder error(Response.StatusType status, String error, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(error, message));
  }

  /** A limit reached: 429, with {@code Retry-After} when waiting helps. */
  @Provider
  public static class LimitReachedMapper implements ExceptionMapper<LimitReachedException> {
    @Override
    public Response toResponse(LimitReachedException e) {
      return error(Response.Status.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", e.getMessage())
          .header("Retry-After", e.retryAfterSeconds() > 0 ? e.retryAfterSeconds() : null)
          .build();
    }
  }

  /** Refusals the resources chose. */
  /** Redis cannot be reached for something only Redis can do (a deletion): try again later. */
  @Provider
  public static class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {
    @Override
    public Response toResponse(StoreUnavailableException e) {
      return error(Response.Status.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE", e.getMessage())
          .header(HttpHeaders.RETRY_AFTER, "5")
          .build();
    }
  }

  @Provider
  public static class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      return response(e.status(), e.error(), e.getMessage());
    }
  }

  /** Unreadable JSON bodies. */
  @Provider
  public static class JsonMapper implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return response(
          Response.Status.BAD_REQUEST,
          "BAD_REQUEST",
          "the body is not valid JSON for this request");
    }
  }

  /** Bodies the JSON-B provider could not read (Jersey wraps the JSON-B failure). */
  @Provider
  public static class ProcessingMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return response(
          Response.Status.BAD_REQUEST,
          "BAD_REQUEST",
          "the body is not valid JSON for this request");
    }
  }

  /** JAX-RS's own refusals: unknown path, wrong method, wrong media type. */
  @Provider
  public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType status = e.getResponse().getStatusInfo();
      if (e.getCause() instanceof JsonbException) {
        return response(
            Response.Status.BAD_REQUEST,
            "BAD_REQUEST",
            "the body is not valid JSON for this request");
      }
      return response(
          status,
          status.getReasonPhrase().toUpperCase().replace(' ', '_'),
          status.getReasonPhrase());
    }
  }

  /** Anything else is a bug: log it, say little. */
  @Provider
  public static class UnexpectedMapper implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      LOG.log(Level.SEVERE, "Unexpected failure of a REST request", e);
      return response(
          Response.Status.INTERNAL_SERVER_ERROR,
          "INTERNAL_ERROR",
          "the server failed to handle this request");
    }
  }
}
