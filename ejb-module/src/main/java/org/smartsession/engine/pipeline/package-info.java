/** The frame path's bounded, latest-wins queue between the WebSocket threads and the workers. */
package org.smartsession.engine.pipeline;
