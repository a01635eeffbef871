package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.smartsession.engine.analysis.ImageAnalysis;
import org.smartsession.engine.image.FrameRejectedException;
import org.smartsession.engine.session.LimitReachedException;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;
import org.smartsession.model.face.Landmarks;
import org.smartsession.model.protocol.VideoFrame;

/**
 * {@code POST /api/v1/analyze}: faces, 478 landmarks and head pose of one JPEG, sent as the body
 * ({@code image/jpeg}) or as a data URL in JSON ({@code {"image":"data:image/jpeg;base64,..."}}). A
 * diagnostics tool for deployers, for admins only; it stores nothing.
 */
@Path("analyze")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyzeResource {

  @Inject ImageAnalysis analysis;
  @Inject TeacherAccess access;

  /** JSON body: the image as a JPEG data URL. */
  public record ImageBody(String image) {}

  /**
   * One face: box and scores, landmarks as [x, y, z] in image pixels, pose in degrees. A face
   * beyond the mesh's limit has its detector box and score only.
   */
  public record FaceResult(
      Map<String, Double> box,
      double score,
      Double presence,
      float[][] landmarks,
      Map<String, Double> pose) {}

  /** {@code faceCount}: every face found, with or without a mesh. */
  public record Result(
      int width, int height, int faceCount, List<FaceResult> faces, Map<String, Double> timings) {}

  @POST
  @Consumes("image/jpeg")
  public Result analyzeJpeg(byte[] jpeg) throws LimitReachedException {
    return run(jpeg);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Result analyzeDataUrl(ImageBody body) throws LimitReachedException {
    access.admin();
    if (body == null
        || body.image() == null
        || !body.image().startsWith(VideoFrame.JPEG_DATA_URL_PREFIX)) {
      throw ApiException.badRequest(
          "send {\"image\":\"" + VideoFrame.JPEG_DATA_URL_PREFIX + "...\"} or an image/jpeg body");
    }
    byte[] jpeg;
    try {
      jpeg =
          Base64.getDecoder()
              .decode(body.image().substring(VideoFrame.JPEG_DATA_URL_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("the image is not valid base64");
    }
    return run(jpeg);
  }

  private Result run(byte[] jpeg) throws LimitReachedException {
    access.admin();
    if (jpeg == null || jpeg.length == 0) {
      throw ApiException.badRequest("the image is empty");
    }
    FaceAnalysis a;
    try {
      a = analysis.analyze(jpeg);
    } catch (FrameRejectedException e) {
      throw new ApiException(Response.Status.BAD_REQUEST, "INVALID_IMAGE", e.getMessage());
    } catch (ImageAnalysis.UnavailableException e) {
      throw new ApiException(
          Response.Status.SERVICE_UNAVAILABLE, "ANALYSIS_UNAVAILABLE", e.getMessage());
    }
    return new Result(
        a.width(),
        a.height(),
        a.faceCount(),
        a.faces().stream().map(AnalyzeResource::face).toList(),
        a.timingsMs());
  }

  private static FaceResult face(Face f) {
    Map<String, Double> box =
        Map.of(
            "x",
            f.box().x(),
            "y",
            f.box().y(),
            "width",
            f.box().width(),
            "height",
            f.box().height());
    if (!f.hasLandmarks()) {
      return new FaceResult(box, f.score(), null, null, null);
    }
    float[][] points = new float[Landmarks.COUNT][];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      points[i] = new float[] {f.landmarks().x(i), f.landmarks().y(i), f.landmarks().z(i)};
    }
    return new FaceResult(
        box,
        f.score(),
        f.presence(),
        points,
        Map.of("pitch", f.pose().pitch(), "yaw", f.pose().yaw(), "roll", f.pose().roll()));
  }
}
