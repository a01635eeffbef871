package org.smartsession.engine.session;

import org.smartsession.model.session.SessionInfo;

/**
 * A student admitted to a session: the session, the name they go by, their fresh token, and whether
 * they resumed as a student who had joined before (rather than joined anew).
 */
public record JoinedStudent(
    SessionInfo session, String studentId, String name, StudentToken token, boolean resumed) {}
