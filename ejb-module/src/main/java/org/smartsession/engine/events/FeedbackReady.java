package org.smartsession.engine.events;

import org.smartsession.model.protocol.Feedback;
import org.smartsession.model.session.StudentKey;

/** A student's frame was processed; the feedback goes back to that student. */
public record FeedbackReady(StudentKey student, Feedback feedback) {}
