package org.smartsession.engine.image;

/** A frame that is not a usable JPEG; the message says why, in words a client can act on. */
public class FrameRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public FrameRejectedException(String message) {
    super(message);
  }
}
