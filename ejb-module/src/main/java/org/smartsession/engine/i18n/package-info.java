/**
 * What the server says to students, in the language their page reads (English or German, see {@code
 * config.Languages}), from resource bundles.
 */
package org.smartsession.engine.i18n;
