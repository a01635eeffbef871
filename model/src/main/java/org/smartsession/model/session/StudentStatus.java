package org.smartsession.model.session;

/** What a teacher's tile says about a student. */
public enum StudentStatus {
  /** Joined, no frame processed yet. */
  JOINED,
  /** Face present, looking at the screen, not confused. */
  ENGAGED,
  /** Confusion above the threshold for several consecutive frames. */
  CONFUSED,
  /** No face in front of the camera. */
  DISENGAGED,
  /**
   * Face present, without a judgement of confusion or engagement: affect inference is switched off,
   * the student's neutral is still being calibrated, or the face's landmarks were unusable.
   */
  PRESENT,
  /** Frames stopped arriving: the page was closed, the network dropped, or the camera stopped. */
  IDLE,
  /** Frames arrive but cannot be analysed (the face model is not loaded). Never a guess. */
  ANALYSIS_UNAVAILABLE;

  /** A face was seen in the student's latest frame. */
  public boolean isActive() {
    return this == ENGAGED || this == CONFUSED || this == PRESENT;
  }
}
