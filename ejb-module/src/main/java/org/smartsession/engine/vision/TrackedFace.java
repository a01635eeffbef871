package org.smartsession.engine.vision;

import org.smartsession.model.face.Face;

/** A face found by the mesh, and the region to look for it in the next frame. */
record TrackedFace(Face face, FaceRegion next) {}
