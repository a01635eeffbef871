package org.smartsession.engine.analysis;

import org.smartsession.engine.pipeline.DecodedFrame;

/** One student's next frame, with the tracker that follows that student's faces. */
public record StreamFrame(FaceTracker tracker, DecodedFrame frame) {}
