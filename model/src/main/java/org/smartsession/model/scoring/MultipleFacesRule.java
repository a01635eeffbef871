package org.smartsession.model.scoring;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.smartsession.model.alerts.AlertType;

/**
 * Raises MULTIPLE_FACES when enough of the latest frames (2 of 3 by default) show two or more
 * faces: at once, yet one spurious detection is not enough. Raised once per episode; the episode
 * ends when the vote fails. Confidence is the share of the voting frames that showed several faces.
 */
final class MultipleFacesRule {
  private record Frame(long timestamp, boolean several) {}

  private final int needed;
  private final int ofLast;
  private final Deque<Frame> latest = new ArrayDeque<>();
  private boolean alerted;

  MultipleFacesRule(int needed, int ofLast) {
    this.needed = needed;
    this.ofLast = ofLast;
  }

  Optional<RaisedAlert> update(long timestamp, int faces, boolean afterPause) {
    if (afterPause) {
      reset();
    }
    latest.addLast(new Frame(timestamp, faces >= 2));
    if (latest.size() > ofLast) {
      latest.removeFirst();
    }
    long several = latest.stream().filter(Frame::several).count();
    if (several < needed) {
      alerted = false;
      return Optional.empty();
    }
    if (alerted) {
      return Optional.empty();
    }
    alerted = true;
    long since =
        latest.stream().filter(Frame::several).mapToLong(Frame::timestamp).min().orElse(timestamp);
    return Optional.of(
        new RaisedAlert(
            AlertType.MULTIPLE_FACES,
            timestamp,
            "Two or more faces in view in "
                + several
                + " of the last "
                + latest.size()
                + " frames.",
            timestamp - since,
            (double) several / ofLast));
  }

  void reset() {
    latest.clear();
    alerted = false;
  }
}
