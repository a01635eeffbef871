/** The face-analysis port the frame pipeline calls; the vision engine implements it. */
package org.smartsession.engine.analysis;
