/**
 * Reviewing a session afterwards: its report and each student's timeline, teachers' notes, and the
 * report's exports as CSV, JSON and PDF, each export recorded in the audit log.
 */
package org.smartsession.engine.review;
