/**
 * The frame path: bounded latest-wins queue, JPEG decoding and validation, per-frame processing.
 */
package org.smartsession.engine.pipeline;
