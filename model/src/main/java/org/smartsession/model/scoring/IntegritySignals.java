package org.smartsession.model.scoring;

/**
 * What one frame shows about exam integrity, as the alert rules need it.
 *
 * @param timestamp capture time, later than the previous frame's
 * @param afterPause the frame follows a pause longer than the maximum frame gap
 * @param faces faces counted in the frame
 * @param blocked the frame is dark or uniform and shows no face
 * @param lookingAway the student's head or gaze is turned away from the screen
 */
public record IntegritySignals(
    long timestamp, boolean afterPause, int faces, boolean blocked, boolean lookingAway) {}
