/**
 * The deployment's settings: one typed record per concern, each with its defaults, read once from
 * MicroProfile Config; and the server clock.
 */
package org.smartsession.engine.config;
