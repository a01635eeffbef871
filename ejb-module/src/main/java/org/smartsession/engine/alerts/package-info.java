/** Raising, storing and reviewing integrity alerts. */
package org.smartsession.engine.alerts;
