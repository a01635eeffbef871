/**
 * Integrity alerts as they are stored and reviewed: their types, the alert itself and teachers'
 * acknowledgements. The rules that raise them run with the rest of a student's assessment, in
 * {@code scoring}.
 */
package org.smartsession.model.alerts;
