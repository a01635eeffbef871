package org.smartsession.engine.cluster;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An event that happened on another server of the deployment and is fired here for this server's
 * connections; it is not relayed again.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE})
public @interface Relayed {
  /** The annotation as a value, for firing. */
  final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Relayed>
      implements Relayed {
    private static final long serialVersionUID = 1L;
    public static final Literal INSTANCE = new Literal();
  }
}
