package org.smartsession.engine.analysis;

import java.util.List;
import org.smartsession.engine.pipeline.DecodedFrame;
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

  /**
   * The next frame of several students at once, each with its own tracker (no tracker twice): the
   * same results as {@link FaceTracker#analyze} frame by frame, in order. Implementations may run
   * the frames' faces through their models together, which costs less per frame.
   *
   * @throws IllegalStateException when not ready
   */
  default List<FaceAnalysis> track(List<StreamFrame> frames) {
    return frames.stream().map(f -> f.tracker().analyze(f.frame())).toList();
  }
}
