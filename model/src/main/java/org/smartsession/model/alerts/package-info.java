/** Integrity alerts: their types, the rules that raise them, and teachers' acknowledgements. */
package org.smartsession.model.alerts;
