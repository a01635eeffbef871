package org.smartsession.web.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The open WebSocket connections of this server, by role, as a metric. */
@ApplicationScoped
public class ConnectionMetrics {

  @Inject MetricRegistry registry;
  @Inject StudentConnections students;
  @Inject TeacherConnections teachers;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Metadata connections =
        Metadata.builder()
            .withName("smartsession.connections")
            .withDescription("open WebSocket connections of this server")
            .build();
    registry.gauge(connections, students, StudentConnections::count, new Tag("role", "student"));
    registry.gauge(connections, teachers, TeacherConnections::count, new Tag("role", "teacher"));
  }
}
