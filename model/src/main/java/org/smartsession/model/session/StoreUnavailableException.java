package org.smartsession.model.session;

/** The shared store cannot be reached, and this server cannot answer without it. */
public class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message) {
    super(message);
  }
}
