package org.smartsession.model.scoring;

/**
 * The short line a student sees after each frame. Kind and practical: it says what the student can
 * do, never judges them, and is neutral when affect inference is off. The server says it in the
 * student's language, from its message bundles by the constant's name.
 */
public enum StudentFeedback {
  CAMERA_BLOCKED,
  NO_FACE,
  SEVERAL_FACES,
  CALIBRATING,
  IN_VIEW,
  CONFUSED_CLASS,
  CONFUSED_EXAM,
  LOW_ENGAGEMENT,
  ENGAGED,
  ANALYSIS_UNAVAILABLE
}
