package org.smartsession.engine.session;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.smartsession.model.scoring.ScoringProperties;
import org.smartsession.model.scoring.ScoringSettings;
import org.smartsession.model.scoring.StudentAssessor;
import org.smartsession.model.session.SessionKind;

/**
 * Creates each student's assessor with the deployment's scoring settings, read once from
 * MicroProfile Config ({@code smartsession.scoring.*} and {@code
 * smartsession.affect-inference.enabled}; see model/SCORING.md).
 */
@ApplicationScoped
public class StudentAssessors {
  private static final Logger LOG = Logger.getLogger(StudentAssessors.class.getName());

  private ScoringSettings settings;

  @PostConstruct
  void readSettings() {
    Config config = ConfigProvider.getConfig(StudentAssessors.class.getClassLoader());
    settings =
        ScoringProperties.read(name -> config.getOptionalValue(name, String.class).orElse(null));
    if (!settings.affectInference()) {
      LOG.info("Affect inference is switched off: only presence and integrity are assessed");
    }
  }

  public StudentAssessor create(SessionKind kind) {
    return StudentAssessor.create(settings, kind);
  }

  public ScoringSettings settings() {
    return settings;
  }
}
