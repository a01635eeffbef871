import { onLanguageChange, t } from '../i18n.js';
import { ACTIVE_SERIES, CONFUSION_SERIES, ENGAGEMENT_SERIES, createShareChart } from './charts.js';

/**
 * The session's average confusion and engagement (and share of students active) since it began.
 * A change of language draws the chart again, its legend in the new language.
 */
export class Timeline {
  #chart;
  #container;
  #state;
  #drawnAffect = null;

  constructor(container, state) {
    this.#state = state;
    this.#container = container;
    this.#chart = this.#createChart();
    onLanguageChange(() => {
      this.#chart.destroy();
      this.#chart = this.#createChart();
      this.#drawnAffect = null;
      this.render();
    });
  }

  #createChart() {
    return createShareChart(
      this.#container,
      [
        { ...CONFUSION_SERIES, label: t('dashboard.averageConfusion', {}, 'Average confusion') },
        { ...ENGAGEMENT_SERIES, label: t('dashboard.averageEngagement', {}, 'Average engagement') },
        ACTIVE_SERIES,
      ],
      this.#state.timeline.columns,
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
