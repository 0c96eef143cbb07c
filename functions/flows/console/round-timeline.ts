/** A round's timeline in words: each entry described, each email's recipient named, and the CSV export. */
import type { AuditEntry } from '../../engine/ports';
import { emailTagLabel, timelineLabel, ROUND_LABELS } from '../../engine/timeline-labels';
import { formatDateTime } from '../../platform/time';
import { choiceLabel, outcomeLabel, type Round } from '../approval-round';
import type { ConsoleContext } from './ui';

/** The round's emails to the office address, by their keys: records from before the office mark. */
const OFFICE_MAIL_KEYS = new Set(['mail:outcome:office', 'mail:workflow-failed']);

/**
 * Who an email went to: the office, or the person by name when the record names them, else the
 * masked address.
 */
export function recipient(ctx: ConsoleContext, e: AuditEntry, names: Map<string, string>): string {
  const d = e.details ?? {};
  if (d.office === true || (d.personId === undefined && OFFICE_MAIL_KEYS.has(e.key))) return ctx.t.officeRecipient;
  const name = typeof d.personId === 'string' ? names.get(d.personId) : undefined;
  return name ?? String(d.to ?? '');
}

export function describeEntry(ctx: ConsoleContext, e: AuditEntry, names: Map<string, string>): string {
  const label = timelineLabel(ROUND_LABELS, e.kind, ctx.lang, e.details);
  const who = names.get(e.actor) ?? (e.actor === 'system' ? '' : e.actor);
  const d = e.details ?? {};
  const extra =
    e.kind === 'decided' || e.kind === 'changed'
      ? `: ${choiceLabel[ctx.lang][d.choice as 'approve'] ?? d.choice}${d.reason ? ` (${d.reason})` : ''}`
      : e.kind === 'closed'
        ? `: ${outcomeLabel[ctx.lang][d.outcome as 'approved'] ?? d.outcome}`
        : e.kind === 'cancelled'
          ? `: ${d.reason}`
          : e.kind === 'email'
            ? `: ${emailTagLabel(d.tag, ctx.lang)} ${ctx.t.to.toLowerCase()} ${recipient(ctx, e, names)}`
            : '';
  return `${label}${who ? ` — ${who}` : ''}${extra}`;
}

/** RFC 4180 CSV of the timeline; cells that start like a formula are quoted so spreadsheets show them as text. */
export function timelineCsv(
  ctx: ConsoleContext,
  round: Round,
  names: Map<string, string>,
  timeline: AuditEntry[],
): string {
  const cell = (v: unknown) => {
    let s = String(v ?? '');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // The round's title on every row, so exports of several rounds can be put together.
  const header = ctx.t.csvHeader;
  // The event column in words (the machine kind stays in the API); the actor by name, else who it was.
  const actor = (e: AuditEntry) => names.get(e.actor) ?? (e.actor === 'system' ? '' : e.actor);
  const lines = timeline.map((e) =>
    [
      round.title,
      e.at,
      formatDateTime(e.at, ctx.lang),
      timelineLabel(ROUND_LABELS, e.kind, ctx.lang, e.details),
      actor(e),
      describeEntry(ctx, e, names),
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
