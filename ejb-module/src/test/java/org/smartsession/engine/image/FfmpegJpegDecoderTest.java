package org.smartsession.engine.image;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FFmpeg's decoding gives the pixels OpenCV's gives, up to how each rebuilds the colour from the
 * half-resolution chroma, and the same brightness figures; what it cannot decode it leaves to the
 * caller.
 */
class FfmpegJpegDecoderTest {
  private static final FfmpegJpegDecoder ffmpeg = new FfmpegJpegDecoder();

  @AfterAll
  static void close() {
    ffmpeg.close();
  }

  static byte[] fixture(String name) throws Exception {
    try (InputStream in =
        FfmpegJpegDecoderTest.class.getResourceAsStream("/vision/fixtures/" + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"astronaut.jpg", "two-people.jpg", "sample3.jpg"})
  void decodesPhotosAsOpenCvDoes(String name) throws Exception {
    byte[] jpeg = fixture(name);
    try (DecodedFrame fast = ffmpeg.decode(jpeg);
        BytePointer bytes = new BytePointer(jpeg);
        Mat encoded = new Mat(1, jpeg.length, CV_8UC1, bytes);
        Mat reference = imdecode(encoded, IMREAD_COLOR);
        Mat difference = new Mat();
        Mat gray = new Mat();
        Mat luma = new Mat();
        Mat deviation = new Mat()) {
      assertNotNull(fast, name);
      assertEquals(reference.cols(), fast.width());
      assertEquals(reference.rows(), fast.height());
      absdiff(fast.bgr(), reference, difference);
      Scalar perChannel = mean(difference);
      for (int c = 0; c < 3; c++) {
        // About one grey level apart on average: both follow JPEG's colour conversion, and differ
        // only in how they interpolate the half-resolution chroma.
        assertTrue(perChannel.get(c) < 1.5, name + " channel " + c + ": " + perChannel.get(c));
      }
      cvtColor(reference, gray, COLOR_BGR2GRAY);
      meanStdDev(gray, luma, deviation);
      try (DoubleIndexer m = luma.createIndexer();
          DoubleIndexer s = deviation.createIndexer()) {
        assertEquals(m.get(0), fast.meanLuma(), 1.0, "mean luma");
        assertEquals(s.get(0), fast.lumaStdDev(), 1.0, "luma deviation");
      }
    }
  }

  @Test
  void leavesWhatItCannotDecodeToTheCaller() throws Exception {
    byte[] whole = fixture("astronaut.jpg");
    assertNull(ffmpeg.decode(Arrays.copyOf(whole, 300)));
    // and goes on decoding what comes next
    try (DecodedFrame frame = ffmpeg.decode(whole)) {
      assertNotNull(frame);
      assertEquals(512, frame.width());
    }
  }

  @Test
  void thePlainJpegsOfTheStudentPageTakeThisPath() throws Exception {
    JpegHeader plain = JpegHeader.read(fixture("astronaut.jpg"));
    assertTrue(plain.huffman());
    assertFalse(plain.exif());
  }
}
