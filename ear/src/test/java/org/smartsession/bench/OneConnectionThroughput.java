package org.smartsession.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.smartsession.model.protocol.ProtocolCodec;
import org.smartsession.model.protocol.VideoFrame;

/**
 * How many frames one student connection pushes through a running server: each frame is sent when
 * the previous one's FEEDBACK arrives, for {@code seconds}, and the round trips are timed. Start
 * the server first, for example with face analysis off to measure decoding and validation alone:
 * {@code SMARTSESSION_VISION_ENABLED=false mvn -Prun package}. Then: {@code java -cp ...
 * org.smartsession.bench.OneConnectionThroughput http://127.0.0.1:8080/ 20}.
 */
public final class OneConnectionThroughput {
  private OneConnectionThroughput() {}

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    // The development sign-in of the quick start, as the README's curl commands use it.
    http.send(
        HttpRequest.newBuilder(base.resolve("auth/dev-login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("name=bench&role=teacher"))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    String session =
        post(http, base.resolve("api/v1/sessions"), "{\"name\":\"Throughput\"}")
            .getString("sessionId");
    JsonObject joined =
        post(
            http,
            base.resolve("api/v1/sessions/" + session + "/students"),
            "{\"studentId\":\"BENCH\",\"name\":\"Bench\"}");
    // The join answer's path carries the student's token, which the socket requires.
    URI socket =
        URI.create(
            "ws://" + base.getAuthority() + base.getPath() + joined.getString("webSocketPath"));
    LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
    WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(
                socket,
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      replies.add(text.toString());
                      text.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }
                })
            .join();
    ProtocolCodec codec = new ProtocolCodec();
    String dataUrl =
        "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(webcamLikeJpeg());
    List<Double> roundTrips = new ArrayList<>();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long timestamp = System.currentTimeMillis();
    while (System.nanoTime() < end) {
      long t = System.nanoTime();
      ws.sendText(codec.encode(new VideoFrame("BENCH", session, timestamp++, dataUrl, null)), true)
          .join();
      String reply = replies.poll(10, TimeUnit.SECONDS);
      if (reply == null || !reply.contains("\"FEEDBACK\"")) {
        throw new IllegalStateException("expected FEEDBACK, got " + reply);
      }
      roundTrips.add((System.nanoTime() - t) / 1e6);
    }
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    Collections.sort(roundTrips);
    System.out.printf(
        Locale.ROOT,
        "one connection: %.0f frames/s (%d frames of %d bytes in %d s), round trip median %.2f ms, p99 %.2f ms%n",
        roundTrips.size() / (double) seconds,
        roundTrips.size(),
        dataUrl.length(),
        seconds,
        roundTrips.get(roundTrips.size() / 2),
        roundTrips.get(roundTrips.size() * 99 / 100));
  }

  private static JsonObject post(HttpClient http, URI uri, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  /** 640×480, smooth shading plus sensor-like noise: about the size of a webcam JPEG. */
  static byte[] webcamLikeJpeg() throws Exception {
    BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Random noise = new Random(7);
    for (int y = 0; y < 480; y++) {
      for (int x = 0; x < 640; x++) {
        int base = 60 + (x + y) / 8;
        int v = Math.min(255, base + noise.nextInt(16));
        image.setRGB(x, y, (Math.min(255, v + 30) << 16) | (Math.min(255, v + 15) << 8) | v);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }
}
