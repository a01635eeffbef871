/** Log lines for operators: one per event, with the ids to search by (adapter: JUL). */
package org.smartsession.engine.logging;
