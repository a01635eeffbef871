/**
 * The application service a frame worker runs for each frame, and each student's stream state (face
 * tracker, assessor) on this server.
 */
package org.smartsession.engine.assessment;
