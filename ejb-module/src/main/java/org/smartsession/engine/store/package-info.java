/** Session store adapters: in memory for one server, Redis for several. */
package org.smartsession.engine.store;
