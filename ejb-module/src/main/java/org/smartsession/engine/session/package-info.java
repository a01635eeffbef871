/** Sessions and the students connected to this server, with their per-student scoring state. */
package org.smartsession.engine.session;
