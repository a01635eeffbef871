/**
 * Frame images: JPEG checks from the header, decoding (FFmpeg, OpenCV for what FFmpeg cannot read)
 * and the luma statistics the camera checks use.
 */
package org.smartsession.engine.image;
