package org.smartsession.engine.events;

import org.smartsession.model.session.SessionKind;

/**
 * The server now asks students' pages for at most {@code examFps} (exams) and {@code lectureFps}
 * (lectures) frames a second; null: as many as the page sends.
 */
public record AnalysisPaceChanged(Double examFps, Double lectureFps) {
  public Double fpsFor(SessionKind kind) {
    return kind == SessionKind.EXAM ? examFps : lectureFps;
  }
}
