import { h, setText } from '../dom.js';
import { onLanguageChange, t } from '../i18n.js';
import { statusInfo } from '../protocol.js';
import { agoText, percentText } from './summary.js';

const MIN_TILE_WIDTH = 190;
const TILE_HEIGHT = 112;
const GAP = 10;
const OVERSCAN_ROWS = 2;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
const nullsLast = (a, b, descending) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return descending ? b - a : a - b;
};

/** A sort order whose label is in the page's language each time it is read. */
function sortOrder(label, compare) {
  return Object.freeze(Object.defineProperty({ compare }, 'label', { get: label, enumerable: true }));
}

/** Sort orders offered to the teacher; the comparators get the dashboard state, for open alerts. */
export const SortOrders = Object.freeze({
  name: sortOrder(
    () => t('dashboard.sort.name', {}, 'Name'),
    (a, b) => byName(a, b),
  ),
  attention: sortOrder(
    () => t('dashboard.sort.attention', {}, 'Needs attention first'),
    (a, b, state) =>
      Number(state.hasOpenAlert(b.id)) - Number(state.hasOpenAlert(a.id)) ||
      statusInfo(a.status).rank - statusInfo(b.status).rank ||
      nullsLast(a.confusion, b.confusion, true) ||
      byName(a, b),
  ),
  confusion: sortOrder(
    () => t('dashboard.sort.confusion', {}, 'Confusion, highest first'),
    (a, b) => nullsLast(a.confusion, b.confusion, true) || byName(a, b),
  ),
  engagement: sortOrder(
    () => t('dashboard.sort.engagement', {}, 'Engagement, lowest first'),
    (a, b) => nullsLast(a.engagement, b.engagement, false) || byName(a, b),
  ),
  lastFrame: sortOrder(
    () => t('dashboard.sort.lastFrame', {}, 'Last frame, oldest first'),
    (a, b) => (a.lastFrameAt ?? 0) - (b.lastFrameAt ?? 0) || byName(a, b),
  ),
});

/** The filter value that keeps only students with an unacknowledged alert. */
export const ALERT_FILTER = 'ALERT';

/**
 * The student grid. Only the tiles in view (plus a little overscan) exist in the DOM; they are
 * recycled as the teacher scrolls, and a tile's content is rewritten only when its student's
 * record changed, or the page's language. Arrow keys move between tiles (one tile is in the tab
 * order at a time).
 */
export class StudentGrid {
  #viewport;
  #sizer;
  #empty;
  #state;
  #onOpen;
  #requestRender;
  #tiles = new Map();
  #free = [];
  #ordered = [];
  #seenVersion = -1;
  #listDirty = true;
  #width = 0;
  #height = 0;
  #columns = 1;
  #current = null;
  sort = 'name';
  statusFilter = '';
  search = '';

  #count;

  constructor({ viewport, empty, count, state, onOpen, requestRender }) {
    this.#viewport = viewport;
    this.#count = count;
    this.#empty = empty;
    this.#state = state;
    this.#onOpen = onOpen;
    this.#requestRender = requestRender;
    this.#sizer = h('div', { class: 'grid-sizer' });
    viewport.append(this.#sizer);
    viewport.addEventListener('scroll', () => requestRender(), { passive: true });
    new ResizeObserver(([entry]) => {
      this.#width = entry.contentRect.width;
      this.#height = entry.contentRect.height;
      requestRender();
    }).observe(viewport);
    this.#sizer.addEventListener('click', (event) => {
      const tile = event.target.closest('.tile');
      if (tile) this.#onOpen(tile.dataset.studentId);
    });
    this.#sizer.addEventListener('keydown', (event) => this.#onKey(event));
    this.#sizer.addEventListener('focusin', (event) => {
      const tile = event.target.closest('.tile');
      if (tile) this.#current = tile.dataset.studentId;
    });
    // Every tile's words again, in the new language, at the next render.
    onLanguageChange(() => {
      for (const tile of this.#tiles.values()) tile.version = -1;
      requestRender();
    });
  }

  /** Ids of the students shown, in order, after filter and sort. */
  get shown() {
    return this.#ordered;
  }

  setView({ sort, statusFilter, search }) {
    if (sort !== undefined && Object.hasOwn(SortOrders, sort)) this.sort = sort;
    if (statusFilter !== undefined) this.statusFilter = statusFilter;
    if (search !== undefined) this.search = search.trim().toLowerCase();
    this.#listDirty = true;
    this.#requestRender();
  }

  render(now = Date.now()) {
    if (this.#listDirty || this.#seenVersion !== this.#state.version) this.#orderStudents();
    const count = this.#ordered.length;
    const total = this.#state.students.size;
    this.#empty.hidden = total > 0;
    const counted =
      total === 1
        ? t('dashboard.grid.studentsOne', { count: total }, '{count} student')
        : t('dashboard.grid.studentsMany', { count: total }, '{count} students');
    setText(
      this.#count,
      count === total ? counted : t('dashboard.grid.showing', { count, total }, 'Showing {count} of {total}'),
    );
    const width = this.#width || this.#viewport.clientWidth;
    const columns = Math.max(1, Math.floor((width + GAP) / (MIN_TILE_WIDTH + GAP)));
    const tileWidth = Math.floor((width - GAP * (columns - 1)) / columns);
    const rowHeight = TILE_HEIGHT + GAP;
    this.#columns = columns;
    const height = `${Math.ceil(count / columns) * rowHeight}px`;
    if (this.#sizer.style.height !== height) this.#sizer.style.height = height;

    const scrollTop = this.#viewport.scrollTop;
    const viewHeight = this.#height || this.#viewport.clientHeight;
    const firstRow = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN_ROWS);
    const lastRow = Math.ceil((scrollTop + viewHeight) / rowHeight) + OVERSCAN_ROWS;
    const first = firstRow * columns;
    const last = Math.min(count, lastRow * columns);

    const placements = [];
    for (let i = first; i < last; i += 1) placements.push([this.#ordered[i], i]);
    // A focused tile stays in the DOM even when it moves out of view, so focus is never lost.
    const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('.tile');
    if (focused && this.#tiles.has(focused.dataset.studentId)) {
      const index = this.#ordered.indexOf(focused.dataset.studentId);
      if (index >= 0 && (index < first || index >= last)) placements.push([focused.dataset.studentId, index]);
    }
    const wanted = new Set(placements.map(([id]) => id));
    if (this.#current === null || !this.#state.students.has(this.#current)) this.#current = this.#ordered[0] ?? null;

    for (const [id, tile] of this.#tiles) {
      if (!wanted.has(id) || !this.#state.students.has(id)) {
        this.#tiles.delete(id);
        tile.element.remove();
        tile.id = null;
        this.#free.push(tile);
      }
    }
    const affect = this.#state.affectInference;
    for (const [id, index] of placements) {
      let tile = this.#tiles.get(id);
      if (!tile) {
        tile = this.#free.pop() || this.#createTile();
        tile.id = id;
        tile.version = -1;
        tile.element.dataset.studentId = id;
        this.#tiles.set(id, tile);
        this.#sizer.append(tile.element);
      }
      const x = (index % columns) * (tileWidth + GAP);
      const y = Math.floor(index / columns) * rowHeight;
      if (tile.x !== x || tile.y !== y) {
        tile.element.style.transform = `translate(${x}px, ${y}px)`;
        tile.x = x;
        tile.y = y;
      }
      if (tile.width !== tileWidth) {
        tile.element.style.width = `${tileWidth}px`;
        tile.width = tileWidth;
      }
      tile.element.tabIndex = id === this.#current ? 0 : -1;
      this.#fillTile(tile, this.#state.students.get(id), affect, now);
    }
  }

  #orderStudents() {
    const state = this.#state;
    const { compare } = SortOrders[this.sort];
    const search = this.search;
    const filter = this.statusFilter;
    const list = [];
    for (const id of state.order) {
      const student = state.students.get(id);
      if (filter === ALERT_FILTER ? !state.hasOpenAlert(id) : filter && student.status !== filter) continue;
      if (search && !student.name.toLowerCase().includes(search) && !id.toLowerCase().includes(search)) continue;
      list.push(student);
    }
    list.sort((a, b) => compare(a, b, state));
    this.#ordered = list.map((student) => student.id);
    this.#seenVersion = state.version;
    this.#listDirty = false;
  }

  #createTile() {
    const parts = {
      name: h('span', { class: 'tile-name' }),
      alert: h('span', { class: 'tile-alert', text: t('dashboard.tile.alert', {}, '⚠ Alert') }),
      glyph: h('span', { class: 'tile-glyph', 'aria-hidden': 'true' }),
      status: h('span', { class: 'tile-status-label' }),
      confusion: h('span', { class: 'tile-score-text' }),
      engagement: h('span', { class: 'tile-score tile-engagement' }),
      meterFill: h('span', { class: 'tile-meter-fill' }),
      seen: h('span', { class: 'tile-seen' }),
    };
    parts.meter = h('span', { class: 'tile-meter', 'aria-hidden': 'true' }, parts.meterFill);
    const element = h(
      'button',
      { type: 'button', class: 'tile' },
      h('span', { class: 'tile-head' }, parts.name, parts.alert),
      h('span', { class: 'tile-status' }, parts.glyph, parts.status),
      h('span', { class: 'tile-score' }, parts.confusion, parts.meter),
      parts.engagement,
      parts.seen,
    );
    return { element, parts, id: null, version: -1, x: null, y: null, width: null, alert: null, affect: null };
  }

  #fillTile(tile, student, affect, now) {
    const { parts, element } = tile;
    const alert = this.#state.hasOpenAlert(student.id);
    if (tile.version !== student.version || tile.alert !== alert || tile.affect !== affect) {
      const info = statusInfo(student.status);
      setText(parts.name, student.name);
      setText(parts.glyph, info.glyph);
      setText(parts.status, info.label);
      element.dataset.status = student.status;
      element.dataset.alert = String(alert);
      parts.alert.hidden = !alert;
      setText(parts.alert, t('dashboard.tile.alert', {}, '⚠ Alert'));
      if (affect) {
        setText(
          parts.confusion,
          t('dashboard.tile.confusion', { percent: percentText(student.confusion) }, 'Confusion {percent}'),
        );
        setText(
          parts.engagement,
          t('dashboard.tile.engagement', { percent: percentText(student.engagement) }, 'Engagement {percent}'),
        );
        parts.meter.hidden = false;
        parts.meterFill.style.width = `${Math.round((student.confusion ?? 0) * 100)}%`;
      } else {
        setText(
          parts.confusion,
          student.faces === null
            ? t('dashboard.tile.presenceOnly', {}, 'Presence only')
            : t('dashboard.tile.faces', { count: student.faces }, 'Faces in view: {count}'),
        );
        setText(parts.engagement, '');
        parts.meter.hidden = true;
      }
      tile.version = student.version;
      tile.alert = alert;
      tile.affect = affect;
    }
    setText(
      parts.seen,
      t('dashboard.tile.lastFrame', { ago: agoText(student.lastFrameAt ?? undefined, now) }, 'Last frame {ago}'),
    );
  }

  #onKey(event) {
    const tile = event.target.closest('.tile');
    if (!tile) return;
    const index = this.#ordered.indexOf(tile.dataset.studentId);
    const columns = this.#columns;
    const page = columns * Math.max(1, Math.floor((this.#height || 400) / (TILE_HEIGHT + GAP)));
    const moves = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      ArrowDown: index + columns,
      ArrowUp: index - columns,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: this.#ordered.length - 1,
    };
    if (!Object.hasOwn(moves, event.key) || index < 0) return;
    event.preventDefault();
    this.focusIndex(Math.max(0, Math.min(this.#ordered.length - 1, moves[event.key])));
  }

  /** Scrolls the tile at index into view, renders, and focuses it. */
  focusIndex(index) {
    const id = this.#ordered[index];
    if (id === undefined) return;
    const rowHeight = TILE_HEIGHT + GAP;
    const top = Math.floor(index / this.#columns) * rowHeight;
    const viewHeight = this.#height || this.#viewport.clientHeight;
    const scrollTop = this.#viewport.scrollTop;
    if (top < scrollTop) this.#viewport.scrollTop = top;
    else if (top + TILE_HEIGHT > scrollTop + viewHeight) this.#viewport.scrollTop = top + TILE_HEIGHT - viewHeight;
    this.#current = id;
    this.render();
    const tile = this.#tiles.get(id);
    if (tile) tile.element.focus({ preventScroll: true });
  }
}
