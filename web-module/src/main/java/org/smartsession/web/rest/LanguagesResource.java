package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.smartsession.engine.config.Languages;

/**
 * {@code GET /api/v1/languages}: the languages the pages come in and the deployment's default, for
 * every page (students' included) before anyone signs in.
 */
@Path("languages")
@Produces(MediaType.APPLICATION_JSON)
public class LanguagesResource {

  @Inject Languages languages;

  /** Language tags such as {@code en} and {@code de}; {@code fallback} is one of them. */
  public record Offered(List<String> supported, String fallback) {}

  @GET
  public Offered offered() {
    return new Offered(
        Languages.SUPPORTED.stream().map(Locale::toLanguageTag).toList(),
        languages.fallback().toLanguageTag());
  }
}
