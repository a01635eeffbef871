/**
 * Fixed-capacity columns of numbers over time (time in seconds, then one column per series), kept
 * in the array-of-columns shape the chart library draws. The oldest points go when it is full.
 */
export class SeriesHistory {
  #capacity;
  columns;

  constructor(seriesCount, capacity) {
    this.#capacity = capacity;
    this.columns = Array.from({ length: seriesCount + 1 }, () => []);
  }

  get length() {
    return this.columns[0].length;
  }

  /** Adds a point; values may be null (a gap in the line). A point at the same second replaces it. */
  push(timeSeconds, ...values) {
    const times = this.columns[0];
    const last = times.length - 1;
    if (last >= 0 && times[last] === timeSeconds) {
      values.forEach((value, i) => (this.columns[i + 1][last] = value));
      return;
    }
    if (last >= 0 && timeSeconds < times[last]) return;
    times.push(timeSeconds);
    values.forEach((value, i) => this.columns[i + 1].push(value));
    if (times.length > this.#capacity) {
      // Dropping in chunks keeps the cost of shifting arrays rare.
      const excess = Math.ceil(this.#capacity / 10);
      for (const column of this.columns) column.splice(0, excess);
    }
  }

  /** Inserts earlier points (from the server's history) in front of what was received live. */
  prepend(points) {
    const first = this.length ? this.columns[0][0] : Infinity;
    const earlier = points.filter((point) => point[0] < first);
    if (!earlier.length) return;
    this.columns.forEach((column, i) => column.unshift(...earlier.map((point) => point[i] ?? null)));
  }
}
