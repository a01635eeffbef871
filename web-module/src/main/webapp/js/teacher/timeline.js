import { ACTIVE_SERIES, CONFUSION_SERIES, ENGAGEMENT_SERIES, createShareChart } from './charts.js';

/** The session's average confusion and engagement (and share of students active) since it began. */
export class Timeline {
  #chart;
  #container;
  #state;
  #drawnAffect = null;

  constructor(container, state) {
    this.#state = state;
    this.#container = container;
    this.#chart = createShareChart(
      container,
      [
        { ...CONFUSION_SERIES, label: 'Average confusion' },
        { ...ENGAGEMENT_SERIES, label: 'Average engagement' },
        ACTIVE_SERIES,
      ],
      state.timeline.columns,
      220,
    );
  }

  render() {
    const { timeline, affectInference } = this.#state;
    const plot = this.#chart.plot;
    if (this.#drawnAffect !== affectInference) {
      plot.setSeries(1, { show: affectInference });
      plot.setSeries(2, { show: affectInference });
      this.#container.classList.toggle('affect-off', !affectInference);
      this.#drawnAffect = affectInference;
    }
    plot.setData(timeline.columns);
  }
}
