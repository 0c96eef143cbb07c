/**
 * The programme office's use cases: make an event or a series, list and read them, cancel one,
 * and after it record "what we heard" and later "what we did with it", each mailed once to the
 * registrants who asked for it. Plain code on the store (no AWS).
 */
import type { PublicEvent } from './event';
import { type EventDeps, mailOutcome, mailRegistrant } from './mail';
import type { CreateEvent, Outcome } from './schemas';
import type { AuditEntry } from '../../engine/ports';
import { mutateVersioned } from '../../engine/versioned-write';
import { ConflictError, KEY_REUSED_MESSAGE, NotFoundError, ValidationError } from '../../platform/errors';
import { idForKey, requestHash } from '../../platform/keyed-create';

export async function loadEvent(deps: Pick<EventDeps, 'events'>, id: string): Promise<PublicEvent> {
  const e = /^[\w-]{1,100}$/.test(id) ? await deps.events.get(id) : null;
  if (!e) throw new NotFoundError('event', id);
  return e;
}

const audit = (deps: EventDeps, e: PublicEvent, kind: string, actor: string, details?: Record<string, unknown>) =>
  deps.events.appendAudit(e.id, {
    key: `v${String(e.version).padStart(6, '0')}:${kind}`,
    at: deps.now().toISOString(),
    kind,
    actor,
    details,
  });

/**
 * One event, or one per date of a series (sharing a series id). Under an Idempotency-Key the ids
 * derive from the caller and the key, so the same request again finds the events it made.
 */
export async function createEvents(
  deps: EventDeps,
  req: CreateEvent,
  actor: string,
  idempotencyKey?: string,
): Promise<PublicEvent[]> {
  const base = idForKey('ev', actor, idempotencyKey);
  const hash = requestHash(req);
  const { dates, start, end, ...fields } = req;
  const when = dates ?? [{ start: start!, end: end! }];
  const now = deps.now();
  if (when.some((w) => Date.parse(w.start) <= now.getTime()))
    throw new ValidationError({ [dates ? 'dates' : 'start']: 'must be in the future' });
  const at = now.toISOString();
  const made: PublicEvent[] = [];
  for (const [i, w] of when.entries()) {
    const id = when.length === 1 ? base : `${base}-${i + 1}`;
    const existing = await deps.events.get(id);
    if (existing) {
      if (existing.requestHash !== hash) throw new ConflictError(KEY_REUSED_MESSAGE);
      made.push(existing);
      continue;
    }
    const e: PublicEvent = {
      ...fields,
      id,
      ...(when.length > 1 ? { seriesId: base } : {}),
      start: new Date(w.start).toISOString(),
      end: new Date(w.end).toISOString(),
      status: 'published',
      registrations: [],
      createdAt: at,
      createdBy: actor,
      version: 1,
      requestHash: hash,
    };
    try {
      await deps.events.create(e);
    } catch (err) {
      // The same request twice at once: the other made it first.
      if (!(err instanceof ConflictError)) throw err;
      made.push(await loadEvent(deps, id));
      continue;
    }
    await audit(deps, e, 'created', actor);
    made.push(e);
  }
  return made;
}

export async function listEvents(deps: Pick<EventDeps, 'events'>): Promise<PublicEvent[]> {
  return (await deps.events.list()).sort((a, b) => a.start.localeCompare(b.start));
}

export async function readEvent(deps: EventDeps, id: string): Promise<PublicEvent & { timeline: AuditEntry[] }> {
  const e = await loadEvent(deps, id);
  return { ...e, timeline: await deps.events.listAudit(id) };
}

const save = (deps: EventDeps) => ({
  load: (x: string) => loadEvent(deps, x),
  save: (n: PublicEvent, v: number) => deps.events.save(n, v),
});

/** Cancel the event: everyone registered or waiting is told, with the calendar's cancellation. */
export async function cancelEvent(deps: EventDeps, id: string, reason: string, actor: string): Promise<PublicEvent> {
  const e = await loadEvent(deps, id);
  if (Date.parse(e.start) <= deps.now().getTime())
    throw new ConflictError('the event has started; it cannot be cancelled');
  const saved = await mutateVersioned(save(deps), id, (x) =>
    x.status === 'cancelled'
      ? null
      : { ...x, status: 'cancelled' as const, cancelReason: reason, version: x.version + 1 },
  );
  const after = saved?.after ?? (await loadEvent(deps, id));
  if (saved) await audit(deps, after, 'cancelled', actor, { reason });
  for (const r of after.registrations.filter((x) => x.status !== 'cancelled'))
    await mailRegistrant(deps, after, r, 'event-cancelled', `event-cancelled:${r.id}`);
  return after;
}

/**
 * "What we heard" (after the event) or "what we did with it" (after what was heard), recorded once
 * each, then mailed to those who agreed. A retry after a failure mails whoever did not get it yet.
 */
export async function recordOutcome(
  deps: EventDeps,
  id: string,
  kind: 'heard' | 'did',
  outcome: Outcome,
  actor: string,
): Promise<PublicEvent & { mailed: number }> {
  const e = await loadEvent(deps, id);
  if (e.status !== 'published' || Date.parse(e.end) > deps.now().getTime())
    throw new ConflictError('record this after the event has taken place');
  if (kind === 'did' && !e.heard) throw new ConflictError('record what was heard first');
  const at = deps.now().toISOString();
  const saved = await mutateVersioned(save(deps), id, (x) => {
    if (x[kind]) return null;
    const value = kind === 'heard' ? { text: outcome.text, at } : { text: outcome.text, at, links: outcome.links };
    return { ...x, [kind]: value, version: x.version + 1 };
  });
  const after = saved?.after ?? e;
  if (saved) await audit(deps, after, kind, actor);
  else if (after[kind]?.text !== outcome.text) throw new ConflictError(`${kind} was recorded before`);
  return { ...after, mailed: await mailOutcome(deps, after, kind) };
}
