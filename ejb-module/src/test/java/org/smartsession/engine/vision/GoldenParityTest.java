package org.smartsession.engine.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ZooModel;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The converted models, loaded through DJL as the application loads them, reproduce the outputs of
 * the original TF.js models on the golden inputs ({@code vision/golden/manifest.json}, see the
 * model conversion README): every element within the manifest's tolerance, and no element off by
 * more than {@link #MAX_ABS_DIFF}.
 */
class GoldenParityTest {
  private static final String GOLDEN = "/vision/golden/";

  /** A flat bound on top of the manifest's element-wise rule: looser, but simple to state. */
  static final double MAX_ABS_DIFF = 1e-3;

  private static JsonObject manifest;
  private static FaceModels loaded;

  @BeforeAll
  static void readManifest() throws IOException {
    manifest = readManifestResource();
  }

  @AfterAll
  static void unload() {
    if (loaded != null) {
      loaded.close();
      loaded = null;
    }
  }

  private static JsonObject readManifestResource() throws IOException {
    try (InputStream in = GoldenParityTest.class.getResourceAsStream(GOLDEN + "manifest.json")) {
      assertNotNull(in, "golden manifest");
      try (JsonReader reader = Json.createReader(in)) {
        return reader.readObject();
      }
    }
  }

  static Stream<String> cases() throws IOException {
    return readManifestResource().getJsonArray("cases").getValuesAs(JsonObject.class).stream()
        .map(c -> c.getString("id"));
  }

  @Test
  void manifestCoversEveryModelAndOutput() {
    JsonArray cases = manifest.getJsonArray("cases");
    List<String> models =
        cases.getValuesAs(JsonObject.class).stream()
            .map(c -> c.getString("model"))
            .distinct()
            .sorted()
            .toList();
    assertEquals(
        List.of("face-detector-full", "face-detector-short", "face-mesh-attention"), models);
    for (JsonObject c : cases.getValuesAs(JsonObject.class)) {
      assertFalse(c.getJsonArray("outputs").isEmpty(), c.getString("id"));
    }
    assertEquals(
        manifest.getJsonObject("models").keySet().stream().sorted().toList(), models, "models");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void convertedModelMatchesTheOriginal(String id) throws Exception {
    JsonObject c = caseById(id);
    JsonObject input = c.getJsonObject("input");
    JsonObject tolerance = manifest.getJsonObject("tolerance");
    double abs = tolerance.getJsonNumber("absolute").doubleValue();
    double rel = tolerance.getJsonNumber("relative").doubleValue();
    List<JsonObject> outputs = c.getJsonArray("outputs").getValuesAs(JsonObject.class);
    List<Output> result = run(c.getString("model"), input);
    assertTrue(
        result.size() >= outputs.size(),
        id + ": " + result.size() + " outputs, manifest lists " + outputs.size());

    StringBuilder failures = new StringBuilder();
    for (int o = 0; o < outputs.size(); o++) {
      JsonObject output = outputs.get(o);
      String name = output.getString("name");
      long[] expectedShape = shape(output.getJsonArray("shape"));
      assertEquals(new Shape(expectedShape), result.get(o).shape(), id + " " + name + " shape");
      float[] golden = readFloats(output.getString("file"));
      float[] actual = result.get(o).values();
      assertEquals(golden.length, actual.length, id + " " + name + " size");

      Comparison cmp = Comparison.of(actual, golden, abs, rel);
      System.out.printf(
          "parity %-22s %-16s max |diff| %.3e at %d (golden %.4f), %d of %d outside tolerance%n",
          id,
          name,
          cmp.maxAbs,
          cmp.worst,
          cmp.worst < 0 ? Float.NaN : golden[cmp.worst],
          cmp.outside,
          golden.length);
      if (cmp.outside > 0) {
        failures.append(
            String.format(
                "%s %s: %d elements outside %.0e + %.0e*|golden|, first at %d: %s vs golden %s%n",
                id,
                name,
                cmp.outside,
                abs,
                rel,
                cmp.firstOutside,
                actual[cmp.firstOutside],
                golden[cmp.firstOutside]));
      }
      if (!(cmp.maxAbs <= MAX_ABS_DIFF)) {
        failures.append(
            String.format(
                "%s %s: max |diff| %.3e above %.0e at %d%n",
                id, name, cmp.maxAbs, MAX_ABS_DIFF, cmp.worst));
      }
    }
    assertTrue(failures.isEmpty(), failures::toString);
  }

  /**
   * The check tells inputs apart: another input's output, through the same model, is far outside
   * the tolerance. Guards against golden files that any output would match.
   */
  @Test
  void anotherInputsOutputIsRejected() throws Exception {
    JsonObject tolerance = manifest.getJsonObject("tolerance");
    double abs = tolerance.getJsonNumber("absolute").doubleValue();
    double rel = tolerance.getJsonNumber("relative").doubleValue();
    Map<String, List<JsonObject>> byModel =
        manifest.getJsonArray("cases").getValuesAs(JsonObject.class).stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.getString("model"), TreeMap::new, Collectors.toList()));
    for (Map.Entry<String, List<JsonObject>> e : byModel.entrySet()) {
      List<JsonObject> cases = e.getValue();
      assertTrue(cases.size() >= 2, e.getKey() + " needs two golden cases");
      JsonObject first = cases.get(0);
      JsonObject second = cases.get(1);
      float[] actual = run(e.getKey(), first.getJsonObject("input")).get(0).values();
      float[] other = readFloats(second.getJsonArray("outputs").getJsonObject(0).getString("file"));
      Comparison cmp = Comparison.of(actual, other, abs, rel);
      assertTrue(
          cmp.outside > other.length / 10 && cmp.maxAbs > MAX_ABS_DIFF,
          e.getKey()
              + ": output of "
              + first.getString("id")
              + " passes as "
              + second.getString("id"));
    }
  }

  /** Element-wise comparison with the golden output; NaN counts as outside. */
  private record Comparison(double maxAbs, int worst, int outside, int firstOutside) {
    static Comparison of(float[] actual, float[] golden, double abs, double rel) {
      double maxAbs = 0;
      int worst = -1;
      int outside = 0;
      int firstOutside = -1;
      for (int i = 0; i < golden.length; i++) {
        double diff = Math.abs((double) actual[i] - golden[i]);
        if (!(diff <= abs + rel * Math.abs(golden[i]))) {
          if (outside++ == 0) {
            firstOutside = i;
          }
        }
        if (!(diff <= maxAbs)) {
          maxAbs = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
          worst = i;
        }
      }
      return new Comparison(maxAbs, worst, outside, firstOutside);
    }
  }

  private record Output(float[] values, Shape shape) {}

  /** Runs the named model once on a golden input. */
  private static List<Output> run(String modelName, JsonObject input) throws Exception {
    long[] inputShape = shape(input.getJsonArray("shape"));
    float[] in = readFloats(input.getString("file"));
    assertEquals(new Shape(inputShape).size(), in.length, input.getString("file") + " size");
    ZooModel<NDList, NDList> model = model(modelName);
    try (Predictor<NDList, NDList> predictor = model.newPredictor();
        NDManager manager = model.getNDManager().newSubManager()) {
      NDList result = predictor.predict(new NDList(manager.create(in, new Shape(inputShape))));
      List<Output> outputs = new ArrayList<>();
      for (NDArray a : result) {
        outputs.add(new Output(a.toFloatArray(), a.getShape()));
      }
      result.close();
      return outputs;
    }
  }

  private static JsonObject caseById(String id) {
    return manifest.getJsonArray("cases").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no case " + id));
  }

  /**
   * The model named in the manifest, from the application's own {@link FaceModels} (class path
   * resource, DJL criteria, PyTorch engine, offline).
   */
  private static ZooModel<NDList, NDList> model(String name) throws Exception {
    String file = manifest.getJsonObject("models").getString(name);
    assertTrue(file.startsWith(FaceModels.RESOURCE_DIR), file);
    String fileName = file.substring(FaceModels.RESOURCE_DIR.length());
    if (fileName.equals(FaceModels.MESH)) {
      return models().mesh;
    }
    for (DetectorSpec spec : DetectorSpec.values()) {
      if (spec.file.equals(fileName)) {
        return models().detector(spec);
      }
    }
    throw new AssertionError("no model of the application is loaded from " + file);
  }

  private static FaceModels models() throws Exception {
    if (loaded == null) {
      loaded = FaceModels.loadBundled();
    }
    return loaded;
  }

  private static long[] shape(JsonArray dims) {
    return dims.getValuesAs(JsonValue.class).stream()
        .mapToLong(v -> ((JsonNumber) v).longValueExact())
        .toArray();
  }

  /** Raw little-endian float32. */
  static float[] readFloats(String file) throws IOException {
    try (InputStream in = GoldenParityTest.class.getResourceAsStream(GOLDEN + file)) {
      assertNotNull(in, file);
      byte[] bytes = in.readAllBytes();
      assertEquals(0, bytes.length % Float.BYTES, file + " length");
      float[] values = new float[bytes.length / Float.BYTES];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      return values;
    }
  }
}
