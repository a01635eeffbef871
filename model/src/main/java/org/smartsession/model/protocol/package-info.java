/**
 * The wire protocol: every WebSocket message as a record, mapped with JSON-B, validated when it is
 * built, whether by the server or by the decoder.
 */
package org.smartsession.model.protocol;
