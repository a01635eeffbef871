/**
 * The WebSocket endpoints for students and teachers, their codecs, and the per-connection outboxes
 * that keep a slow peer from delaying anyone else.
 */
package org.smartsession.web.ws;
