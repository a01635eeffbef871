/** The REST API under /api/v1: sessions, students joining, alerts and history; JSON errors. */
package org.smartsession.web.rest;
