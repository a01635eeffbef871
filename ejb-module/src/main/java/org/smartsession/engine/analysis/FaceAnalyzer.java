package org.smartsession.engine.analysis;

import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.model.face.FaceAnalysis;

/**
 * Finds faces, their 478 landmarks and head pose. Implementations are called from several frame
 * workers at once.
 */
public interface FaceAnalyzer {

  /** False until the models are loaded, and for good if they could not be. */
  boolean isReady();

  /**
   * Every face in one image, however small, at full cost: for single images.
   *
   * @throws IllegalStateException when not ready
   */
  FaceAnalysis analyze(DecodedFrame frame);

  /** A tracker for one student's stream of frames. */
  FaceTracker newTracker();
}
