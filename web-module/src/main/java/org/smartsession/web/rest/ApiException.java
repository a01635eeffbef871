package org.smartsession.web.rest;

import jakarta.ws.rs.core.Response;

/** A request that cannot be served, with the status and error body to answer. */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Response.Status status;
  private final String error;

  public ApiException(Response.Status status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(Response.Status.BAD_REQUEST, "BAD_REQUEST", message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(Response.Status.NOT_FOUND, "NOT_FOUND", message);
  }

  public static ApiException unauthenticated(String message) {
    return new ApiException(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED", message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(Response.Status.FORBIDDEN, "FORBIDDEN", message);
  }

  public Response.Status status() {
    return status;
  }

  public String error() {
    return error;
  }
}
