/**
 * Teachers' sign-in: the institution's OpenID Connect provider through Jakarta Security, its access
 * tokens on the REST API, and the development sign-in of the quick start; who the caller is and
 * which roles they hold.
 */
package org.smartsession.web.security;
