/** The engine's settings, from MicroProfile Config. */
package org.smartsession.engine.config;
