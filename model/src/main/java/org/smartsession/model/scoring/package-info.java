/**
 * Turning a student's analysed frames into confusion, engagement, status, explanations, feedback
 * and alerts. The engine creates one {@link org.smartsession.model.scoring.StudentAssessor} per
 * student with {@link org.smartsession.model.scoring.StudentAssessor#create} from {@link
 * org.smartsession.model.scoring.ScoringSettings}; {@code model/SCORING.md} describes the rules.
 */
package org.smartsession.model.scoring;
