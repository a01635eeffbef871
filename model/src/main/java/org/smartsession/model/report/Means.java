package org.smartsession.model.report;

import java.util.Objects;
import java.util.stream.Stream;

/** The mean of the values present; null when there are none. */
final class Means {
  private Means() {}

  static Double of(Stream<Double> values) {
    double[] sumAndCount = new double[2];
    values
        .filter(Objects::nonNull)
        .forEach(
            v -> {
              sumAndCount[0] += v;
              sumAndCount[1]++;
            });
    return sumAndCount[1] == 0 ? null : sumAndCount[0] / sumAndCount[1];
  }
}
