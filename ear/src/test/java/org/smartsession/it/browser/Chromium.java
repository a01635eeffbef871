package org.smartsession.it.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The machine's Chromium driven through its chromedriver (Debian: {@code apt-get install chromium
 * chromium-driver}), headless, with a fake camera that plays an MJPEG file. Both binaries are named
 * explicitly, so Selenium never looks for (or downloads) a browser or a driver of its own.
 */
final class Chromium {
  static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

  private Chromium() {}

  /** Whether both binaries are installed; the browser tests are skipped otherwise. */
  static boolean available() {
    return new File(BINARY).canExecute() && new File(DRIVER).canExecute();
  }

  /**
   * Starts a headless Chromium.
   *
   * @param camera an MJPEG file the fake camera plays in a loop, or null for no camera file
   * @param profiles where the fresh profile directory is made
   */
  static ChromeDriver start(Path camera, Path profiles) {
    return start(camera, profiles, "en-US");
  }

  /**
   * The same, its user's language {@code language} (a BCP 47 tag such as {@code de-DE}): what
   * {@code navigator.languages} and {@code Accept-Language} say.
   */
  static ChromeDriver start(Path camera, Path profiles, String language) {
    System.setProperty("webdriver.chrome.driver", DRIVER);
    Path profile;
    try {
      Files.createDirectories(profiles);
      profile = Files.createTempDirectory(profiles, "chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                // Every window keeps rendering and running its timers, as on a teacher's screen.
                "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                "--disable-renderer-backgrounding",
                "--window-size=1440,1000",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--lang=" + language,
                "--accept-lang=" + language,
                "--user-data-dir=" + profile.toAbsolutePath()));
    if (camera != null) {
      args.add("--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(args);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
