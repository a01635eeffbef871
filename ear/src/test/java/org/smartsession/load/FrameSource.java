package org.smartsession.load;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.smartsession.it.Frames;

/**
 * The pictures simulated students send, as data URLs: each student cycles through {@link #faces} (a
 * directory of JPEGs, a video's frames scaled to 640×480 at the student page's JPEG quality, or the
 * test fixture's one face), and sends {@link #twoFaces} when asked to raise an alert.
 */
final class FrameSource {
  /** The student page's default JPEG quality. */
  private static final float PAGE_QUALITY = 0.7f;

  private static final int MAX_VIDEO_FRAMES = 120;

  final List<String> faces;
  final String twoFaces;

  private FrameSource(List<String> faces, String twoFaces) {
    if (faces.isEmpty()) {
      throw new IllegalArgumentException("no frames to send");
    }
    this.faces = List.copyOf(faces);
    this.twoFaces = twoFaces;
  }

  static FrameSource load(Path frames) throws IOException {
    String two = Frames.dataUrl(Frames.twoFaces());
    if (frames == null) {
      return new FrameSource(List.of(Frames.dataUrl(Frames.oneFace())), two);
    }
    if (Files.isDirectory(frames)) {
      List<String> urls = new ArrayList<>();
      try (Stream<Path> files = Files.list(frames)) {
        for (Path f : files.filter(FrameSource::isJpeg).sorted().toList()) {
          urls.add(Frames.dataUrl(Files.readAllBytes(f)));
        }
      }
      return new FrameSource(urls, two);
    }
    return new FrameSource(videoFrames(frames), two);
  }

  private static boolean isJpeg(Path f) {
    String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  /** Up to {@link #MAX_VIDEO_FRAMES} frames of the video, as the student page would send them. */
  private static List<String> videoFrames(Path video) throws IOException {
    List<String> urls = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      Frame frame;
      while (urls.size() < MAX_VIDEO_FRAMES && (frame = grabber.grabImage()) != null) {
        urls.add(Frames.dataUrl(jpeg(scaled(converter.convert(frame)))));
      }
      grabber.stop();
    }
    return urls;
  }

  private static BufferedImage scaled(BufferedImage image) {
    BufferedImage out = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, 640, 480, null);
    g.dispose();
    return out;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(PAGE_QUALITY);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
