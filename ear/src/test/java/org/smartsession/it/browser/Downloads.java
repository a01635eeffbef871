package org.smartsession.it.browser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.chrome.ChromeDriver;

/** Files a page downloads, into a folder of their own, read back as a user's programs would. */
final class Downloads {
  private final Path folder;

  /** Lets {@code browser} save downloads into {@code folder}, emptied first. */
  Downloads(ChromeDriver browser, Path folder) throws IOException {
    this.folder = folder.toAbsolutePath();
    Files.createDirectories(this.folder);
    try (var files = Files.list(this.folder)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    browser.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", this.folder.toString()));
  }

  /** The finished file whose name ends with {@code suffix}, waiting for it. */
  Path awaitFile(String suffix, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      try (var files = Files.list(folder)) {
        var done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
        if (done.isPresent() && Files.size(done.get()) > 0) {
          return done.get();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no download ending in " + suffix + " in " + folder);
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .build()
        .parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))
        .getRecords();
  }

  static String pdfText(Path file) throws IOException {
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }
}
