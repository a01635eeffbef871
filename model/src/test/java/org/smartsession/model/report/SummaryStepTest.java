package org.smartsession.model.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartsession.model.session.StudentStatus.CONFUSED;
import static org.smartsession.model.session.StudentStatus.DISENGAGED;
import static org.smartsession.model.session.StudentStatus.ENGAGED;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.session.HistoryPoint;

class SummaryStepTest {
  private static final double EPS = 1e-9;
  private static final long MINUTE = 60_000;
  private static final long T0 = 1_700_000_040_000L; // a whole minute
  private final ReportTiming timing = new ReportTiming(15_000, 1_000, 120);

  @Test
  void stepsOfAMinuteCountEachStudentByTheirLatestStatusInTheStep() {
    List<HistoryPoint> ada =
        List.of(
            new HistoryPoint(T0 + 1_000, 0.2, 0.9, ENGAGED),
            new HistoryPoint(T0 + 30_000, 0.8, 0.6, CONFUSED),
            new HistoryPoint(T0 + MINUTE + 5_000, null, null, DISENGAGED));
    List<HistoryPoint> grace = List.of(new HistoryPoint(T0 + 10_000, 0.4, 0.8, ENGAGED));
    Alert alert =
        new Alert("A1", "S", "ada", AlertType.NO_FACE, T0 + MINUTE + 6_000, "", 0, 1, null, null);

    List<SummaryStep> steps = SummaryStep.over(List.of(ada, grace), List.of(alert), timing);

    assertEquals(2, steps.size());
    SummaryStep first = steps.get(0);
    assertEquals(T0, first.from());
    assertEquals(T0 + MINUTE, first.to());
    assertEquals(2, first.students());
    assertEquals(2, first.present());
    assertEquals(1, first.confused(), "Ada's latest in the first minute");
    assertEquals(1, first.engaged());
    assertEquals((0.2 + 0.8 + 0.4) / 3, first.meanConfusion(), EPS);
    assertEquals(0, first.alerts());
    SummaryStep second = steps.get(1);
    assertEquals(1, second.students());
    assertEquals(1, second.away());
    assertEquals(0, second.present());
    assertNull(second.meanConfusion());
    assertEquals(1, second.alerts());
  }

  @Test
  void aLongSessionHasAtMostTheGivenNumberOfStepsOfWholeMinutes() {
    long threeHours = 3 * 60 * MINUTE;
    List<HistoryPoint> points =
        List.of(
            new HistoryPoint(T0, 0.1, 0.9, ENGAGED),
            new HistoryPoint(T0 + threeHours, 0.1, 0.9, ENGAGED));

    List<SummaryStep> steps = SummaryStep.over(List.of(points), List.of(), timing);

    assertTrue(steps.size() <= 120, steps.size() + " steps");
    long width = steps.get(0).to() - steps.get(0).from();
    assertEquals(0, width % MINUTE);
    assertEquals(2 * MINUTE, width);
  }

  @Test
  void noHistoryHasNoSteps() {
    assertTrue(SummaryStep.over(List.of(List.of()), List.of(), timing).isEmpty());
  }
}
