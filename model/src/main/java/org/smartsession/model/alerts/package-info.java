/**
 * Integrity alerts: their types, the sustained and voted rules that raise them with a cool-down
 * ({@link org.smartsession.model.alerts.IntegrityMonitor}), and teachers' acknowledgements.
 */
package org.smartsession.model.alerts;
