/** Sessions and the students connected to this server. */
package org.smartsession.engine.session;
