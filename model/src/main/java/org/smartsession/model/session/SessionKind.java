package org.smartsession.model.session;

/** A class is watched for understanding; an exam also for integrity (looking away, pausing). */
public enum SessionKind {
  CLASS,
  EXAM
}
