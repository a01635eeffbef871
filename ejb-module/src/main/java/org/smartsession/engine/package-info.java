/** The engine: frame pipeline, face analysis, session state and the broadcast to teachers. */
package org.smartsession.engine;
