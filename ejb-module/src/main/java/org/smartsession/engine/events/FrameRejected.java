package org.smartsession.engine.events;

import org.smartsession.model.protocol.ErrorMessage;
import org.smartsession.model.session.StudentKey;

/** A student's frame could not be used; the student is told why. */
public record FrameRejected(StudentKey student, ErrorMessage error) {}
