package org.smartsession.engine.analysis;

import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.model.face.FaceAnalysis;

/**
 * Finds the faces in one student's successive frames, using what earlier frames showed to do less
 * work on each. Not thread-safe: fed one frame at a time, in order.
 */
public interface FaceTracker {

  /**
   * @param timestampMs when the frame was taken (the student's clock, milliseconds), which paces
   *     the search for new faces when frames come seldom
   * @throws IllegalStateException when the analyzer is not ready
   */
  FaceAnalysis analyze(DecodedFrame frame, long timestampMs);
}
