package org.smartsession.model.alerts;

/** Integrity problems a teacher is told about at once. */
public enum AlertType {
  /** Two or more faces in front of one camera. */
  MULTIPLE_FACES,
  /** Nobody in front of the camera for a sustained time. */
  NO_FACE,
  /** Looking away from the screen for a sustained time (exams). */
  LOOKING_AWAY,
  /** The camera sees only dark or uniform frames. */
  CAMERA_BLOCKED
}
