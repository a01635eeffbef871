package org.smartsession.engine.events;

import org.smartsession.model.session.StudentKey;

/** A student left this server for good (gone longer than the reconnect grace). */
public record StudentLeft(StudentKey student) {}
