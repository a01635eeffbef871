package org.smartsession.model.scoring;

/**
 * The short line a student sees after each frame. Kind and practical: it says what the student can
 * do, never judges them, and is neutral when affect inference is off.
 */
enum StudentFeedback {
  CAMERA_BLOCKED("We can't see your camera image. Please check that nothing covers the camera."),
  NO_FACE("We can't see your face right now. Please sit in view of the camera."),
  SEVERAL_FACES("More than one face is in view. Please make sure only you are on camera."),
  CALIBRATING("Getting ready: please look at the screen for a moment."),
  IN_VIEW("You're in view of the camera. Thank you."),
  CONFUSED_CLASS("Something unclear? It's fine to ask a question."),
  CONFUSED_EXAM("Take your time, and read the question once more."),
  LOW_ENGAGEMENT("Stay focused!"),
  ENGAGED("You're doing well. Keep it up!");

  private final String message;

  StudentFeedback(String message) {
    this.message = message;
  }

  String message() {
    return message;
  }
}
