/**
 * The DJL and OpenCV face analyzer: SSD anchors and detector decoding, weighted non-maximum
 * suppression, rotated crops, face mesh, iris and head pose.
 */
package org.smartsession.engine.vision;
