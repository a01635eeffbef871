package org.smartsession.engine.events;

import org.smartsession.engine.session.StudentKey;
import org.smartsession.model.protocol.ErrorMessage;

/** A student's frame could not be used; the student is told why. */
public record FrameRejected(StudentKey student, ErrorMessage error) {}
