/** Approval rounds: list, the new-round form, a round's page and live part, and the office's steering. */
import {
  cancelApprovalRound,
  CreateRound,
  createApprovalRound,
  extendDeadline,
  loadRound,
  remindNow,
  roundDeps,
} from '../../approval-round';
import { directoryStore } from '../../../engine/deps';
import { ValidationError } from '../../../platform/errors';
import { parse } from '../../../platform/validation';
import { htmlReply, redirect, type Reply, type SignedInRoutes } from '../http';
import {
  dossierPage,
  fromLocalInput,
  liveVersion,
  newRoundPage,
  roundLiveFragment,
  roundPage,
  timelineCsv,
  toLocalInput,
  type NewRoundValues,
} from '../round-pages';
import type { ConsoleContext } from '../ui';
import { parseRoundForm, roundFormErrors } from './round-form';

/** A round with its approvers' names and its timeline: what every round page shows. */
async function roundView(id: string) {
  const deps = roundDeps();
  const round = await loadRound(deps, id);
  const [people, timeline] = await Promise.all([
    directoryStore().getPeople(round.approverIds),
    deps.rounds.listAudit(id),
  ]);
  return { round, names: new Map(people.map((p) => [p.id, p.name])), timeline };
}

async function roundWithErrors(ctx: ConsoleContext, id: string, errors: Record<string, string>): Promise<Reply> {
  const { round, names, timeline } = await roundView(id);
  return htmlReply(400, roundPage(ctx, round, names, timeline, undefined, errors));
}

async function newRoundForm(
  ctx: ConsoleContext,
  status: number,
  values: NewRoundValues,
  errors?: Record<string, string>,
): Promise<Reply> {
  const [bodies, people] = await Promise.all([directoryStore().listBodies(), directoryStore().listPeople()]);
  // A fresh form proposes the board; a refused one shows exactly what was sent.
  const defaults = { bodyId: bodies.find((b) => b.kind === 'board')?.id, ...values };
  return htmlReply(status, newRoundPage(ctx, bodies, people, errors ? values : defaults, errors));
}

/** Messages after a redirect; only these names, and only whole numbers, are ever shown. */
const flash = new Map<string, (t: ConsoleContext['t'], n: number) => string>([
  ['reminded', (t, n) => t.reminded(n)],
  ['extended', (t) => t.extended],
  ['cancelled', (t) => t.cancelled],
  ['saved', (t) => t.saved],
]);

function flashMessage(t: ConsoleContext['t'], query: Record<string, string | undefined>): string | undefined {
  const message = query.m ? flash.get(query.m) : undefined;
  const n = /^\d{1,4}$/.test(query.n ?? '') ? Number(query.n) : 0;
  return message?.(t, n);
}

/** The form's one-time key makes a double click or a resubmit start one round, not two. */
/** The form's one-time key as an Idempotency-Key: the same form posted twice makes one. */
export const onceKey = (once: string) => (/^[A-Za-z0-9_-]{16,64}$/.test(once) ? `console-${once}` : undefined);

export const roundRoutes = {
  'GET /console/rounds/new': async ({ ctx }) => {
    const inTwoWeeks = new Date(roundDeps().now().getTime() + 14 * 86400_000);
    inTwoWeeks.setUTCMinutes(0, 0, 0);
    return newRoundForm(ctx, 200, { deadline: toLocalInput(inTwoWeeks.toISOString()) });
  },
  'POST /console/rounds': async ({ ctx, form, session }) => {
    const { values, request, errors: own } = parseRoundForm(form);
    let errors: Record<string, string> = { ...own };
    let checked: ReturnType<typeof parse<unknown>> | undefined;
    try {
      checked = parse(CreateRound, request);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors = { ...err.fields, ...errors };
    }
    if (checked && Object.keys(errors).length === 0) {
      try {
        const input = checked as Parameters<typeof createApprovalRound>[1];
        const round = await createApprovalRound(roundDeps(), input, session.sub, onceKey(form.text('once')));
        return redirect(`/console/rounds/${round.id}`);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        errors = err.fields;
      }
    }
    return newRoundForm(ctx, 400, values, roundFormErrors(errors, ctx.t));
  },
  'GET /console/rounds/{id}': async ({ ctx, query, params }) => {
    const { round, names, timeline } = await roundView(params.id);
    return htmlReply(200, roundPage(ctx, round, names, timeline, flashMessage(ctx.t, query)));
  },
  'GET /console/rounds/{id}/live': async ({ ctx, params }) => {
    const { round, names, timeline } = await roundView(params.id);
    return {
      status: 200,
      body: roundLiveFragment(ctx, round, names, timeline),
      extraHeaders: { 'x-live-version': liveVersion(round, timeline) },
    };
  },
  'POST /console/rounds/{id}/remind': async ({ session, params: { id } }) => {
    const { reminded } = await remindNow(roundDeps(), id, session.sub);
    return redirect(`/console/rounds/${id}?m=reminded&n=${reminded}`);
  },
  'POST /console/rounds/{id}/extend': async ({ ctx, form, session, params: { id } }) => {
    const deadline = fromLocalInput(form.get('deadline'));
    try {
      if (!deadline) throw new ValidationError({ deadline: 'invalid' });
      await extendDeadline(roundDeps(), id, deadline, session.sub);
      return redirect(`/console/rounds/${id}?m=extended`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return roundWithErrors(ctx, id, { deadline: ctx.t.errExtend });
    }
  },
  'POST /console/rounds/{id}/cancel': async ({ ctx, form, session, params: { id } }) => {
    const reason = form.text('reason');
    if (reason.length < 3) return roundWithErrors(ctx, id, { reason: ctx.t.required });
    await cancelApprovalRound(roundDeps(), id, reason.slice(0, 1000), session.sub);
    return redirect(`/console/rounds/${id}?m=cancelled`);
  },
  'GET /console/rounds/{id}/audit.csv': async ({ ctx, params: { id } }) => {
    const { round, names, timeline } = await roundView(id);
    return {
      status: 200,
      body: timelineCsv(ctx, round, names, timeline),
      type: 'text/csv; charset=utf-8',
      extraHeaders: { 'content-disposition': `attachment; filename="ronde-${id}.csv"` },
    };
  },
  'GET /console/rounds/{id}/dossier': async ({ ctx, params }) => {
    const { round, names, timeline } = await roundView(params.id);
    return htmlReply(200, dossierPage(ctx, round, names, timeline, roundDeps().now()));
  },
} satisfies Partial<SignedInRoutes>;
