package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The diagnostics endpoint with the real face models loaded by the deployed application. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnalyzeIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;
  private Server server;

  @BeforeEach
  void connect() throws Exception {
    server = new Server(deployed);
    server.signIn("root", "admin");
  }

  @Test
  void isForAdminsOnly() throws Exception {
    Server anonymous = new Server(deployed);
    assertEquals(
        401,
        anonymous
            .post("api/v1/analyze", "image/jpeg", Frames.fixture("astronaut.jpg"))
            .statusCode());
    Server teacher = new Server(deployed);
    teacher.signIn("ada", "teacher");
    HttpResponse<String> r =
        teacher.post("api/v1/analyze", "image/jpeg", Frames.fixture("astronaut.jpg"));
    assertEquals(403, r.statusCode(), r.body());
    assertEquals("FORBIDDEN", Server.json(r.body()).getString("error"));
  }

  @Test
  void findsTheFaceInAJpegWithLandmarksAndPose() throws Exception {
    HttpResponse<String> r =
        server.post("api/v1/analyze", "image/jpeg", Frames.fixture("astronaut.jpg"));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject result = Server.json(r.body());
    JsonArray faces = result.getJsonArray("faces");
    assertEquals(1, faces.size());
    assertEquals(1, result.getInt("faceCount"));
    JsonObject face = faces.getJsonObject(0);
    assertEquals(478, face.getJsonArray("landmarks").size());
    assertEquals(3, face.getJsonArray("landmarks").getJsonArray(0).size());
    JsonObject box = face.getJsonObject("box");
    JsonArray nose = face.getJsonArray("landmarks").getJsonArray(1);
    double noseX = nose.getJsonNumber(0).doubleValue();
    assertTrue(noseX > box.getJsonNumber("x").doubleValue());
    assertTrue(
        noseX < box.getJsonNumber("x").doubleValue() + box.getJsonNumber("width").doubleValue());
    assertTrue(face.getJsonObject("pose").containsKey("yaw"));
    assertTrue(result.getJsonObject("timings").containsKey("mesh"));
  }

  @Test
  void acceptsADataUrlAndFindsASmallSecondFace() throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("image", Frames.dataUrl(Frames.fixture("two-people.jpg")))
            .build()
            .toString();
    HttpResponse<String> r = server.post("api/v1/analyze", body);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(2, Server.json(r.body()).getJsonArray("faces").size());
  }

  @Test
  void countsEveryFaceOfAGroupLargerThanTheMeshLimit() throws Exception {
    // Five people; the mesh runs on the default four, the fifth is counted from its detection.
    HttpResponse<String> r =
        server.post("api/v1/analyze", "image/jpeg", Frames.fixture("sample5.jpg"));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject result = Server.json(r.body());
    assertEquals(5, result.getInt("faceCount"));
    JsonArray faces = result.getJsonArray("faces");
    assertEquals(5, faces.size());
    long meshed = faces.stream().filter(f -> f.asJsonObject().containsKey("landmarks")).count();
    assertEquals(4, meshed);
  }

  @Test
  void refusesWhatIsNotAJpegWithAClearError() throws Exception {
    HttpResponse<String> notJpeg =
        server.post("api/v1/analyze", "image/jpeg", "GIF89a not a jpeg".getBytes());
    assertEquals(400, notJpeg.statusCode());
    assertEquals("INVALID_IMAGE", Server.json(notJpeg.body()).getString("error"));

    HttpResponse<String> empty = server.post("api/v1/analyze", "image/jpeg", new byte[0]);
    assertEquals(400, empty.statusCode());

    HttpResponse<String> badJson = server.post("api/v1/analyze", "{\"image\":\"http://x\"}");
    assertEquals(400, badJson.statusCode());
    assertTrue(Server.json(badJson.body()).getString("message").contains("data:image/jpeg"));

    HttpResponse<String> png = server.post("api/v1/analyze", "image/png", new byte[] {1, 2});
    assertEquals(415, png.statusCode());
    assertTrue(Server.json(png.body()).containsKey("error"));
  }
}
