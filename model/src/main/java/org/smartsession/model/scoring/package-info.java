/**
 * Turning a student's analysed frames into confusion, engagement, status, explanations, feedback
 * and integrity alerts (the sustained and voted rules with their cool-down, {@code
 * IntegrityMonitor}). The engine creates one {@code StudentAssessor} per student with {@code
 * StudentAssessor.create} from {@code ScoringSettings}; {@code model/SCORING.md} describes the
 * rules.
 */
package org.smartsession.model.scoring;
