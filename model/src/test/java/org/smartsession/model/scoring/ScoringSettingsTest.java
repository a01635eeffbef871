package org.smartsession.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringSettingsTest {
  private final ScoringSettings d = ScoringSettings.DEFAULTS;

  @Test
  void defaultsAreTheCustomersNumbers() {
    assertTrue(d.affectInference());
    assertEquals(0.3, d.furrow().weight());
    assertEquals(0.4, d.gaze().weight());
    assertEquals(0.2, d.headTilt().weight());
    assertEquals(0.1, d.microExpressions().weight());
    assertEquals(0.72, d.furrow().fullScoreFraction(), 1e-12);
    assertEquals(0.125, d.furrow().seedRatio(), 1e-12);
    assertEquals(5_000, d.gaze().windowMs());
    assertEquals(5, d.gaze().fullScoreShifts());
    assertEquals(15, d.headTilt().thresholdDegrees());
    assertEquals(3_000, d.headTilt().sustainMs());
    assertEquals(30, d.headTilt().fullScoreDegrees());
    assertEquals(0.05, d.microExpressions().changeFraction());
    assertEquals(500, d.microExpressions().withinMs());
    assertEquals(3, d.microExpressions().fullScoreChanges());
    assertEquals(5_000, d.smoothingWindowMs());
    assertEquals(0.6, d.confusion().threshold());
    assertEquals(3, d.confusion().consecutiveFrames());
    assertEquals(3_000, d.calibration().durationMs());
    assertEquals(2, d.alerts().multipleFacesFrames());
    assertEquals(3, d.alerts().multipleFacesOfLast());
    assertEquals(10_000, d.alerts().noFaceAfterMs());
    assertEquals(8_000, d.alerts().lookingAwayAfterMs());
    assertEquals(60_000, d.alerts().cooldownMs());
  }

  @Test
  void confusionWeightsMayNotExceedOne() {
    ScoringSettings.Furrow heavy = new ScoringSettings.Furrow(0.5, 25, 18, 200);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ScoringSettings(
                    true,
                    3_000,
                    60_000,
                    1,
                    0.5,
                    5_000,
                    d.calibration(),
                    heavy,
                    d.gaze(),
                    d.headTilt(),
                    d.microExpressions(),
                    d.confusion(),
                    d.engagement(),
                    d.alerts()));
    assertTrue(e.getMessage().contains("confusion weights"), e.getMessage());
  }

  @Test
  void inconsistentThresholdsAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new ScoringSettings.Furrow(0.3, 18, 25, 200));
    assertThrows(
        IllegalArgumentException.class, () -> new ScoringSettings.Gaze(0.4, 5_000, 0.1, 0.2, 5));
    assertThrows(
        IllegalArgumentException.class, () -> new ScoringSettings.Gaze(0.4, 5_000, 0.1, 0.05, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new ScoringSettings.HeadTilt(-0.1, 15, 3_000, 30));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ScoringSettings.HeadTilt(0.2, Double.NaN, 3_000, 30));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ScoringSettings.Alerts(60_000, 3, 2, 10_000, 8_000, 30, 0.25, 3_000, 25, 8));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ScoringSettings.Engagement(0.4, 0.3, 0.3, 0.2, 15, 10, 0.1, 0.2, 0.4));
    assertThrows(IllegalArgumentException.class, () -> new ScoringSettings.Confusion(1.5, 3));
  }

  @Test
  void unsetPropertiesKeepTheDefaults() {
    assertEquals(ScoringSettings.DEFAULTS, ScoringProperties.read(name -> null));
  }

  @Test
  void propertiesOverrideByDottedName() {
    Map<String, String> config =
        Map.of(
            "smartsession.affect-inference.enabled", "false",
            "smartsession.scoring.gaze.weight", "0.3",
            "smartsession.scoring.furrow.weight", " 0.4 ",
            "smartsession.scoring.alerts.no-face.after-ms", "15000",
            "smartsession.scoring.confusion.consecutive-frames", "4");

    ScoringSettings s = ScoringProperties.read(config::get);

    assertFalse(s.affectInference());
    assertEquals(0.3, s.gaze().weight());
    assertEquals(0.4, s.furrow().weight());
    assertEquals(15_000, s.alerts().noFaceAfterMs());
    assertEquals(4, s.confusion().consecutiveFrames());
    assertEquals(d.headTilt(), s.headTilt());
  }

  @Test
  void aMalformedPropertyIsNamedInTheError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScoringProperties.read(Map.of("smartsession.scoring.gaze.window-ms", "5s")::get));
    assertTrue(e.getMessage().contains("smartsession.scoring.gaze.window-ms"), e.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> ScoringProperties.read(Map.of("smartsession.affect-inference.enabled", "no")::get));
  }

  @Test
  void everyPropertyIsDocumentedOnce() throws IOException {
    List<String> names = ScoringProperties.names();
    String doc = Files.readString(Path.of("SCORING.md"));

    assertEquals(names.size(), new HashSet<>(names).size(), "unique names");
    assertEquals(48, names.size());
    for (String name : names) {
      assertTrue(
          name.startsWith("smartsession.scoring.")
              || name.equals(ScoringProperties.AFFECT_INFERENCE),
          name);
      assertTrue(doc.contains("`" + name + "`"), "SCORING.md lists " + name);
    }
  }
}
