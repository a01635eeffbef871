package org.smartsession.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Teachers signing in through a real OpenID Connect provider, on a server configured for it as a
 * university configures one (no development sign-in): the authorization code flow in Chromium, the
 * provider's access tokens on the REST API, and what is refused.
 */
@ExtendWith({OpenIdProvider.class, ArquillianExtension.class})
@RunAsClient
class OpenIdSignInIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(testable = false)
  static WebArchive application() {
    return Backend.rootWar();
  }

  @ArquillianResource URL deployed;
  private URI base;

  @BeforeEach
  void loopback() {
    URI u = URI.create(deployed.toString());
    base =
        URI.create("http://127.0.0.1:" + u.getPort() + (u.getPath().isEmpty() ? "/" : u.getPath()));
  }

  private HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String teacherToken(String login) {
    return OpenIdProvider.accessToken(
        OpenIdProvider.ISSUER, login, List.of(OpenIdProvider.CLIENT), 3600, List.of("teacher"));
  }

  @Test
  void theServerSaysTeachersSignInAtTheProvider() throws Exception {
    assertEquals(
        "OPENID_CONNECT", json(call("GET", "api/v1/sign-in", null, null).body()).getString("mode"));
    assertEquals(401, call("GET", "api/v1/sessions", null, null).statusCode());
  }

  @Test
  void scriptsCallTheApiWithTheProvidersAccessTokens() throws Exception {
    String ada = teacherToken("ada");
    HttpResponse<String> me = call("GET", "api/v1/me", ada, null);
    assertEquals(200, me.statusCode(), me.body());
    assertEquals("ada", json(me.body()).getString("login"));
    HttpResponse<String> created =
        call("POST", "api/v1/sessions", ada, "{\"name\":\"Scripted exam\",\"kind\":\"EXAM\"}");
    assertEquals(201, created.statusCode(), created.body());
    String sessionId = json(created.body()).getString("sessionId");

    String grace = teacherToken("grace");
    assertEquals(403, call("GET", "api/v1/sessions/" + sessionId, grace, null).statusCode());
    assertFalse(call("GET", "api/v1/sessions", grace, null).body().contains(sessionId));
    assertTrue(call("GET", "api/v1/sessions", ada, null).body().contains(sessionId));
  }

  @Test
  void tokensThatAreNotForUsAreRefused() throws Exception {
    String[] refused = {
      // another issuer (the same provider, another realm: other keys' issuer)
      OpenIdProvider.accessToken(
          "elsewhere", "ada", List.of(OpenIdProvider.CLIENT), 3600, List.of("teacher")),
      // expired
      OpenIdProvider.accessToken(
          OpenIdProvider.ISSUER, "ada", List.of(OpenIdProvider.CLIENT), -120, List.of("teacher")),
      // meant for another application
      OpenIdProvider.accessToken(
          OpenIdProvider.ISSUER, "ada", List.of("payroll"), 3600, List.of("teacher")),
      // not a token at all
      "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEifQ.",
    };
    for (String token : refused) {
      HttpResponse<String> r = call("GET", "api/v1/sessions", token, null);
      assertEquals(401, r.statusCode(), r.body());
      assertEquals("UNAUTHENTICATED", json(r.body()).getString("error"));
    }
    String student =
        OpenIdProvider.accessToken(
            OpenIdProvider.ISSUER, "kid", List.of(OpenIdProvider.CLIENT), 3600, List.of("student"));
    HttpResponse<String> r = call("GET", "api/v1/sessions", student, null);
    assertEquals(403, r.statusCode(), r.body());
    String admin =
        OpenIdProvider.accessToken(
            OpenIdProvider.ISSUER, "root", List.of(OpenIdProvider.CLIENT), 3600, List.of("admin"));
    String empty = "{\"image\":\"data:image/jpeg;base64,\"}";
    assertEquals(403, call("POST", "api/v1/analyze", teacherToken("ada"), empty).statusCode());
    // Past the admin check, the empty image itself is refused.
    assertEquals(400, call("POST", "api/v1/analyze", admin, empty).statusCode());
  }

  @Test
  void aTeacherSignsInThroughTheProviderInTheBrowserAndOut() throws Exception {
    Assumptions.assumeTrue(Chromium.available(), "needs Chromium and its driver");
    Path profiles = Files.createTempDirectory("smartsession-oidc-profiles");
    ChromeDriver browser = Chromium.start(null, profiles);
    try {
      String graces =
          json(call(
                      "POST",
                      "api/v1/sessions",
                      teacherToken("grace"),
                      "{\"name\":\"Grace's seminar\"}")
                  .body())
              .getString("name");
      OpenIdProvider.nextSignIn("ada", "Ada Lovelace", List.of("teacher"));
      browser.get(base.resolve("teacher/").toString());
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.className("signed-in-as"), "Ada Lovelace"));
      assertTrue(
          browser.getCurrentUrl().startsWith(base.resolve("teacher/").toString()),
          browser.getCurrentUrl());

      browser.findElement(By.id("session-name")).sendKeys("Ada's seminar");
      browser.findElement(By.id("create-session-button")).click();
      wait.until(ExpectedConditions.urlContains("?session="));
      browser.get(base.resolve("teacher/").toString());
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("session-list"), "Ada's seminar"));
      assertFalse(browser.findElement(By.id("session-list")).getText().contains(graces));

      browser.findElement(By.cssSelector(".sign-out button")).click();
      wait.until(d -> !d.getCurrentUrl().contains("/teacher/"));
      browser.get(base.resolve("api/v1/me").toString());
      assertTrue(browser.getPageSource().contains("UNAUTHENTICATED"), browser.getPageSource());
    } finally {
      browser.quit();
    }
  }

  @Test
  void aSessionCanTakeOnlyStudentsSignedInAtTheProvider() throws Exception {
    String ada = teacherToken("ada");
    HttpResponse<String> created =
        call(
            "POST",
            "api/v1/sessions",
            ada,
            "{\"name\":\"Signed exam\",\"kind\":\"EXAM\",\"requireStudentLogin\":true}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject session = json(created.body());
    assertTrue(session.getBoolean("requireStudentLogin"));
    String sessionId = session.getString("sessionId");
    HttpResponse<String> anonymous =
        call(
            "POST",
            "api/v1/sessions/" + sessionId + "/students",
            null,
            "{\"studentId\":\"s1234\",\"name\":\"Mallory\"}");
    assertEquals(401, anonymous.statusCode(), anonymous.body());
    assertEquals("STUDENT_SIGN_IN_REQUIRED", json(anonymous.body()).getString("error"));

    Assumptions.assumeTrue(Chromium.available(), "needs Chromium and its driver");
    Path profiles = Files.createTempDirectory("smartsession-oidc-students");
    ChromeDriver browser = Chromium.start(null, profiles);
    try {
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      browser.get(base.resolve(session.getString("joinUrl")).toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("student-name")))
          .sendKeys("Typed Name");
      browser.findElement(By.id("join-button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("student-sign-in-link")));

      OpenIdProvider.nextSignIn("s1234", "Ada Student", List.of("student"));
      browser.findElement(By.id("student-sign-in-link")).click();
      wait.until(ExpectedConditions.urlContains("/student/?session=" + sessionId));
      wait.until(ExpectedConditions.elementToBeClickable(By.id("join-button"))).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-step")));
      Object keys = browser.executeScript("return Object.keys(window.sessionStorage).join(' ');");
      assertTrue(
          String.valueOf(keys).contains(sessionId + "/s1234"),
          "joined under the provider's student id: " + keys);
    } finally {
      browser.quit();
    }
  }
}
