package org.smartsession.it;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.smartsession.model.protocol.AlertAcknowledged;
import org.smartsession.model.protocol.ProtocolCodec;
import org.smartsession.model.protocol.VideoFrame;

/** VIDEO_FRAME messages for tests. */
public final class Frames {
  static final ProtocolCodec CODEC = new ProtocolCodec();

  private Frames() {}

  /** A real 640×480 JPEG (a lit scene, no face) as a data URL. */
  static String sceneDataUrl() {
    BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(200, 180, 150), 640, 480, new Color(60, 80, 120)));
    g.fillRect(0, 0, 640, 480);
    g.setColor(new Color(90, 60, 40));
    g.fillRect(100, 300, 440, 180);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", jpeg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg.toByteArray());
  }

  /** A fixture photo of the vision tests (ejb-module/src/test/resources/vision/fixtures). */
  public static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(Path.of(System.getProperty("fixtures.dir"), name));
  }

  /** The astronaut fixture (one face) on a 640×480 frame. */
  public static byte[] oneFace() throws IOException {
    BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(new Color(120, 110, 100));
    g.fillRect(0, 0, 640, 480);
    g.drawImage(ImageIO.read(new ByteArrayInputStream(fixture("astronaut.jpg"))), 64, -16, null);
    g.dispose();
    return jpeg(frame);
  }

  /** Two people side by side: the astronaut and her mirror image, each face about 90 px wide. */
  public static byte[] twoFaces() throws IOException {
    BufferedImage astronaut = ImageIO.read(new ByteArrayInputStream(fixture("astronaut.jpg")));
    BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(new Color(120, 110, 100));
    g.fillRect(0, 0, 640, 480);
    g.drawImage(astronaut, -40, 40, 360, 400, 60, 0, 460, 450, null);
    g.drawImage(astronaut, 320, 40, 680, 400, 460, 0, 60, 450, null);
    g.dispose();
    return jpeg(frame);
  }

  public static byte[] jpeg(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  public static String dataUrl(byte[] jpeg) {
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
  }

  /** A teacher's review of an alert, as the dashboard sends it. */
  static String reviewed(String alertId) {
    return CODEC.encode(new AlertAcknowledged(alertId, "REVIEWED", null, null));
  }

  static String videoFrame(String sessionId, String studentId, long timestamp, String dataUrl) {
    return CODEC.encode(
        new VideoFrame(
            studentId, sessionId, timestamp, dataUrl, new VideoFrame.FrameMetadata(2, "640x480")));
  }
}
