/** Sessions, students' current state and history, the session aggregate, and the store port. */
package org.smartsession.model.session;
