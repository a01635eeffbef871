package org.smartsession.it.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Camera pictures made from the vision fixtures (real photos): 640×480 frames, as JPEG for the
 * WebSocket and as an MJPEG file (JPEG frames one after another) for Chromium's fake camera.
 */
final class FakeCamera {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;

  private FakeCamera() {}

  /** A fixture photo of the vision tests (ejb-module/src/test/resources/vision/fixtures). */
  static BufferedImage fixture(String name) throws IOException {
    Path file = Path.of(System.getProperty("fixtures.dir"), name);
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new IOException("not an image: " + file);
    }
    return image;
  }

  /** The photo scaled to fill the frame's height, centred, on a plain wall colour. */
  static BufferedImage frame(BufferedImage photo) {
    BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setColor(new Color(52, 58, 64));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double scale = Math.min((double) WIDTH / photo.getWidth(), (double) HEIGHT / photo.getHeight());
    int w = (int) Math.round(photo.getWidth() * scale);
    int h = (int) Math.round(photo.getHeight() * scale);
    g.drawImage(photo, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h, null);
    g.dispose();
    return frame;
  }

  static byte[] jpeg(BufferedImage image) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  static String dataUrl(byte[] jpeg) {
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
  }

  /**
   * Writes an MJPEG file of {@code copies} copies of the frame; Chromium plays it in a loop as the
   * camera.
   */
  static Path mjpeg(BufferedImage frame, int copies, Path file) throws IOException {
    byte[] jpeg = jpeg(frame);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < copies; i++) {
        out.write(jpeg);
      }
    }
    return file;
  }
}
