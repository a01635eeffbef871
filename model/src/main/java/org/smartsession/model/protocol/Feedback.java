package org.smartsession.model.protocol;

import static org.smartsession.model.protocol.Fields.optionalScore;
import static org.smartsession.model.protocol.Fields.required;

/**
 * Server to student, after each processed frame. The scores are absent when they are not known
 * (analysis unavailable) or when the deployment has switched affect inference off.
 */
public record Feedback(Double confusionScore, Double engagementScore, String status, String message)
    implements Message {
  public static final String TYPE = "FEEDBACK";

  public Feedback {
    optionalScore(confusionScore, TYPE, "confusionScore");
    optionalScore(engagementScore, TYPE, "engagementScore");
    required(status, TYPE, "status");
    required(message, TYPE, "message");
  }
}
