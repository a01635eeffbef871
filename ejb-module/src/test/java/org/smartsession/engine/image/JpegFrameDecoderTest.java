package org.smartsession.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.FrameLimits;

class JpegFrameDecoderTest {
  private final JpegFrameDecoder decoder = new JpegFrameDecoder(FrameLimits.DEFAULTS);

  private static byte[] jpeg(int width, int height, Color color) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  @Test
  void decodesAJpegAndMeasuresItsBrightness() throws Exception {
    try (DecodedFrame frame = decoder.decode(jpeg(640, 480, Color.BLACK))) {
      assertEquals(640, frame.width());
      assertEquals(480, frame.height());
      // Half white, half black: mean near 127, spread near 127.
      assertEquals(127, frame.meanLuma(), 3);
      assertEquals(127, frame.lumaStdDev(), 3);
    }
  }

  @Test
  void decodesBase64() throws Exception {
    String base64 = Base64.getEncoder().encodeToString(jpeg(320, 240, Color.GRAY));
    try (DecodedFrame frame = decoder.decodeBase64(base64)) {
      assertEquals(320, frame.width());
    }
  }

  @Test
  void base64WithAnythingElseInItIsRefusedNotSkippedOver() throws Exception {
    String base64 = Base64.getEncoder().encodeToString(jpeg(320, 240, Color.GRAY));
    int middle = base64.length() / 2;
    for (String stray : new String[] {"\n", " ", "<", "\"", "%"}) {
      String tampered = base64.substring(0, middle) + stray + base64.substring(middle);
      assertThrows(
          FrameRejectedException.class, () -> decoder.decodeBase64(tampered), "with " + stray);
    }
  }

  @Test
  void refusesWhatIsNotAJpeg() {
    var e =
        assertThrows(FrameRejectedException.class, () -> decoder.decode("GIF89a...".getBytes()));
    assertTrue(e.getMessage().contains("not a JPEG"));
    assertThrows(FrameRejectedException.class, () -> decoder.decodeBase64("%%%not base64%%%"));
    assertThrows(FrameRejectedException.class, () -> decoder.decode(new byte[0]));
  }

  @Test
  void refusesTruncatedAndCorruptData() throws Exception {
    byte[] whole = jpeg(640, 480, Color.BLUE);
    assertThrows(FrameRejectedException.class, () -> decoder.decode(Arrays.copyOf(whole, 40)));
    byte[] scrambled = whole.clone();
    for (int i = 200; i < scrambled.length; i++) {
      scrambled[i] = (byte) (i * 31);
    }
    // A scrambled scan either fails to decode or decodes to garbage of the declared size; it
    // must never crash or yield another size.
    try (DecodedFrame frame = decoder.decode(scrambled)) {
      assertEquals(640, frame.width());
    } catch (FrameRejectedException expected) {
      assertTrue(expected.getMessage().startsWith("the JPEG"));
    }
  }

  @Test
  void refusesAJpegCutShortWhereverItIsCutAndAcceptsZeroPadding() throws Exception {
    byte[] whole = jpeg(640, 480, Color.BLUE);
    // Decoders fill a cut scan with grey and say nothing: the end-of-image marker must be there.
    for (int length = 2; length < whole.length - 1; length += 97) {
      byte[] cut = Arrays.copyOf(whole, length);
      var e = assertThrows(FrameRejectedException.class, () -> decoder.decode(cut), "" + length);
      assertTrue(e.getMessage().startsWith("the "), e.getMessage());
    }
    try (DecodedFrame padded = decoder.decode(Arrays.copyOf(whole, whole.length + 16))) {
      assertEquals(640, padded.width());
    }
  }

  @Test
  void refusesASecondFrameHeader() throws Exception {
    byte[] whole = jpeg(640, 480, Color.GREEN);
    int sof = 2;
    while (!((whole[sof] & 0xFF) == 0xFF && (whole[sof + 1] & 0xFF) == 0xC0)) {
      sof++;
    }
    int length = ((whole[sof + 2] & 0xFF) << 8) | (whole[sof + 3] & 0xFF);
    byte[] segment = Arrays.copyOfRange(whole, sof, sof + 2 + length);
    // The copy declares another size: which one a decoder takes is its own affair.
    segment[5] = 0;
    segment[6] = (byte) 240;
    byte[] twice = new byte[whole.length + segment.length];
    System.arraycopy(whole, 0, twice, 0, sof + 2 + length);
    System.arraycopy(segment, 0, twice, sof + 2 + length, segment.length);
    System.arraycopy(
        whole,
        sof + 2 + length,
        twice,
        sof + 2 + length + segment.length,
        whole.length - sof - 2 - length);
    var e = assertThrows(FrameRejectedException.class, () -> decoder.decode(twice));
    assertTrue(e.getMessage().contains("more than one frame header"), e.getMessage());
  }

  @Test
  void refusesAbsurdDimensionsBeforeDecoding() throws Exception {
    var tooSmall =
        assertThrows(FrameRejectedException.class, () -> decoder.decode(jpeg(16, 16, Color.RED)));
    assertTrue(tooSmall.getMessage().contains("16x16"), tooSmall.getMessage());
    byte[] header = jpeg(640, 480, Color.RED);
    // Rewrite the start-of-frame dimensions to 60000x60000: refused from the header alone.
    for (int i = 2; i < header.length - 9; i++) {
      if ((header[i] & 0xFF) == 0xFF && (header[i + 1] & 0xFF) == 0xC0) {
        header[i + 5] = (byte) 0xEA;
        header[i + 6] = (byte) 0x60;
        header[i + 7] = (byte) 0xEA;
        header[i + 8] = (byte) 0x60;
        break;
      }
    }
    var absurd = assertThrows(FrameRejectedException.class, () -> decoder.decode(header));
    assertTrue(absurd.getMessage().contains("60000x60000"), absurd.getMessage());
  }
}
