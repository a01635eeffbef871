package org.smartsession.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /api/v1}. */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {}
