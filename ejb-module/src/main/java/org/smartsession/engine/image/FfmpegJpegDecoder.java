package org.smartsession.engine.image;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * JPEG decoding through FFmpeg's MJPEG decoder and swscale, both with SIMD code on x86, where the
 * libjpeg-turbo bundled in OpenCV's build is built without it: a 640×480 frame decodes in about
 * half the time. The luma statistics come straight from the decoded Y plane. One instance holds a
 * decoder context and buffers and serves one thread at a time.
 */
final class FfmpegJpegDecoder implements AutoCloseable {
  /** Layouts whose first plane is the image's luma, all full range as JPEG's are. */
  private static final Set<Integer> LUMA_FIRST =
      Set.of(
          AV_PIX_FMT_YUVJ420P,
          AV_PIX_FMT_YUVJ422P,
          AV_PIX_FMT_YUVJ444P,
          AV_PIX_FMT_YUVJ440P,
          AV_PIX_FMT_YUVJ411P,
          AV_PIX_FMT_GRAY8);

  static {
    // Corrupt frames are reported to the sender as rejections; FFmpeg's own log would only repeat
    // them on the server's console.
    av_log_set_level(AV_LOG_QUIET);
  }

  private final AVCodecContext context;
  private final AVPacket packet = av_packet_alloc();
  private final AVFrame frame = av_frame_alloc();
  private final PointerPointer<BytePointer> target = new PointerPointer<>(4);
  private final IntPointer targetStride = new IntPointer(4);
  private BytePointer input = new BytePointer();
  private SwsContext converter;

  FfmpegJpegDecoder() {
    AVCodec codec = avcodec_find_decoder(AV_CODEC_ID_MJPEG);
    context = avcodec_alloc_context3(codec);
    context.thread_count(1); // frames are already decoded in parallel, one per worker
    if (avcodec_open2(context, codec, (AVDictionary) null) < 0) {
      close();
      throw new IllegalStateException("FFmpeg's MJPEG decoder cannot be opened");
    }
  }

  /**
   * The frame's BGR pixels and luma statistics, or null when FFmpeg cannot decode it or it is not a
   * plain YCbCr or grey JPEG (the caller then tries OpenCV, which also tells a corrupt frame).
   */
  DecodedFrame decode(byte[] jpeg) {
    long size = jpeg.length + (long) AV_INPUT_BUFFER_PADDING_SIZE;
    if (input.capacity() < size) {
      input.close();
      input = new BytePointer(size);
    }
    input.position(0).limit(size).put(jpeg);
    input.position(jpeg.length).fill(0).position(0); // the decoder may read past the data
    packet.data(input);
    packet.size(jpeg.length);
    if (avcodec_send_packet(context, packet) < 0 || avcodec_receive_frame(context, frame) < 0) {
      avcodec_flush_buffers(context);
      return null;
    }
    try {
      if (!LUMA_FIRST.contains(frame.format())) {
        return null;
      }
      return toBgr(frame.width(), frame.height());
    } finally {
      av_frame_unref(frame);
    }
  }

  private DecodedFrame toBgr(int width, int height) {
    converter =
        sws_getCachedContext(
            converter,
            width,
            height,
            frame.format(),
            width,
            height,
            AV_PIX_FMT_BGR24,
            SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    Mat bgr = new Mat(height, width, CV_8UC3);
    target.put(0, bgr.data());
    targetStride.put(0, (int) bgr.step());
    sws_scale(converter, frame.data(), frame.linesize(), 0, height, target, targetStride);
    try (Mat luma = new Mat(height, width, CV_8UC1, frame.data(0), frame.linesize(0))) {
      return DecodedFrame.withLuma(bgr, luma);
    }
  }

  @Override
  public void close() {
    sws_freeContext(converter);
    converter = null;
    avcodec_free_context(context);
    av_packet_free(packet);
    av_frame_free(frame);
    input.close();
    target.close();
    targetStride.close();
  }
}
