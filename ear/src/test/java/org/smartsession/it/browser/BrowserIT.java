package org.smartsession.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smartsession.engine.i18n.StudentMessages;
import org.smartsession.model.scoring.StudentFeedback;

/**
 * Both pages in a real Chromium against the real application on Payara Micro, with the real face
 * models: students join through the join link with a fake camera that plays real photos, and
 * teachers watch, acknowledge alerts and send commands. One class, so one server boot.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; without them the class is
 * skipped. {@code -Dscreenshots.dir=docs/screenshots} also writes screenshots of the pages (that
 * run takes five minutes longer: the report's needs a few minutes of an exam).
 */
@EnabledIf(
    value = "org.smartsession.it.browser.Chromium#available",
    disabledReason =
        "browser tests need Chromium and its driver at /usr/bin/chromium and /usr/bin/chromedriver:"
            + " apt-get install chromium chromium-driver")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path WORK = Path.of("target", "browser");
  private static final Set<String> ANALYSED = Set.of("PRESENT", "ENGAGED", "CONFUSED");

  private static ChromeDriver teacher;
  private static ChromeDriver student;
  private static ChromeDriver pair;
  private static boolean teacherSignedIn;
  private static Path oneFace;
  private static Path twoFaces;
  private static BufferedImage oneFaceFrame;
  private static final List<String> POLICY_VIOLATIONS = new CopyOnWriteArrayList<>();

  /** On a failure, what each browser showed, for the report. */
  @RegisterExtension
  static final TestWatcher SCREENSHOTS_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          String test = context.getRequiredTestMethod().getName();
          save(teacher, WORK.resolve("failures/" + test + "-teacher.png"));
          save(student, WORK.resolve("failures/" + test + "-student.png"));
          save(pair, WORK.resolve("failures/" + test + "-pair.png"));
        }
      };

  /** The WAR as built, at the root context, where the quick start and the EAR serve it too. */
  @Deployment(testable = false)
  static WebArchive application() {
    return Backend.rootWar();
  }

  @ArquillianResource URL deployed;
  private Backend backend;

  @BeforeAll
  static void startBrowsers() throws IOException {
    oneFaceFrame = FakeCamera.frame(FakeCamera.fixture("astronaut.jpg"));
    oneFace = FakeCamera.mjpeg(oneFaceFrame, 20, WORK.resolve("one-face.mjpeg"));
    twoFaces =
        FakeCamera.mjpeg(
            FakeCamera.frame(FakeCamera.fixture("two-people.jpg")),
            20,
            WORK.resolve("two-faces.mjpeg"));
    teacher = Chromium.start(null, WORK.resolve("profiles"));
    student = Chromium.start(oneFace, WORK.resolve("profiles"));
  }

  @AfterAll
  static void stopBrowsers() {
    for (WebDriver driver : Arrays.asList(teacher, student, pair)) {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  @BeforeEach
  void connect() {
    backend = new Backend(deployed);
    if (!teacherSignedIn) {
      signIn(teacher, Backend.TEACHER);
      teacherSignedIn = true;
    }
  }

  /** The development sign-in, as a teacher would use it: the form, then back to the dashboard. */
  private void signIn(WebDriver driver, String login) {
    signIn(driver, login, null);
  }

  private void signIn(WebDriver driver, String login, String displayName) {
    driver.get(backend.url("sign-in/"));
    // The page says plainly that anyone may sign in as anyone here.
    assertTrue(
        visible(driver, By.className("dev-sign-in-banner"))
            .getText()
            .contains("anyone can sign in"),
        "the development sign-in banner");
    WebElement name = visible(driver, By.id("sign-in-name"));
    name.clear();
    name.sendKeys(login);
    if (displayName != null) {
      WebElement display = driver.findElement(By.id("sign-in-display"));
      display.clear();
      display.sendKeys(displayName);
    }
    driver.findElement(By.cssSelector("#dev-sign-in button[type=submit]")).click();
    waitFor(driver).until(ExpectedConditions.urlContains("/teacher/"));
    String shown = displayName != null ? displayName : "Ms Teacher";
    waitFor(driver).until(ExpectedConditions.textToBe(By.className("signed-in-as"), shown));
  }

  @Test
  @Order(1)
  void aStudentJoinsByTheLinkAndTheTeacherSeesTheirStatus() throws Exception {
    // The teacher creates an exam on the session list and lands on its dashboard.
    teacher.get(backend.url("teacher/"));
    WebElement name = visible(teacher, By.id("session-name"));
    name.sendKeys("Browser check: joining");
    teacher.findElement(By.id("kind-exam")).click();
    teacher.findElement(By.id("create-session-button")).click();
    waitFor(teacher).until(ExpectedConditions.urlContains("?session="));
    connected(teacher);
    WebElement link = visible(teacher, By.id("join-link"));
    waitFor(teacher).until(d -> link.getAttribute("href").contains("/student/?session="));
    String joinLink = link.getAttribute("href");
    assertTrue(
        teacher.findElement(By.cssSelector("#join-qr img")).getAttribute("alt").contains(joinLink),
        "the QR code carries the join link");

    // The student opens the link, gives only a name, agrees, and the camera starts.
    student.get(joinLink);
    visible(student, By.id("student-name")).sendKeys("Ada Lovelace");
    student.findElement(By.id("join-button")).click();
    visible(student, By.id("agree-button")).click();
    visible(student, By.id("live-step"));
    connected(student);
    assertCameraPlays(student, oneFaceFrame);
    save(student, WORK.resolve("student-live.png"));

    // The teacher sees the student's tile with a status the face model produced.
    WebElement tile =
        waitFor(teacher, Duration.ofSeconds(20)).until(d -> tileNamed(d, "Ada Lovelace", ANALYSED));
    assertEquals("false", tile.getAttribute("data-alert"));
    waitFor(teacher).until(d -> text(d, "agg-active").equals("1 of 1"));
    waitFor(student).until(d -> !attribute(d, "feedback", "data-status").isEmpty());
    assertTrue(
        ANALYSED.contains(attribute(student, "feedback", "data-status"))
            || "DISENGAGED".equals(attribute(student, "feedback", "data-status")),
        "feedback status " + attribute(student, "feedback", "data-status"));
    save(teacher, WORK.resolve("teacher-one-student.png"));

    // The drill-down sizes its indicator bars through the style property, as the policy allows.
    script(teacher, "arguments[0].click()", tileNamed(teacher, "Ada Lovelace", ANALYSED));
    visible(teacher, By.id("student-dialog"));
    // Read in one script: the drill-down redraws its bars with every summary.
    Object widths =
        waitFor(teacher)
            .until(
                d ->
                    script(
                        d,
                        "const w = [...document.querySelectorAll("
                            + "'#drill-indicators .contribution-bar > span')]"
                            + ".map(b => b.style.width); return w.length ? w : null;"));
    for (Object width : (List<?>) widths) {
      assertTrue(String.valueOf(width).endsWith("%"), "a bar with a width: " + width);
    }
    teacher.findElement(By.id("drill-close")).click();

    assertNoScriptErrors(teacher);
    assertNoScriptErrors(student);
  }

  @Test
  @Order(2)
  void twoFacesRaiseAnAlertWithAScreenshotThatTeachersAcknowledge() throws Exception {
    String sessionId = backend.createSession("Browser check: integrity", "EXAM");
    openDashboard(teacher, sessionId);
    String first = teacher.getWindowHandle();
    teacher.switchTo().newWindow(WindowType.WINDOW);
    String second = teacher.getWindowHandle();
    openDashboard(teacher, sessionId);
    teacher.switchTo().window(first);
    try {
      if (pair == null) {
        pair = Chromium.start(twoFaces, WORK.resolve("profiles"));
      }
      joinAsStudent(pair, sessionId, "Grace Hopper", "S-GRACE");

      waitFor(teacher)
          .until(
              ExpectedConditions.attributeToBe(
                  By.id("alert-banner"), "data-alert-type", "MULTIPLE_FACES"));
      WebElement banner = visible(teacher, By.id("alert-banner"));
      String alertId = banner.getAttribute("data-alert-id");
      By item = By.cssSelector("#alert-list .alert-item[data-alert-id='" + alertId + "']");
      WebElement listed = visible(teacher, item);
      assertEquals("MULTIPLE_FACES", listed.getAttribute("data-alert-type"));
      assertEquals("S-GRACE", listed.getAttribute("data-student-id"));
      assertEquals("open", listed.getAttribute("data-state"));
      WebElement screenshot = listed.findElement(By.cssSelector("img.alert-screenshot"));
      assertTrue(screenshot.getAttribute("src").startsWith("data:image/jpeg;base64,"));
      waitFor(teacher)
          .until(
              d ->
                  Boolean.TRUE.equals(
                      script(
                          d,
                          "return arguments[0].complete && arguments[0].naturalWidth > 0",
                          screenshot)));
      assertTrue(
          teacher
              .findElement(By.id("alert-banner-screenshot"))
              .getAttribute("src")
              .startsWith("data:image/jpeg;base64,"));
      By tile = By.cssSelector("#student-grid .tile[data-student-id='S-GRACE']");
      waitFor(teacher).until(ExpectedConditions.attributeToBe(tile, "data-alert", "true"));
      save(teacher, WORK.resolve("teacher-alert.png"));

      // Reviewed in the list: the server confirms, to this teacher and to the other one.
      listed.findElement(By.cssSelector(".ack-button[data-action='REVIEWED']")).click();
      waitFor(teacher).until(ExpectedConditions.attributeToBe(item, "data-state", "reviewed"));
      waitFor(teacher).until(ExpectedConditions.attributeToBe(tile, "data-alert", "false"));
      assertFalse(
          teacher.findElement(By.id("alert-banner")).isDisplayed()
              && alertId.equals(
                  teacher.findElement(By.id("alert-banner")).getAttribute("data-alert-id")),
          "the banner no longer shows the reviewed alert");

      teacher.switchTo().window(second);
      waitFor(teacher).until(ExpectedConditions.attributeToBe(item, "data-state", "reviewed"));
      assertTrue(
          teacher
              .findElement(item)
              .findElement(By.className("ack-status"))
              .getText()
              .startsWith("Reviewed"),
          "the other teacher reads who did what");
    } finally {
      teacher.switchTo().window(second).close();
      teacher.switchTo().window(first);
      if (pair != null) {
        pair.get("about:blank");
      }
    }
  }

  @Test
  @Order(3)
  void pausingTheExamCoversTheStudentsPageUntilItResumes() throws Exception {
    String sessionId = backend.createSession("Browser check: pause", "EXAM");
    openDashboard(teacher, sessionId);
    joinAsStudent(student, sessionId, "Alan Turing", "S-ALAN");
    waitFor(teacher).until(d -> tileWithId(d, "S-ALAN", ANALYSED));
    assertFalse(student.findElement(By.id("pause-overlay")).isDisplayed());

    click(teacher, By.id("pause-all"));
    visible(student, By.id("pause-overlay"));
    click(teacher, By.id("resume-all"));
    waitFor(student).until(ExpectedConditions.invisibilityOfElementLocated(By.id("pause-overlay")));

    teacher.findElement(By.id("message-all-text")).sendKeys("Ten minutes left.");
    click(teacher, By.id("send-message-all"));
    waitFor(student)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#teacher-messages .teacher-message"), "Ten minutes left."));
  }

  @Test
  @Order(4)
  void aDroppedConnectionComesBackByItselfAndFramesFlowAgain() throws Exception {
    String sessionId = backend.createSession("Browser check: reconnect", "EXAM");
    // The student reaches the server through a relay standing for their network.
    try (Relay network = new Relay(backend.port());
        Backend.Teacher watcher = backend.teacher(sessionId)) {
      joinByLink(
          student,
          "http://127.0.0.1:" + network.port() + "/student/?session=" + sessionId,
          "Barbara Liskov",
          "S-BARBARA");
      waitFor(student).until(d -> watcher.lastFrameAt("S-BARBARA") > 0);

      network.cut();
      waitFor(student)
          .until(
              d ->
                  Set.of("waiting", "connecting", "offline")
                      .contains(attribute(d, "connection-status", "data-state")));
      assertTrue(
          text(student, "sending-state").startsWith("Not sending"),
          "the page says frames are not sent: " + text(student, "sending-state"));
      network.restore();
      long restored = System.currentTimeMillis();

      connected(student);
      waitFor(student).until(d -> watcher.lastFrameAt("S-BARBARA") > restored);
      assertTrue(
          ANALYSED.contains(watcher.student("S-BARBARA").orElseThrow().getString("status")),
          "status after reconnecting: " + watcher.student("S-BARBARA"));
      assertTrue(text(student, "sending-state").startsWith("Sending"));
    }
  }

  @Test
  @Order(5)
  void theDashboardKeepsUpWithThirtyAndTwoHundredStudents() throws Exception {
    String sessionId = backend.createSession("Browser check: dashboard load", "CLASS");
    String frame = FakeCamera.dataUrl(FakeCamera.jpeg(oneFaceFrame));
    List<Backend.Student> students = new CopyOnWriteArrayList<>();
    // Every student sends a real frame every 10 s (staggered), so the tiles keep changing.
    ScheduledExecutorService cameras = Executors.newSingleThreadScheduledExecutor();
    AtomicLong tick = new AtomicLong();
    try (Backend.Teacher watcher = backend.teacher(sessionId)) {
      addStudents(students, sessionId, 30, frame);
      cameras.scheduleAtFixedRate(
          () -> {
            long t = tick.getAndIncrement() % 100;
            for (int i = 0; i < students.size(); i++) {
              if (i % 100 == t) {
                students.get(i).send(frame);
              }
            }
          },
          0,
          100,
          TimeUnit.MILLISECONDS);
      openDashboard(teacher, sessionId);
      waitFor(teacher).until(d -> text(d, "grid-count").equals("30 students"));
      waitFor(teacher).until(d -> watcher.analysed() == 30);
      measureDashboard(30);

      addStudents(students, sessionId, 170, frame);
      waitFor(teacher).until(d -> text(d, "grid-count").equals("200 students"));
      waitFor(teacher, Duration.ofSeconds(90)).until(d -> watcher.analysed() == 200);
      measureDashboard(200);
    } finally {
      cameras.shutdownNow();
      students.forEach(Backend.Student::close);
    }
  }

  @Test
  @Order(6)
  void screenshotsOfThePages() throws Exception {
    String dir = System.getProperty("screenshots.dir", "");
    Assumptions.assumeFalse(dir.isBlank(), "screenshots only with -Dscreenshots.dir=DIR");
    Path target = screenshots();
    String sessionId = backend.createSession("Linear algebra: midterm", "EXAM");
    String face = FakeCamera.dataUrl(FakeCamera.jpeg(oneFaceFrame));
    String nobody = FakeCamera.dataUrl(FakeCamera.jpeg(FakeCamera.fixture("no-face.jpg")));
    List<Backend.Student> others = new ArrayList<>();
    ScheduledExecutorService camera = Executors.newSingleThreadScheduledExecutor();
    try {
      String[] names = {
        "Edsger Dijkstra",
        "Katherine Johnson",
        "Ken Thompson",
        "Margaret Hamilton",
        "Donald Knuth",
        "Frances Allen",
        "John Backus",
        "Radia Perlman",
        "Tony Hoare"
      };
      for (int i = 0; i < names.length; i++) {
        others.add(backend.join(sessionId, "S-" + (100 + i), names[i]));
      }
      long start = System.currentTimeMillis();
      camera.scheduleAtFixedRate(
          () -> {
            // Margaret Hamilton is away from the start; a few others step away for a while.
            long minute = (System.currentTimeMillis() - start) / 60_000;
            for (int i = 0; i < others.size(); i++) {
              boolean away = i == 3 || (i % 4 == 1 && minute % 3 == i % 3);
              others.get(i).send(away ? nobody : face);
            }
          },
          0,
          1,
          TimeUnit.SECONDS);
      openDashboard(teacher, sessionId);
      joinAsStudent(student, sessionId, "Ada Lovelace", "S-ADA");
      if (pair == null) {
        pair = Chromium.start(twoFaces, WORK.resolve("profiles"));
      }
      joinAsStudent(pair, sessionId, "Grace Hopper", "S-GRACE");
      visible(teacher, By.id("alert-banner"));
      waitFor(teacher).until(d -> tileWithId(d, "S-ADA", ANALYSED));
      waitFor(teacher, Duration.ofSeconds(60))
          .until(
              d ->
                  d.findElements(By.cssSelector("#student-grid .tile")).stream()
                      .noneMatch(t -> "JOINED".equals(t.getAttribute("data-status"))));
      waitFor(student).until(d -> !attribute(d, "feedback", "data-status").isEmpty());
      teacher.manage().window().setSize(new Dimension(1440, 1100));
      student.manage().window().setSize(new Dimension(1100, 720));
      waitFor(teacher).until(d -> !text(d, "agg-active").startsWith("—"));
      save(teacher, target.resolve("teacher.png"));
      save(student, target.resolve("student.png"));
      assertTrue(Files.size(target.resolve("teacher.png")) > 0, "teacher.png written");
      assertTrue(Files.size(target.resolve("student.png")) > 0, "student.png written");

      // Four minutes of the exam later, its report and Grace Hopper's timeline.
      Thread.sleep(Duration.ofMinutes(4).toMillis());
      backend.end(sessionId);
      teacher.manage().window().setSize(new Dimension(1440, 2300));
      teacher.get(backend.url("teacher/report.html?session=" + sessionId));
      waitFor(teacher)
          .until(
              d ->
                  d.findElements(By.cssSelector("#report-students [data-student-id]")).size()
                      == 11);
      save(teacher, target.resolve("report.png"));
      teacher.get(backend.url("teacher/student.html?session=" + sessionId + "&student=S-GRACE"));
      visible(teacher, By.cssSelector("#timeline-alerts [data-alert-id] img"));
      teacher.manage().window().setSize(new Dimension(1440, 1700));
      save(teacher, target.resolve("timeline.png"));
      System.out.println("screenshots: " + target.toAbsolutePath());
    } finally {
      camera.shutdownNow();
      others.forEach(Backend.Student::close);
      teacher.manage().window().setSize(new Dimension(1440, 1000));
      student.manage().window().setSize(new Dimension(1440, 1000));
      if (pair != null) {
        pair.get("about:blank");
      }
    }
  }

  @Test
  @Order(7)
  void aReloadedPageResumesWithItsTokenAndATakenIdIsExplained() throws Exception {
    String sessionId = backend.createSession("Browser check: tokens", "CLASS");
    student.manage().logs().get(LogType.BROWSER); // What earlier tests left there (a cut network).
    try (Backend.Teacher watcher = backend.teacher(sessionId)) {
      joinAsStudent(student, sessionId, "Ken Thompson", "S-KEN");
      waitFor(student).until(d -> watcher.lastFrameAt("S-KEN") > 0);
      String key = "smartsession.token/" + sessionId + "/S-KEN";
      Object kept = script(student, "return sessionStorage.getItem(arguments[0])", key);
      assertTrue(
          kept instanceof String && ((String) kept).split("\\.").length == 3, "kept: " + kept);

      // A reload: the form comes back filled in, and joining again resumes the same student.
      student.navigate().refresh();
      waitFor(student)
          .until(d -> "S-KEN".equals(d.findElement(By.id("student-id")).getAttribute("value")));
      long reloaded = System.currentTimeMillis();
      student.findElement(By.id("join-button")).click();
      visible(student, By.id("agree-button")).click();
      visible(student, By.id("live-step"));
      connected(student);
      waitFor(student).until(d -> watcher.lastFrameAt("S-KEN") > reloaded);
      assertNotEquals(
          kept, script(student, "return sessionStorage.getItem(arguments[0])", key), "renewed");
      assertNoScriptErrors(student);

      // Another tab, which has no token, cannot take the id over, and says why.
      String own = teacher.getWindowHandle();
      teacher.switchTo().newWindow(WindowType.WINDOW);
      try {
        teacher.get(backend.url("student/?session=" + sessionId));
        visible(teacher, By.id("student-name")).sendKeys("Mallory");
        teacher.findElement(By.id("student-id")).sendKeys("S-KEN");
        teacher.findElement(By.id("join-button")).click();
        waitFor(teacher)
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("join-error"), "This student id is already in use in this session"));
        assertFalse(teacher.findElement(By.id("agree-button")).isDisplayed());
      } finally {
        teacher.close();
        teacher.switchTo().window(own);
      }
      waitFor(student)
          .until(
              d ->
                  watcher
                      .student("S-KEN")
                      .map(s -> "Ken Thompson".equals(s.getString("name")))
                      .orElse(false));
    }
  }

  @Test
  @Order(8)
  void namesWithMarkupAreShownAsTextInBothPages() throws Exception {
    String sessionName = "Exam <img src=x onerror=\"window.__xss=1\">";
    String studentName = "Eve <script>window.__xss=2</script>";
    String teacherName = "Ms <b onmouseover=\"window.__xss=3\">Bold</b>";
    String sessionId = backend.createSession(sessionName, "EXAM");
    signIn(teacher, Backend.TEACHER, teacherName);
    openDashboard(teacher, sessionId);
    waitFor(teacher).until(d -> text(d, "session-title").equals(sessionName));
    waitFor(teacher)
        .until(d -> d.findElement(By.className("signed-in-as")).getText().equals(teacherName));

    joinAsStudent(student, sessionId, studentName, "S-EVE");
    waitFor(student).until(d -> text(d, "session-label").contains("<img src=x"));
    waitFor(teacher, Duration.ofSeconds(20))
        .until(
            d ->
                d.findElements(By.className("tile")).stream()
                    .anyMatch(t -> t.getText().contains(studentName)));

    for (WebDriver driver : List.of(teacher, student)) {
      assertEquals(null, script(driver, "return window.__xss === undefined ? null : window.__xss"));
      assertEquals(
          0L,
          script(
              driver,
              "return document.querySelectorAll('img[src=\"x\"], b[onmouseover], script:not([src])').length"));
    }
  }

  @Test
  @Order(9)
  void endingTheSessionStopsTheStudentsCameraAndKeepsItForReview() throws Exception {
    String name = "Browser check: ending";
    String sessionId = backend.createSession(name, "EXAM");
    openDashboard(teacher, sessionId);
    waitFor(teacher)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("life-cycle-text"), "Open"));
    joinAsStudent(student, sessionId, "Barbara Liskov", "S-BARBARA");
    waitFor(teacher).until(d -> tileWithId(d, "S-BARBARA", ANALYSED));

    click(teacher, By.id("end-session-button"));
    waitFor(teacher).until(ExpectedConditions.alertIsPresent()).accept();

    // The student's page says so, and its camera is off.
    visible(student, By.id("ended-step"));
    assertEquals(
        Boolean.TRUE,
        script(student, "return document.getElementById('self-view').srcObject === null"));
    assertFalse(student.findElement(By.id("live-step")).isDisplayed());
    // The dashboard keeps the session for review, without what only a running session needs.
    waitFor(teacher)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("life-cycle-text"), "Ended"));
    assertFalse(teacher.findElement(By.id("end-session-button")).isDisplayed());
    assertFalse(teacher.findElement(By.id("join-card")).isDisplayed());
    assertFalse(teacher.findElement(By.id("class-commands")).isDisplayed());
    assertEquals(
        1,
        teacher
            .findElements(By.cssSelector("#student-grid .tile[data-student-id='S-BARBARA']"))
            .size(),
        "the student's tile stays");

    // Nobody joins again: not the page, not the API.
    student.get(backend.url("student/?session=" + sessionId));
    visible(student, By.id("student-name")).sendKeys("Barbara Liskov");
    student.findElement(By.id("student-id")).sendKeys("S-BARBARA");
    student.findElement(By.id("join-button")).click();
    visible(student, By.id("ended-step"));
    var refused = backend.tryJoin(sessionId, "S-LATE");
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals("SESSION_ENDED", Backend.json(refused.body()).getString("error"));

    // The teacher finds it under past sessions.
    teacher.get(backend.url("teacher/"));
    waitFor(teacher)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("past-session-list"), name));
    assertFalse(teacher.findElement(By.id("session-list")).getText().contains(name));
    // The student's console shows the refused join's 409, as browsers log any failed request.
    student.manage().logs().get(LogType.BROWSER);
    assertNoScriptErrors(teacher);
  }

  @Test
  @Order(10)
  void aCriticalAlertShowsADesktopNotificationAndTheChoiceIsRememberedPerKind() throws Exception {
    String exam = backend.createSession("Browser check: notifications", "EXAM");
    teacher.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin", backend.url("").replaceAll("/$", ""),
            "permissions", List.of("notifications")));
    openDashboard(teacher, exam);
    // In an exam both signals are on unless the teacher chose otherwise.
    waitFor(teacher).until(d -> d.findElement(By.id("alert-desktop")).isSelected());
    assertTrue(teacher.findElement(By.id("alert-sound")).isSelected());
    // Every notification the page shows is recorded, and still shown by the browser.
    script(
        teacher,
        "const Real = window.Notification; window.shownNotifications = [];"
            + "window.Notification = class extends Real {"
            + "  constructor(title, options) { super(title, options);"
            + "    window.shownNotifications.push({ title, body: options.body, tag: options.tag,"
            + "      permission: Real.permission }); } };");

    String two =
        FakeCamera.dataUrl(FakeCamera.jpeg(FakeCamera.frame(FakeCamera.fixture("two-people.jpg"))));
    try (Backend.Student pupil = backend.join(exam, "S-RADIA", "Radia Perlman")) {
      // Two frames a second, as a camera would send them, until the alert is raised.
      waitFor(teacher)
          .pollingEvery(Duration.ofMillis(500))
          .until(
              d -> {
                pupil.send(two);
                return ((Number) script(d, "return window.shownNotifications.length")).intValue()
                    > 0;
              });
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> shown =
        (Map<String, Object>) script(teacher, "return window.shownNotifications[0]");
    assertEquals("More than one face: Radia Perlman", shown.get("title"));
    assertEquals("granted", shown.get("permission"));
    assertFalse(String.valueOf(shown.get("tag")).isBlank(), "tagged with the alert's id");

    // A lecture is quiet by default; the teacher's choice for lectures is remembered.
    String lecture = backend.createSession("Browser check: quiet lecture", "CLASS");
    openDashboard(teacher, lecture);
    waitFor(teacher).until(d -> !d.findElement(By.id("alert-sound")).isSelected());
    assertFalse(teacher.findElement(By.id("alert-desktop")).isSelected());
    click(teacher, By.id("alert-sound"));
    openDashboard(teacher, backend.createSession("Browser check: another lecture", "CLASS"));
    waitFor(teacher).until(d -> d.findElement(By.id("alert-sound")).isSelected());
    openDashboard(teacher, exam);
    waitFor(teacher).until(d -> d.findElement(By.id("alert-desktop")).isSelected());
    assertNoScriptErrors(teacher);
  }

  @Test
  @Order(11)
  void aStudentsDataAndThenTheSessionAreDeletedFromThePagesAndTheApi() throws Exception {
    String sessionId = backend.createSession("Browser check: deletion", "EXAM");
    String frame = FakeCamera.dataUrl(FakeCamera.jpeg(oneFaceFrame));
    try (Backend.Student erased = backend.join(sessionId, "S-EVE", "Eve Erased");
        Backend.Student kept = backend.join(sessionId, "S-BOB", "Bob Kept")) {
      erased.send(frame);
      kept.send(frame);
      openDashboard(teacher, sessionId);
      WebElement tile = waitFor(teacher).until(d -> tileWithId(d, "S-EVE", ANALYSED));
      tile.click();
      visible(teacher, By.id("drill-erase")).click();
      waitFor(teacher).until(ExpectedConditions.alertIsPresent()).accept();

      waitFor(teacher)
          .until(
              d ->
                  d.findElements(By.cssSelector("#student-grid .tile[data-student-id='S-EVE']"))
                      .isEmpty());
      assertFalse(teacher.findElement(By.id("student-dialog")).isDisplayed());
      assertEquals(404, backend.status("api/v1/sessions/" + sessionId + "/students/S-EVE/history"));
      assertEquals(200, backend.status("api/v1/sessions/" + sessionId + "/students/S-BOB/history"));
      // Still gone after the next summaries, and after a reload.
      Thread.sleep(2_000);
      teacher.navigate().refresh();
      waitFor(teacher).until(d -> tileWithId(d, "S-BOB", ANALYSED));
      assertTrue(
          teacher
              .findElements(By.cssSelector("#student-grid .tile[data-student-id='S-EVE']"))
              .isEmpty());

      click(teacher, By.id("delete-session-button"));
      waitFor(teacher).until(ExpectedConditions.alertIsPresent()).accept();
      visible(teacher, By.id("sessions-view"));
      assertEquals(404, backend.status("api/v1/sessions/" + sessionId));
      assertFalse(teacher.findElement(By.id("sessions-view")).getText().contains("deletion"));
    }
    assertNoScriptErrors(teacher);
  }

  @Test
  @Order(12)
  void afterTheExamTheTeacherReviewsATimelineWritesANoteAndDownloadsTheReport() throws Exception {
    String name = "Browser check: review";
    String sessionId = backend.createSession(name, "EXAM");
    String face = FakeCamera.dataUrl(FakeCamera.jpeg(oneFaceFrame));
    String two =
        FakeCamera.dataUrl(FakeCamera.jpeg(FakeCamera.frame(FakeCamera.fixture("two-people.jpg"))));
    String alerts = "api/v1/sessions/" + sessionId + "/alerts";
    backend.roster(
        sessionId, "S-RADIA,Radia Perlman\nS-KEN,Ken Thompson\nS-BARBARA,Barbara Liskov", true);
    try (Backend.Student radia = backend.join(sessionId, "S-RADIA", "Radia Perlman");
        Backend.Student ken = backend.join(sessionId, "S-KEN", "Ken Thompson")) {
      // Ken joined and never sent a frame; Radia is on camera, then someone sits beside her.
      for (int i = 0; i < 4; i++) {
        radia.send(face);
        Thread.sleep(500);
      }
      waitFor(teacher)
          .pollingEvery(Duration.ofMillis(500))
          .until(
              d -> {
                radia.send(two);
                try {
                  return backend.get(alerts).contains("MULTIPLE_FACES");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
    }
    backend.end(sessionId);

    // The report: both students, the alert, the downloads.
    teacher.get(backend.url("teacher/report.html?session=" + sessionId));
    waitFor(teacher)
        .until(
            d -> d.findElements(By.cssSelector("#report-students [data-student-id]")).size() == 2);
    assertTrue(text(teacher, "report-alerts").contains("Radia Perlman"));
    assertTrue(
        text(teacher, "report-attendance").contains("Not joined (1): Barbara Liskov"),
        text(teacher, "report-attendance"));
    WebElement kenRow =
        teacher.findElement(By.cssSelector("#report-students [data-student-id='S-KEN']"));
    assertTrue(kenRow.getText().contains("Ken Thompson"), kenRow.getText());

    // Radia's timeline, from her name: the alert with its screenshot; a note on it.
    teacher.findElement(By.cssSelector("#report-students [data-student-id='S-RADIA'] a")).click();
    waitFor(teacher)
        .until(ExpectedConditions.textToBe(By.id("timeline-student-name"), "Radia Perlman"));
    WebElement alert =
        waitFor(teacher)
            .until(d -> d.findElement(By.cssSelector("#timeline-alerts [data-alert-id]")));
    String alertId = alert.getAttribute("data-alert-id");
    assertTrue(
        alert.findElement(By.tagName("img")).getAttribute("src").startsWith("data:image/jpeg"),
        "the alert's screenshot");
    assertFalse(text(teacher, "timeline-status").isBlank(), "her status over time");
    new Select(teacher.findElement(By.id("note-target"))).selectByValue(alertId);
    teacher.findElement(By.id("note-text")).sendKeys("Her sister came in to say goodbye");
    click(teacher, By.id("note-submit"));
    waitFor(teacher)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("timeline-alerts"), "Her sister came in to say goodbye"));
    assertTrue(
        backend
            .get("api/v1/sessions/" + sessionId + "/notes")
            .contains("\"alertId\":\"" + alertId + "\""),
        "the note is on the alert");

    // The downloads, as a teacher saves them, read back as their programs would.
    teacher.get(backend.url("teacher/report.html?session=" + sessionId));
    waitFor(teacher)
        .until(
            d -> d.findElements(By.cssSelector("#report-students [data-student-id]")).size() == 2);
    Downloads downloads = new Downloads(teacher, WORK.resolve("downloads"));
    click(teacher, By.id("download-students-csv"));
    var students = Downloads.csv(downloads.awaitFile("students.csv", WAIT));
    assertEquals(
        List.of("S-KEN", "S-RADIA"), students.stream().map(r -> r.get("studentId")).toList());
    assertEquals("Radia Perlman", students.get(1).get("name"));
    assertEquals("", students.get(0).get("firstSeenAt"), "Ken never sent a frame");
    assertTrue(Double.parseDouble(students.get(1).get("presentShare")) > 0);
    click(teacher, By.id("download-alerts-csv"));
    var alertRows = Downloads.csv(downloads.awaitFile("alerts.csv", WAIT));
    assertEquals("MULTIPLE_FACES", alertRows.get(0).get("alertType"));
    click(teacher, By.id("download-json"));
    var report = Backend.json(Files.readString(downloads.awaitFile("report.json", WAIT)));
    assertEquals(1, report.getInt("schemaVersion"));
    assertEquals(name, report.getJsonObject("session").getString("name"));
    assertEquals(
        "Her sister came in to say goodbye",
        report.getJsonArray("notes").getJsonObject(0).getString("text"));
    click(teacher, By.id("download-pdf"));
    String pdf = Downloads.pdfText(downloads.awaitFile("report.pdf", WAIT));
    for (String expected :
        List.of(name, "Radia Perlman", "Ken Thompson", "MULTIPLE_FACES", "Her sister came in")) {
      assertTrue(pdf.contains(expected), () -> expected + " in the PDF: " + pdf);
    }
    String audit = backend.get("api/v1/sessions/" + sessionId + "/audit");
    assertEquals(4, audit.split("REPORT_EXPORTED", -1).length - 1, audit);
    assertNoScriptErrors(teacher);
  }

  @Test
  @Order(13)
  void aRosterShowsTheStudentWhoNeverJoinedAndTheOneWhoDid() throws Exception {
    String sessionId = backend.createSession("Browser check: roster", "CLASS");
    openDashboard(teacher, sessionId);
    WebElement details = visible(teacher, By.id("roster-import"));
    if (details.getAttribute("open") == null) {
      teacher.findElement(By.cssSelector("#roster-import summary")).click();
    }
    visible(teacher, By.id("roster-text"))
        .sendKeys("id,name\ns-radia,Radia Perlman\ns-ken,Ken Thompson\n");
    click(teacher, By.id("roster-submit"));
    waitFor(teacher)
        .until(
            d ->
                d.findElements(By.cssSelector("#roster-table tr[data-presence='NOT_JOINED']"))
                        .size()
                    == 2);
    try (Backend.Student radia = backend.join(sessionId, "s-radia", "Radia")) {
      radia.send(FakeCamera.dataUrl(FakeCamera.jpeg(oneFaceFrame)));
      waitFor(teacher)
          .until(
              d ->
                  "HERE"
                      .equals(
                          d.findElement(
                                  By.cssSelector("#roster-table tr[data-student-id='s-radia']"))
                              .getAttribute("data-presence")));
    }
    WebElement ken =
        teacher.findElement(By.cssSelector("#roster-table tr[data-student-id='s-ken']"));
    assertEquals("NOT_JOINED", ken.getAttribute("data-presence"));
    assertTrue(ken.getText().contains("Ken Thompson"), ken.getText());
    assertTrue(
        text(teacher, "roster-summary").contains("1 not joined"), text(teacher, "roster-summary"));
    assertNoScriptErrors(teacher);
  }

  @Test
  @Order(14)
  void theStudentPageSpeaksGermanToAGermanBrowserAndEnglishAfterTheSwitch() throws Exception {
    String sessionId = backend.createSession("Browser check: Deutsch", "CLASS");
    ChromeDriver german = Chromium.start(oneFace, WORK.resolve("profiles"), "de-DE");
    try {
      german.get(backend.url("student/?session=" + sessionId));
      waitFor(german).until(ExpectedConditions.textToBe(By.id("join-title"), "Sitzung beitreten"));
      assertEquals("de", german.findElement(By.tagName("html")).getAttribute("lang"));

      // A refusal from the server, in German.
      backend.roster(sessionId, "s-ada,Ada Lovelace", false);
      visible(german, By.id("student-name")).sendKeys("Mallory");
      german.findElement(By.id("student-id")).sendKeys("s-mallory");
      german.findElement(By.id("join-button")).click();
      waitFor(german)
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("join-error"), StudentMessages.text(Locale.GERMAN, "join.NOT_ON_ROSTER")));
      german.manage().logs().get(LogType.BROWSER); // the refused request's 403, as browsers log it

      // Joined: the consent and the feedback after each frame in German.
      WebElement id = german.findElement(By.id("student-id"));
      id.clear();
      id.sendKeys("s-ada");
      german.findElement(By.id("join-button")).click();
      WebElement agree = visible(german, By.id("agree-button"));
      assertTrue(agree.getText().startsWith("Ich stimme zu"), agree.getText());
      agree.click();
      visible(german, By.id("live-step"));
      Set<String> germanFeedback = new HashSet<>();
      for (StudentFeedback f : StudentFeedback.values()) {
        germanFeedback.add(StudentMessages.feedback(Locale.GERMAN, f));
      }
      waitFor(german).until(d -> germanFeedback.contains(text(d, "feedback")));

      // The switch: the page in English at once (the server's feedback from the next connection).
      new Select(german.findElement(By.id("language-switch"))).selectByValue("en");
      waitFor(german).until(ExpectedConditions.textToBe(By.id("leave-button"), "Leave session"));
      assertEquals("en", german.findElement(By.tagName("html")).getAttribute("lang"));
      assertNoScriptErrors(german);
    } finally {
      german.quit();
    }
  }

  @Test
  @Order(15)
  void theTeachersPagesSpeakGermanToAGermanBrowser() throws Exception {
    String sessionId = backend.createSession("Browser check: Bericht", "EXAM");
    backend.roster(sessionId, "S-ADA,Ada Lovelace\nS-BARBARA,Barbara Liskov", true);
    Map<String, String> shared = catalogue("i18n/de.json");
    Map<String, String> signIn = catalogue("i18n/sign-in/de.json");
    Map<String, String> dashboard = catalogue("i18n/dashboard/de.json");
    Map<String, String> review = catalogue("i18n/review/de.json");
    ChromeDriver german = Chromium.start(null, WORK.resolve("profiles"), "de-DE");
    try (Backend.Student ada = backend.join(sessionId, "S-ADA", "Ada Lovelace")) {
      // Sign-in, in German.
      german.get(backend.url("sign-in/"));
      waitFor(german)
          .until(
              ExpectedConditions.textToBe(By.cssSelector("main h1"), signIn.get("signIn.title")));
      assertEquals("de", german.findElement(By.tagName("html")).getAttribute("lang"));
      WebElement name = german.findElement(By.id("sign-in-name"));
      name.clear();
      name.sendKeys(Backend.TEACHER);
      german.findElement(By.cssSelector("#dev-sign-in button[type=submit]")).click();
      waitFor(german).until(ExpectedConditions.urlContains("/teacher/"));

      // The dashboard: its own words, the connection and a student's status in German.
      openDashboard(german, sessionId);
      assertEquals(shared.get("connection.open"), text(german, "connection-status"));
      String face = FakeCamera.dataUrl(FakeCamera.jpeg(oneFaceFrame));
      WebElement tile =
          waitFor(german, Duration.ofSeconds(20))
              .until(
                  d -> {
                    ada.send(face);
                    return tileWithId(d, "S-ADA", ANALYSED);
                  });
      String status = shared.get("status." + tile.getAttribute("data-status"));
      assertTrue(tile.getText().contains(status), tile.getText() + " shows " + status);
      Map<String, String> marked = markedTexts(german, dashboard);
      assertTrue(marked.size() >= 5, "the dashboard's own words on the page: " + marked);
      marked.forEach(
          (key, shown) -> assertEquals(dashboard.get(key), shown, "the dashboard's " + key));

      // The report: headings, attendance and shares in German.
      german.get(backend.url("teacher/report.html?session=" + sessionId));
      waitFor(german)
          .until(
              d ->
                  d.findElements(By.cssSelector("#report-students [data-student-id]")).size() == 1);
      assertEquals(review.get("review.report.downloads"), text(german, "downloads-title"));
      String notJoined =
          review.get("review.attendance.notJoined").replace("{count}", "1") + " Barbara Liskov";
      assertTrue(
          text(german, "report-attendance").contains(notJoined), text(german, "report-attendance"));
      String row =
          german.findElement(By.cssSelector("#report-students [data-student-id]")).getText();
      // German puts a (no-break) space before the percent sign; WebDriver reads it as a space.
      assertTrue(row.matches("(?s).*\\d[\u00a0 ]%.*"), "shares as German percentages: " + row);

      // The switch: English at once.
      new Select(german.findElement(By.id("language-switch"))).selectByValue("en");
      waitFor(german).until(ExpectedConditions.textToBe(By.id("downloads-title"), "Downloads"));
      assertNoScriptErrors(german);
    } finally {
      german.quit();
    }
  }

  /** A catalogue as the server serves it. */
  private Map<String, String> catalogue(String path) throws Exception {
    Map<String, String> texts = new TreeMap<>();
    Backend.json(backend.get(path))
        .forEach((key, value) -> texts.put(key, ((JsonString) value).getString()));
    return texts;
  }

  /**
   * The visible texts of the page's elements marked with a key of this catalogue, by key; texts
   * with {placeholders} are left out, since the page fills them in.
   */
  private static Map<String, String> markedTexts(WebDriver driver, Map<String, String> catalogue) {
    Map<String, String> shown = new TreeMap<>();
    for (WebElement element : driver.findElements(By.cssSelector("[data-i18n]"))) {
      String key = element.getAttribute("data-i18n");
      String text = catalogue.get(key);
      if (text != null && !text.contains("{") && element.isDisplayed()) {
        shown.put(key, element.getText().strip());
      }
    }
    return shown;
  }

  /**
   * Where {@code -Dscreenshots.dir} asks for screenshots; failsafe runs in ear/, so a relative
   * directory is meant from the repository's root.
   */
  private static Path screenshots() {
    Path target = Path.of(System.getProperty("screenshots.dir"));
    return target.isAbsolute()
        ? target
        : Path.of(System.getProperty("user.dir")).getParent().resolve(target);
  }

  // --- steps

  private void openDashboard(WebDriver driver, String sessionId) {
    driver.get(backend.url("teacher/?session=" + sessionId));
    visible(driver, By.id("dashboard-view"));
    connected(driver);
  }

  private void joinAsStudent(WebDriver driver, String sessionId, String name, String id) {
    joinByLink(driver, backend.url("student/?session=" + sessionId), name, id);
  }

  private static void joinByLink(WebDriver driver, String joinLink, String name, String id) {
    driver.get(joinLink);
    visible(driver, By.id("student-name")).sendKeys(name);
    driver.findElement(By.id("student-id")).sendKeys(id);
    driver.findElement(By.id("join-button")).click();
    visible(driver, By.id("agree-button")).click();
    visible(driver, By.id("live-step"));
    connected(driver);
  }

  private void addStudents(
      List<Backend.Student> students, String sessionId, int count, String frame) throws Exception {
    int from = students.size();
    for (int i = from; i < from + count; i++) {
      students.add(backend.join(sessionId, String.format("L%03d", i), "Student " + (i + 1)));
    }
    for (int i = from; i < from + count; i++) {
      students.get(i).send(frame);
    }
  }

  /**
   * Reads the dashboard's own performance entries (apply-session-update, render-dashboard) over ten
   * updates, and the long tasks meanwhile, and prints them. Timings are not asserted: the machine
   * running the tests is shared.
   */
  private void measureDashboard(int students) {
    script(
        teacher,
        "performance.clearMeasures('apply-session-update');"
            + "performance.clearMeasures('render-dashboard');"
            + "window.longTasks = [];"
            + "if (!window.longTaskObserver) {"
            + "  window.longTaskObserver = new PerformanceObserver((list) => {"
            + "    for (const e of list.getEntries()) window.longTasks.push(e.duration); });"
            + "  window.longTaskObserver.observe({ type: 'longtask' });"
            + "}"
            // Count the frames the page paints while updates flow.
            + "window.paintedFrames = 0; window.paintStart = performance.now();"
            + "if (!window.paintCounter) {"
            + "  window.paintCounter = () => { window.paintedFrames++;"
            + " requestAnimationFrame(window.paintCounter); };"
            + "  requestAnimationFrame(window.paintCounter);"
            + "}");
    waitFor(teacher)
        .until(
            d ->
                ((Number)
                            script(
                                d,
                                "return performance.getEntriesByName('apply-session-update')"
                                    + ".length"))
                        .intValue()
                    >= 10);
    double[] apply = durations("apply-session-update");
    double[] render = durations("render-dashboard");
    @SuppressWarnings("unchecked")
    List<Number> longTasks = (List<Number>) script(teacher, "return window.longTasks");
    double framesPerSecond =
        ((Number)
                script(
                    teacher,
                    "return window.paintedFrames * 1000 / (performance.now() - window.paintStart)"))
            .doubleValue();
    int tiles = teacher.findElements(By.cssSelector("#student-grid .tile")).size();
    System.out.printf(
        "dashboard: %d students apply median %.1f ms p95 %.1f ms, render median %.1f ms p95 %.1f"
            + " ms, %.0f frames/s, long tasks %d (%s) over %d updates; %d tiles in the DOM;"
            + " active %s%n",
        students,
        percentile(apply, 50),
        percentile(apply, 95),
        percentile(render, 50),
        percentile(render, 95),
        framesPerSecond,
        longTasks.size(),
        longTasks.stream()
            .map(n -> String.format("%.0f ms", n.doubleValue()))
            .collect(Collectors.joining(", ")),
        apply.length,
        tiles,
        text(teacher, "agg-active"));
    assertTrue(render.length > 0, "render-dashboard entries");
    assertTrue(framesPerSecond > 0, "the page paints while updates flow");
    assertTrue(tiles > 0 && tiles < students + 1, "tiles in the DOM: " + tiles);
  }

  private static double[] durations(String name) {
    @SuppressWarnings("unchecked")
    List<Number> values =
        (List<Number>)
            script(
                teacher,
                "return performance.getEntriesByName(arguments[0]).map((e) => e.duration)",
                name);
    return values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
  }

  private static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  // --- checks

  /** The self view shows the fake camera's photo: its mean colour matches the frame's. */
  private static void assertCameraPlays(WebDriver driver, BufferedImage expected) {
    waitFor(driver)
        .until(
            d ->
                Boolean.TRUE.equals(
                    script(
                        d,
                        "const v = document.getElementById('self-view');"
                            + "return v.readyState >= 2 && v.videoWidth > 0;")));
    @SuppressWarnings("unchecked")
    List<Number> seen =
        (List<Number>)
            script(
                driver,
                "const v = document.getElementById('self-view');"
                    + "const c = document.createElement('canvas'); c.width = 64; c.height = 48;"
                    + "const g = c.getContext('2d'); g.drawImage(v, 0, 0, 64, 48);"
                    + "const p = g.getImageData(0, 0, 64, 48).data; const m = [0, 0, 0];"
                    + "for (let i = 0; i < p.length; i += 4) { m[0] += p[i]; m[1] += p[i + 1];"
                    + " m[2] += p[i + 2]; }"
                    + "return [m[0] / 3072, m[1] / 3072, m[2] / 3072, v.videoWidth,"
                    + " v.videoHeight];");
    double[] want = new double[3];
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        int rgb = expected.getRGB(x, y);
        want[0] += (rgb >> 16) & 0xff;
        want[1] += (rgb >> 8) & 0xff;
        want[2] += rgb & 0xff;
      }
    }
    int pixels = expected.getWidth() * expected.getHeight();
    assertEquals(640, seen.get(3).intValue(), "camera width");
    assertEquals(480, seen.get(4).intValue(), "camera height");
    for (int c = 0; c < 3; c++) {
      assertEquals(
          want[c] / pixels,
          seen.get(c).doubleValue(),
          12,
          "mean of colour channel " + c + " of the self view: " + seen);
    }
  }

  private static void assertNoScriptErrors(WebDriver driver) {
    List<LogEntry> severe =
        browserLog(driver).stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertTrue(severe.isEmpty(), "console errors: " + severe);
  }

  /** The browser's console since it was last read; keeps what breaks the pages' security policy. */
  private static List<LogEntry> browserLog(WebDriver driver) {
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    entries.stream()
        .filter(e -> e.getMessage().contains("Content Security Policy"))
        .forEach(e -> POLICY_VIOLATIONS.add(e.getMessage()));
    return entries;
  }

  /** Any test: nothing a page did, in any browser, broke its Content-Security-Policy. */
  @AfterEach
  void nothingBrokeTheContentSecurityPolicy() {
    for (WebDriver driver : Arrays.asList(teacher, student, pair)) {
      if (driver != null) {
        browserLog(driver);
      }
    }
    List<String> violations = List.copyOf(POLICY_VIOLATIONS);
    POLICY_VIOLATIONS.clear();
    assertTrue(violations.isEmpty(), "Content-Security-Policy violations: " + violations);
  }

  // --- page access

  private static WebDriverWait waitFor(WebDriver driver) {
    return waitFor(driver, WAIT);
  }

  private static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static WebElement visible(WebDriver driver, By by) {
    return waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * Clicks a control brought to the middle of the window, clear of the toasts in the bottom corner
   * (a toast confirming one command can cover the next command's button).
   */
  private static void click(WebDriver driver, By by) {
    WebElement element = visible(driver, by);
    script(driver, "arguments[0].scrollIntoView({ block: 'center' })", element);
    element.click();
  }

  private static void connected(WebDriver driver) {
    waitFor(driver)
        .until(ExpectedConditions.attributeToBe(By.id("connection-status"), "data-state", "open"));
  }

  private static String text(WebDriver driver, String id) {
    return driver.findElement(By.id(id)).getText().trim();
  }

  private static String attribute(WebDriver driver, String id, String name) {
    String value = driver.findElement(By.id(id)).getAttribute(name);
    return value == null ? "" : value;
  }

  private static Object script(WebDriver driver, String code, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(code, args);
  }

  /** The tile of the student with this name when its status is one of those, else null. */
  private static WebElement tileNamed(WebDriver driver, String name, Set<String> statuses) {
    for (WebElement tile : driver.findElements(By.cssSelector("#student-grid .tile"))) {
      if (name.equals(tile.findElement(By.className("tile-name")).getText().trim())
          && statuses.contains(tile.getAttribute("data-status"))) {
        return tile;
      }
    }
    return null;
  }

  private static WebElement tileWithId(WebDriver driver, String id, Set<String> statuses) {
    List<WebElement> tiles =
        driver.findElements(By.cssSelector("#student-grid .tile[data-student-id='" + id + "']"));
    return tiles.isEmpty() || !statuses.contains(tiles.get(0).getAttribute("data-status"))
        ? null
        : tiles.get(0);
  }

  private static void save(WebDriver driver, Path file) {
    if (driver == null) {
      return;
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      System.err.println("could not save " + file + ": " + e);
    }
  }
}
