package org.smartsession.model.protocol;

import static org.smartsession.model.protocol.Fields.optionalScore;
import static org.smartsession.model.protocol.Fields.required;

/**
 * Server to student, after each processed frame. The scores are absent when they are not known
 * (analysis unavailable) or when the deployment has switched affect inference off. {@code
 * frameTimestamp} is the answered frame's own {@code timestamp}, so that a client knows which frame
 * this answers (frames may be dropped) and how long the answer took.
 */
public record Feedback(
    Double confusionScore,
    Double engagementScore,
    String status,
    String message,
    long frameTimestamp)
    implements Message {
  public static final String TYPE = "FEEDBACK";

  public Feedback {
    optionalScore(confusionScore, TYPE, "confusionScore");
    optionalScore(engagementScore, TYPE, "engagementScore");
    required(status, TYPE, "status");
    required(message, TYPE, "message");
  }
}
