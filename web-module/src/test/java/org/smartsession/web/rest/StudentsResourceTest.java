package org.smartsession.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StudentsResourceTest {

  @Test
  void theBearerTokenIsReadFromTheAuthorizationHeader() {
    assertEquals("a.b.c", StudentsResource.bearerToken("Bearer a.b.c"));
    assertEquals("a.b.c", StudentsResource.bearerToken("bearer  a.b.c "));
    assertEquals("a.b.c", StudentsResource.bearerToken("BEARER a.b.c"));
  }

  @Test
  void noHeaderAnEmptyTokenOrAnotherSchemeIsNoToken() {
    assertNull(StudentsResource.bearerToken(null));
    assertNull(StudentsResource.bearerToken(""));
    assertNull(StudentsResource.bearerToken("Bearer"));
    assertNull(StudentsResource.bearerToken("Bearer    "));
    assertNull(StudentsResource.bearerToken("Basic YWRhOnNlY3JldA=="));
    assertNull(StudentsResource.bearerToken("Bearertoken"));
  }
}
