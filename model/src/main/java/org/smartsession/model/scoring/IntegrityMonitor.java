package org.smartsession.model.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smartsession.model.alerts.AlertType;

/**
 * The integrity alert rules for one student: several faces, no face, looking away (only where the
 * session watches for it, i.e. exams) and a blocked camera, each de-duplicated per type within the
 * cool-down. A blocked camera explains a missing face, so a frame counts towards one of the two.
 */
public final class IntegrityMonitor {
  private final MultipleFacesRule multipleFaces;
  private final SustainedAlertRule noFace;
  private final SustainedAlertRule lookingAway;
  private final SustainedAlertRule cameraBlocked;
  private final AlertCooldown cooldown;

  /**
   * @param watchLookingAway whether LOOKING_AWAY is raised at all (true in exams)
   */
  public IntegrityMonitor(ScoringSettings settings, boolean watchLookingAway) {
    ScoringSettings.Alerts alerts = settings.alerts();
    int misses = settings.toleratedMisses();
    this.multipleFaces =
        new MultipleFacesRule(alerts.multipleFacesFrames(), alerts.multipleFacesOfLast());
    this.noFace =
        new SustainedAlertRule(
            AlertType.NO_FACE, alerts.noFaceAfterMs(), "No face in view", misses);
    this.lookingAway =
        watchLookingAway
            ? new SustainedAlertRule(
                AlertType.LOOKING_AWAY,
                alerts.lookingAwayAfterMs(),
                "Looking away from the screen",
                misses)
            : null;
    this.cameraBlocked =
        new SustainedAlertRule(
            AlertType.CAMERA_BLOCKED,
            alerts.cameraBlockedAfterMs(),
            "Camera image dark or covered",
            misses);
    this.cooldown = new AlertCooldown(alerts.cooldownMs());
  }

  /** The alerts this frame raises, at most one per type. */
  public List<RaisedAlert> update(IntegritySignals frame) {
    long t = frame.timestamp();
    boolean pause = frame.afterPause();
    List<RaisedAlert> raised = new ArrayList<>(2);
    offer(raised, multipleFaces.update(t, frame.faces(), pause));
    offer(raised, noFace.update(t, frame.faces() == 0 && !frame.blocked(), pause));
    offer(raised, cameraBlocked.update(t, frame.blocked(), pause));
    if (lookingAway != null) {
      offer(raised, lookingAway.update(t, frame.faces() > 0 && frame.lookingAway(), pause));
    }
    return raised;
  }

  /** Starts over after the student's clock was reset: earlier times no longer compare. */
  public void restart() {
    multipleFaces.reset();
    noFace.reset();
    cameraBlocked.reset();
    if (lookingAway != null) {
      lookingAway.reset();
    }
    cooldown.clear();
  }

  private void offer(List<RaisedAlert> raised, Optional<RaisedAlert> alert) {
    alert.filter(a -> cooldown.allow(a.type(), a.timestamp())).ifPresent(raised::add);
  }
}
