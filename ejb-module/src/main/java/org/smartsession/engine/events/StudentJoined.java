package org.smartsession.engine.events;

import org.smartsession.model.session.StudentKey;

/** A student joined a session, or resumed as themselves ({@code resumed}). */
public record StudentJoined(StudentKey student, boolean resumed) {}
