package org.smartsession.engine.events;

import org.smartsession.engine.session.StudentKey;
import org.smartsession.model.protocol.Feedback;

/** A student's frame was processed; the feedback goes back to that student. */
public record FeedbackReady(StudentKey student, Feedback feedback) {}
