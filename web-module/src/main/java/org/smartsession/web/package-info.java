/** The boundary: WebSocket endpoints, REST resources, and the student and teacher pages. */
package org.smartsession.web;
