/** Faces as the vision engine finds them: boxes, the 478 MediaPipe landmarks and head pose. */
package org.smartsession.model.face;
