/** The one-second summary for teachers: which sessions are watched, what their summary says. */
package org.smartsession.engine.broadcast;
