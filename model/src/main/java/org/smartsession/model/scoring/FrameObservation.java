package org.smartsession.model.scoring;

import java.util.List;
import org.smartsession.model.face.Face;

/**
 * What one analysed frame tells about a student: its capture time (student clock, epoch ms), size,
 * the faces found, and the frame's brightness (mean and standard deviation of luma, 0..255), which
 * shows a covered or blocked camera.
 */
public record FrameObservation(
    long timestamp, int width, int height, List<Face> faces, double meanLuma, double lumaStdDev) {
  public FrameObservation {
    faces = List.copyOf(faces);
  }
}
