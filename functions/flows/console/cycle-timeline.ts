/**
 * The layout of a cycle's timeline picture: where each phase's bar, each month on the axis and the
 * "today" line fall, in the SVG's own units. Plain arithmetic on instants, apart from the drawing
 * (cycle-timeline-svg.tsx), so it can be tested on its own. Months are Amsterdam's calendar months.
 */
import { TZDate } from '@date-fns/tz';
import type { PhaseStatus } from '../cycle';
import { ZONE, zoned } from '../../platform/time';

export interface TimelineRow {
  key: string;
  /** When the bar begins and ends: the planned dates, or what happened for a phase that is done. */
  start: string;
  end: string;
  status: PhaseStatus;
}

export interface Bar {
  key: string;
  status: PhaseStatus;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the phase's words go, above its bar: from its start, or ending at its end near the right edge. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
}

export interface Tick {
  /** The first moment of the month, Amsterdam time, as a UTC ISO instant. */
  at: string;
  x: number;
}

export interface Layout {
  width: number;
  height: number;
  /** The time span the axis shows, padded a little so no bar touches the edge. */
  from: string;
  to: string;
  /** The top of the first row, below the legend and the axis. */
  top: number;
  today: number;
  ticks: Tick[];
  bars: Bar[];
}

export const LAYOUT = {
  width: 1000,
  /** Left and right margin, so a label anchored at the edge stays inside. */
  margin: 16,
  /** Legend line, then the axis's month labels. */
  top: 64,
  rowHeight: 40,
  barHeight: 14,
  /** A phase of a moment (start and end at once, such as an agenda item) is still a visible mark. */
  minBar: 8,
  bottom: 16,
} as const;

const DAY = 86_400_000;

/** Month starts between the two instants, every `step` months, so the axis has at most `max` labels. */
export function monthTicks(from: number, to: number, max = 12): string[] {
  const first = zoned(from);
  let month = new TZDate(first.getFullYear(), first.getMonth() + 1, 1, 0, 0, ZONE);
  const months: string[] = [];
  while (month.getTime() <= to) {
    months.push(new Date(month.getTime()).toISOString());
    month = new TZDate(month.getFullYear(), month.getMonth() + 1, 1, 0, 0, ZONE);
  }
  const step = [1, 2, 3, 6, 12, 24].find((s) => Math.ceil(months.length / s) <= max) ?? 24;
  return months.filter((_, i) => i % step === 0);
}

/**
 * The picture's layout: one row per phase in plan order, the axis from the earliest start to the
 * latest end, today included (a cycle planned ahead shows how far off it is), padded by 2% each side.
 */
export function timelineLayout(rows: TimelineRow[], now: Date, width: number = LAYOUT.width): Layout {
  const { margin, top, rowHeight, barHeight, minBar, bottom } = LAYOUT;
  const t = now.getTime();
  const times = rows.flatMap((r) => [Date.parse(r.start), Date.parse(r.end)]);
  const lo = Math.min(t, ...times);
  const hi = Math.max(t, ...times);
  // A single moment still gets a day's span, so nothing divides by zero.
  const span = Math.max(hi - lo, DAY);
  const from = lo - span * 0.02;
  const to = lo + span * 1.02;
  const inner = width - 2 * margin;
  const x = (ms: number) => margin + ((ms - from) / (to - from)) * inner;
  const bars = rows.map((r, i): Bar => {
    const [s, e] = [Date.parse(r.start), Date.parse(r.end)];
    const x0 = x(Math.min(s, e));
    const w = Math.max(x(Math.max(s, e)) - x0, minBar);
    // A mark near the right edge has its words end at it, so they never run out of the picture.
    const anchor = x0 > margin + inner / 2 ? 'end' : 'start';
    const y = top + i * rowHeight + (rowHeight - barHeight) - 4;
    return {
      key: r.key,
      status: r.status,
      x: round(x0),
      y,
      width: round(w),
      height: barHeight,
      labelX: round(anchor === 'start' ? x0 : x0 + w),
      labelY: y - 6,
      anchor,
    };
  });
  return {
    width,
    height: top + rows.length * rowHeight + bottom,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    top,
    today: round(x(t)),
    ticks: monthTicks(from, to).map((at) => ({ at, x: round(x(Date.parse(at))) })),
    bars,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
