package org.smartsession.engine.image;

/**
 * Reads a JPEG's dimensions from its start-of-frame marker without decoding it, so that absurd
 * sizes are refused before any pixel memory is allocated; also whether it is a plain Huffman-coded
 * JPEG ({@code huffman}: baseline, extended or progressive) and carries Exif metadata ({@code
 * exif}, which may ask for the image to be turned). Refuses what a decoder would half read: data
 * cut short (no end-of-image marker) and a second frame header, whose size could differ from the
 * first one's, checked here.
 */
record JpegHeader(int width, int height, boolean huffman, boolean exif) {
  private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};

  static JpegHeader read(byte[] data) throws FrameRejectedException {
    if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
      throw new FrameRejectedException("the frame is not a JPEG image");
    }
    if (!endsWithEndOfImage(data)) {
      throw new FrameRejectedException("the JPEG data is truncated (no end-of-image marker)");
    }
    int i = 2;
    boolean exif = false;
    JpegHeader frame = null;
    while (i + 4 <= data.length) {
      if ((data[i] & 0xFF) != 0xFF) {
        throw new FrameRejectedException("the JPEG data is corrupt (bad marker)");
      }
      int marker = data[i + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte
        i++;
        continue;
      }
      if (marker == 0xD9 || marker == 0xDA) {
        break; // end of image, or the start of the first scan: the headers are all read
      }
      int length = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
      if (length < 2) {
        throw new FrameRejectedException("the JPEG data is corrupt (bad segment length)");
      }
      exif |= marker == 0xE1 && startsWith(data, i + 4, EXIF);
      if (isStartOfFrame(marker)) {
        if (frame != null) {
          throw new FrameRejectedException("the JPEG has more than one frame header");
        }
        if (i + 9 > data.length) {
          break;
        }
        int height = ((data[i + 5] & 0xFF) << 8) | (data[i + 6] & 0xFF);
        int width = ((data[i + 7] & 0xFF) << 8) | (data[i + 8] & 0xFF);
        frame = new JpegHeader(width, height, marker <= 0xC2, false);
      }
      i += 2 + length;
    }
    if (frame == null) {
      throw new FrameRejectedException("the JPEG data is truncated or has no frame header");
    }
    return new JpegHeader(frame.width(), frame.height(), frame.huffman(), exif);
  }

  /** Whether the data ends with the end-of-image marker, zero padding after it allowed. */
  private static boolean endsWithEndOfImage(byte[] data) {
    int end = data.length;
    while (end > 2 && data[end - 1] == 0) {
      end--;
    }
    return (data[end - 2] & 0xFF) == 0xFF && (data[end - 1] & 0xFF) == 0xD9;
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix) {
    if (at + prefix.length > data.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (data[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
