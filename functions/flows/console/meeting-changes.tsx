/**
 * Moving or cancelling one meeting of a series, each with its reason: a page per meeting (planned or
 * not yet), with both forms while it can still change. The use cases behind them are the API's.
 */
import { ErrorSummary, type FieldErrors } from '../../engine/ui/form';
import { formatDateTime } from '../../platform/time';
import type { Meeting, MeetingSeries, Occurrence } from '../meeting';
import { InputField, TextAreaField } from './fields';
import { meetingPageWords } from './meeting-words';
import { toLocalInput } from './round-form';
import { type ConsoleContext, consolePage, Fact, PostForm } from './ui';

export function occurrencePage(
  ctx: ConsoleContext,
  s: MeetingSeries,
  o: Occurrence,
  meeting: Meeting | null,
  now: Date,
  p: { errors?: FieldErrors; values?: Record<string, string>; problem?: string } = {},
): string {
  const w = meetingPageWords[ctx.lang];
  const when = formatDateTime(o.start, ctx.lang);
  const action = `/console/meeting-series/${s.id}/meetings/${o.key}`;
  const open =
    o.status !== 'cancelled' &&
    Date.parse(o.start) > now.getTime() &&
    (!meeting || (meeting.status === 'open' && (meeting.phase === 'agenda' || meeting.phase === 'invited')));
  const v = p.values ?? {};
  const body = (
    <>
      <h1>{w.changeOf(when)}</h1>
      <p>
        <a href={`/console/meeting-series/${s.id}`}>{w.backSeries}</a>
        {meeting ? (
          <>
            {' · '}
            <a href={`/console/meetings/${meeting.id}`}>{w.open}</a>
          </>
        ) : null}
      </p>
      {p.problem ? (
        <div class="error-summary" role="alert">
          <p>{p.problem}</p>
        </div>
      ) : null}
      <ErrorSummary title={ctx.t.errorsTitle} errors={p.errors} />
      <Fact label={w.title}>{s.title}</Fact>
      <Fact label={w.when}>{when}</Fact>
      <Fact label={w.where}>{o.location ?? '—'}</Fact>
      <Fact label={w.phaseLabel}>{meeting ? w.phases[meeting.phase] : w.occurrence[o.status]}</Fact>
      {meeting ? null : <p class="hint">{w.notPlanned}</p>}
      {open ? (
        <div class="actions">
          <PostForm ctx={ctx} action={`${action}/move`} novalidate>
            <h2>{w.moveTitle}</h2>
            <p class="hint">{w.moveHint}</p>
            <InputField
              type="datetime-local"
              id="start"
              label={w.newStart}
              errors={p.errors}
              value={v.start ?? toLocalInput(o.start)}
            />
            <InputField type="text" id="location" label={w.newLocation} errors={p.errors} value={v.location} />
            <TextAreaField
              id="move-reason"
              label={w.moveReason}
              hint={w.moveReasonHint}
              errors={p.errors}
              value={v['move-reason']}
            />
            <button type="submit">{w.move}</button>
          </PostForm>
          <PostForm ctx={ctx} action={`${action}/cancel`} novalidate>
            <h2>{w.cancelTitle}</h2>
            <p class="hint">{w.cancelHint}</p>
            <TextAreaField id="reason" label={w.cancelReason} errors={p.errors} value={v.reason} />
            <button type="submit">{w.cancel}</button>
          </PostForm>
        </div>
      ) : (
        <p>{w.noChanges}</p>
      )}
    </>
  );
  return consolePage(ctx, 'meetings', w.changeOf(when), body);
}
