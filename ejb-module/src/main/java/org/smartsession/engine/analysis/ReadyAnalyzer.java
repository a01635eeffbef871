package org.smartsession.engine.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** The deployment's face analyzer, when there is exactly one and its models are loaded. */
@ApplicationScoped
public class ReadyAnalyzer {

  @Inject Instance<FaceAnalyzer> analyzers;

  public Optional<FaceAnalyzer> get() {
    if (!analyzers.isResolvable()) {
      return Optional.empty();
    }
    FaceAnalyzer analyzer = analyzers.get();
    return analyzer.isReady() ? Optional.of(analyzer) : Optional.empty();
  }
}
