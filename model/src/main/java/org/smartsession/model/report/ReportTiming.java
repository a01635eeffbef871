package org.smartsession.model.report;

/**
 * How history is read back as time: a point stands for at most {@code maxGapMs} (the idle time,
 * after which a student without frames shows as idle), the last one for {@code pointMs} (the
 * history interval); the summary over time has at most {@code maxBuckets} steps, none shorter than
 * a minute.
 */
public record ReportTiming(long maxGapMs, long pointMs, int maxBuckets) {
  public static final long MIN_BUCKET_MS = 60_000;

  public ReportTiming {
    if (maxGapMs < 1 || pointMs < 1 || maxBuckets < 1) {
      throw new IllegalArgumentException("gap, point time and buckets must be positive");
    }
    pointMs = Math.min(pointMs, maxGapMs);
  }

  /** The summary's step for a session of this length: whole minutes. */
  public long bucketMs(long spanMs) {
    long perBucket = (spanMs + maxBuckets - 1) / maxBuckets;
    long minutes = (perBucket + MIN_BUCKET_MS - 1) / MIN_BUCKET_MS;
    return Math.max(1, minutes) * MIN_BUCKET_MS;
  }
}
