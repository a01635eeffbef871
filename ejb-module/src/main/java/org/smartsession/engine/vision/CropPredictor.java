package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * What every model stage does the same way: the crop cut with {@code warpAffine} straight from the
 * frame into a reused buffer, converted to RGB floats in place, and handed to libtorch as that
 * buffer's own memory, so that no pixel is touched or copied from Java. Owns one predictor and its
 * buffers; not thread-safe.
 */
final class CropPredictor implements CropModel, AutoCloseable {
  private final Predictor<NDList, NDList> predictor;
  private final NDManager manager;
  private final Shape shape;
  private final double scale;
  private final double offset;

  private final Size square;
  private final Mat affine = new Mat(2, 3, CV_64F);
  private final DoubleIndexer affineValues = affine.createIndexer();
  private final Scalar black = new Scalar(0, 0, 0, 0);
  private final Mat pixels;
  private final Mat rgb = new Mat();
  private final Mat floats = new Mat();

  /**
   * A model whose input is a {@code size}×{@code size} RGB image of floats {@code pixel * scale +
   * offset}; each call's arrays are made in a sub-manager of {@code manager}.
   */
  CropPredictor(
      Predictor<NDList, NDList> predictor,
      NDManager manager,
      int size,
      double scale,
      double offset) {
    this.predictor = predictor;
    this.manager = manager;
    this.shape = new Shape(1, size, size, 3);
    this.scale = scale;
    this.offset = offset;
    this.square = new Size(size, size);
    this.pixels = new Mat(size, size, CV_8UC3);
  }

  @Override
  public void prepare(Mat bgr, CropTransform crop) {
    crop.writeTo(affineValues);
    warpAffine(
        bgr, pixels, affine, square, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, black);
    cvtColor(pixels, rgb, COLOR_BGR2RGB);
    rgb.convertTo(floats, CV_32FC3, scale, offset);
  }

  @Override
  public float[][] forward() throws TranslateException {
    try (NDManager call = manager.newSubManager()) {
      NDList out =
          predictor.predict(
              new NDList(
                  call.create(
                      floats
                          .data()
                          .capacity(floats.total() * floats.elemSize())
                          .asByteBuffer()
                          .order(ByteOrder.nativeOrder()),
                      shape,
                      DataType.FLOAT32)));
      float[][] values = new float[out.size()][];
      for (int i = 0; i < values.length; i++) {
        values[i] = out.get(i).toFloatArray();
      }
      out.close();
      return values;
    }
  }

  @Override
  public void close() {
    predictor.close();
    affineValues.close();
    square.close();
    black.close();
    affine.close();
    pixels.close();
    rgb.close();
    floats.close();
  }
}
