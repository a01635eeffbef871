package org.smartsession.load;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Durations in milliseconds, collected from many threads, summarised as percentiles. */
final class Latencies {
  private final ConcurrentLinkedQueue<Double> values = new ConcurrentLinkedQueue<>();

  void add(double ms) {
    values.add(ms);
  }

  int count() {
    return values.size();
  }

  /** The durations added after the first {@code from} of them, in the order they came. */
  Latencies since(int from) {
    Latencies window = new Latencies();
    values.stream().skip(from).forEach(window::add);
    return window;
  }

  private double[] sorted() {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v;
  }

  /** The {@code p}-th percentile (nearest rank), or NaN when there are none. */
  double percentile(double p) {
    double[] v = sorted();
    if (v.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }

  JsonObjectBuilder toJson() {
    JsonObjectBuilder o = Json.createObjectBuilder().add("count", count());
    if (count() > 0) {
      o.add("p50", percentile(50))
          .add("p95", percentile(95))
          .add("p99", percentile(99))
          .add("max", percentile(100));
    }
    return o;
  }
}
