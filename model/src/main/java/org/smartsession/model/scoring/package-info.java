/** Turning a student's analysed frames into confusion, engagement, status and alerts. */
package org.smartsession.model.scoring;
