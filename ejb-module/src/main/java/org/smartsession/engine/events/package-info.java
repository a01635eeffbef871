/**
 * CDI events from the engine to whoever delivers them (the WebSocket endpoints): producers never
 * know who listens.
 */
package org.smartsession.engine.events;
