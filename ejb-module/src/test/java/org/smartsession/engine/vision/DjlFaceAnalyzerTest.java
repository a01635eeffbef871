package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.FrameLimits;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.engine.image.JpegFrameDecoder;

/** The analyzer's predictors and buffers: as many as calls ran at once, not one per thread. */
class DjlFaceAnalyzerTest {
  private static DjlFaceAnalyzer analyzer;
  private static final JpegFrameDecoder DECODER = new JpegFrameDecoder(FrameLimits.DEFAULTS);
  private static byte[] jpeg;

  @BeforeAll
  static void load() throws Exception {
    analyzer = new DjlFaceAnalyzer();
    analyzer.settings = VisionSettings.DEFAULTS;
    analyzer.load(null);
    assertTrue(analyzer.isReady(), analyzer.failure());
    jpeg = VisionStageTimes.oneFaceJpeg();
  }

  @AfterAll
  static void unload() {
    analyzer.unload();
    DECODER.close();
  }

  private static int faces() throws Exception {
    try (DecodedFrame frame = DECODER.decode(jpeg)) {
      return analyzer.analyze(frame).faces().size();
    }
  }

  @Test
  void manyThreadsOneAtATimeShareOneWorkerAndTwoAtOnceTwo() throws Exception {
    // Twenty threads, one after another (like requests on a server's HTTP threads).
    for (int i = 0; i < 20; i++) {
      ExecutorService one = Executors.newSingleThreadExecutor();
      assertEquals(1, one.submit(DjlFaceAnalyzerTest::faces).get());
      one.shutdown();
    }
    assertEquals(1, analyzer.workerCount(), "one call at a time: one worker");

    ExecutorService two = Executors.newFixedThreadPool(2);
    CyclicBarrier together = new CyclicBarrier(2);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      results.add(
          two.submit(
              () -> {
                int found = 0;
                for (int i = 0; i < 5; i++) {
                  together.await();
                  found += faces();
                }
                return found;
              }));
    }
    for (Future<Integer> r : results) {
      assertEquals(5, r.get());
    }
    two.shutdown();
    assertTrue(analyzer.workerCount() <= 2, "workers: " + analyzer.workerCount());
  }
}
