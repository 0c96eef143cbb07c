/**
 * A cycle's timeline as a picture: each phase a bar on a date axis, with a line at today. Each status
 * has its colour and its own pattern and outline, and its word next to the phase's title, so it reads
 * without colour too. One image for screen readers (role="img", its title and a description that
 * counts the phases per status); the table below the picture says the same phase by phase.
 * Presentation attributes only: the console's CSP allows no inline style.
 */
import type { PhaseStatus } from '../cycle';
import { formatDateTime, type Lang } from '../../platform/time';
import { cycleWords } from './cycle-words';
import { LAYOUT, timelineLayout, type TimelineRow } from './cycle-timeline';

const STATUSES: PhaseStatus[] = ['done', 'running', 'late', 'toCome', 'skipped'];

/** Fill, outline and dashes per status: never told apart by colour alone. */
const LOOK: Record<PhaseStatus, { fill: string; stroke: string; dash?: string }> = {
  done: { fill: '#1b6e20', stroke: '#1b6e20' },
  running: { fill: 'url(#tl-running)', stroke: '#00549f' },
  late: { fill: 'url(#tl-late)', stroke: '#b00020' },
  toCome: { fill: '#ffffff', stroke: '#00549f', dash: '4 3' },
  skipped: { fill: 'url(#tl-skipped)', stroke: '#545454', dash: '1 3' },
};

function Patterns() {
  return (
    <defs>
      <pattern id="tl-running" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill="#d6e6f5" />
        <rect width="3" height="8" fill="#00549f" />
      </pattern>
      <pattern id="tl-late" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#f7d4da" />
        <path d="M0 0L6 6M6 0L0 6" stroke="#b00020" stroke-width="1.5" />
      </pattern>
      <pattern id="tl-skipped" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#eeeeee" />
        <circle cx="3" cy="3" r="1" fill="#545454" />
      </pattern>
    </defs>
  );
}

const Mark = (p: { status: PhaseStatus; x: number; y: number; width: number; height: number }) => {
  const look = LOOK[p.status];
  return (
    <>
      <rect
        x={p.x}
        y={p.y}
        width={p.width}
        height={p.height}
        rx="2"
        fill={look.fill}
        stroke={look.stroke}
        stroke-width="1.5"
        stroke-dasharray={look.dash}
      />
      {p.status === 'skipped' ? (
        <line x1={p.x} y1={p.y + p.height / 2} x2={p.x + p.width} y2={p.y + p.height / 2} stroke="#545454" />
      ) : null}
    </>
  );
};

/** How many phases per status, in words, for the picture's description. */
function counts(lang: Lang, rows: TimelineRow[]): string {
  const w = cycleWords[lang];
  return STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${w.phaseStatuses[s]}`)
    .join(', ');
}

const monthLabel = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'short',
    year: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));

export function CycleTimeline(p: { lang: Lang; name: string; rows: (TimelineRow & { title: string })[]; now: Date }) {
  const w = cycleWords[p.lang];
  const layout = timelineLayout(p.rows, p.now);
  const axisY = layout.top - 8;
  return (
    <div class="timeline-wrap" tabindex={0} role="group" aria-labelledby="timeline-title">
      <svg
        class="timeline"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby="timeline-title timeline-desc"
        font-family="Arial, Helvetica, sans-serif"
        font-size="13"
      >
        <title id="timeline-title">{w.timelineTitle(p.name)}</title>
        <desc id="timeline-desc">{`${w.timelineDesc(counts(p.lang, p.rows))} ${w.today}: ${formatDateTime(
          p.now.toISOString(),
          p.lang,
        )}.`}</desc>
        <Patterns />
        <g class="legend">
          {STATUSES.map((s, i) => (
            <>
              <Mark status={s} x={LAYOUT.margin + i * 170} y={8} width={28} height={12} />
              <text x={LAYOUT.margin + i * 170 + 36} y={19} fill="#1a1a1a">
                {w.phaseStatuses[s]}
              </text>
            </>
          ))}
        </g>
        <g class="axis">
          {layout.ticks.map((t) => (
            <>
              <line x1={t.x} y1={axisY + 4} x2={t.x} y2={layout.height - LAYOUT.bottom} stroke="#e0e0e0" />
              <text x={t.x + 3} y={axisY} fill="#545454">
                {monthLabel(t.at, p.lang)}
              </text>
            </>
          ))}
        </g>
        <g class="phases">
          {layout.bars.map((b, i) => (
            <>
              <text x={b.labelX} y={b.labelY} text-anchor={b.anchor} fill="#1a1a1a">
                {`${p.rows[i].title} · ${w.phaseStatuses[b.status]}`}
              </text>
              <Mark status={b.status} x={b.x} y={b.y} width={b.width} height={b.height} />
            </>
          ))}
        </g>
        <line x1={layout.today} y1={axisY + 4} x2={layout.today} y2={layout.height} stroke="#1a1a1a" stroke-width="2" />
        <text x={layout.today + 4} y={layout.height - 4} fill="#1a1a1a" font-weight="bold">
          {w.today}
        </text>
      </svg>
    </div>
  );
}
