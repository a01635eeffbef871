/** What every HTTP response of the application carries: the browser's security headers. */
package org.smartsession.web.http;
