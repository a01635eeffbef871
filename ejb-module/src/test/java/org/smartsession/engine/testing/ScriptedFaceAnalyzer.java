package org.smartsession.engine.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smartsession.engine.analysis.FaceAnalyzer;
import org.smartsession.engine.analysis.FaceTracker;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;

/**
 * A face analyzer that finds the faces the test chose, in every frame, and keeps the trackers it
 * made and what each was given.
 */
public final class ScriptedFaceAnalyzer implements FaceAnalyzer {

  /** What one tracker call was given: the decoded frame's size and the capture time. */
  public record Call(int width, int height, long timestampMs) {}

  /** One student's tracker: answers with the analyzer's current faces. */
  public final class Tracker implements FaceTracker {
    private final List<Call> calls = new ArrayList<>();

    @Override
    public FaceAnalysis analyze(DecodedFrame frame, long timestampMs) {
      calls.add(new Call(frame.width(), frame.height(), timestampMs));
      return new FaceAnalysis(frame.width(), frame.height(), faces, Map.of("mesh", 1.0));
    }

    public List<Call> calls() {
      return List.copyOf(calls);
    }
  }

  private final List<Tracker> trackers = new ArrayList<>();
  private volatile boolean ready = true;
  private volatile List<Face> faces = List.of();

  /** The faces every later frame shows. */
  public void show(List<Face> faces) {
    this.faces = List.copyOf(faces);
  }

  public void setReady(boolean ready) {
    this.ready = ready;
  }

  /** Every tracker made, oldest first. */
  public List<Tracker> trackers() {
    return List.copyOf(trackers);
  }

  @Override
  public boolean isReady() {
    return ready;
  }

  @Override
  public FaceAnalysis analyze(DecodedFrame frame) {
    throw new UnsupportedOperationException("single images are not analysed here");
  }

  @Override
  public FaceTracker newTracker() {
    Tracker tracker = new Tracker();
    trackers.add(tracker);
    return tracker;
  }
}
