/**
 * What a teacher reviews after a session: each student's share of time present, engaged, confused
 * and away, the session's summary over time, and the report and timeline that export them. Plain
 * computations over the stored history and alerts.
 */
package org.smartsession.model.report;
