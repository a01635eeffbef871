package org.smartsession.engine.session;

/**
 * What checking a student's token found. Every outcome but {@link #VALID} refuses the token, with a
 * short reason fit to send back (it never repeats the token).
 */
public enum TokenCheck {
  VALID(null),
  /** No token at all. */
  MISSING("a token is required: join the session first"),
  /** Not a signed JWT, or one this server cannot read. */
  MALFORMED("the token is not valid"),
  /** Signed with another key or another algorithm, or altered after signing. */
  FORGED("the token is not valid"),
  /** Signed by this deployment, but not a student token (issuer, audience or claims). */
  NOT_A_STUDENT_TOKEN("the token is not valid"),
  EXPIRED("the token has expired: join the session again"),
  /** A valid token of another student or of another session. */
  OTHER_STUDENT("the token belongs to another student or session");

  private final String refusal;

  TokenCheck(String refusal) {
    this.refusal = refusal;
  }

  public boolean isValid() {
    return this == VALID;
  }

  /** Why the token is refused; null when it is valid. */
  public String refusal() {
    return refusal;
  }
}
