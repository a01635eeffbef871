/**
 * The DJL and OpenCV face analyzer: SSD anchors and detector decoding, weighted non-maximum
 * suppression, rotated crops, the attention face mesh with its eye and iris refinement, and head
 * pose.
 */
package org.smartsession.engine.vision;
