/**
 * The DJL and OpenCV face analyzer. One class per model stage, with its input preparation and
 * output decoding: {@link org.smartsession.engine.vision.FaceDetector} (SSD anchors and decoding
 * per {@link org.smartsession.engine.vision.DetectorSpec}, weighted non-maximum suppression) and
 * {@link org.smartsession.engine.vision.AttentionMesh} (rotated crops, the mesh with its eye and
 * iris refinement), both fed by {@link org.smartsession.engine.vision.CropPredictor}. Apart from
 * the models: where the detectors look ({@link org.smartsession.engine.vision.Tiling}), the rules
 * that make faces of regions ({@link org.smartsession.engine.vision.FaceFinder}), and the searches
 * of a stream ({@link org.smartsession.engine.vision.MeshFaceTracker}) and of a single image
 * ({@link org.smartsession.engine.vision.SingleImageSearch}), which use the stages through {@link
 * org.smartsession.engine.vision.FaceStages}. Each frame worker thread has its own {@link
 * org.smartsession.engine.vision.VisionWorker}.
 */
package org.smartsession.engine.vision;
