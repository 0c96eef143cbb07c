/**
 * The office changes a cycle from the console: a phase's page and its move, skip and done forms,
 * and adding a phase and cancelling on the cycle's page. Each form is checked by the API's schema
 * and then by the cycle's own rules; a refusal shows by its field in Dutch (400), a change on a
 * cycle someone changed since shows why (409): neither changes anything.
 */
import {
  AddPhaseRequest,
  addCyclePhase,
  CancelCycle,
  cancelCycle,
  ChangePhaseRequest,
  changePhase,
  CycleConflict,
  cycleDeps,
  CycleRefused,
  MarkPhaseDone,
  markPhaseDone,
  readCycle,
} from '../../cycle';
import { NotFoundError, ValidationError } from '../../../platform/errors';
import { parse } from '../../../platform/validation';
import { phasePage } from '../cycle-phase-forms';
import { cycleWords } from '../cycle-words';
import { htmlReply, redirect, type Form, type Handler, type Reply } from '../http';
import { fromLocalInput } from '../round-form';
import type { ConsoleContext } from '../ui';
import { cycleReply } from './cycles';

type Fields = Record<string, string>;

/** A date and time pair from the form: undefined when both are empty, '' when it is no real moment. */
function moment(form: Form, id: string): string | undefined {
  const [date, time] = [form.text(`${id}-date`), form.text(`${id}-time`)];
  if (!date && !time) return undefined;
  return fromLocalInput(`${date}T${time}`) ?? '';
}

/** Everything typed, to show again with the messages. */
function typed(form: Form, names: string[]): Fields {
  return Object.fromEntries(names.map((n) => [n, n === 'instead' ? form.all(n).join(',') : form.text(n)]));
}

/**
 * A refusal's fields as the form's fields. The cycle's own refusals are sentences already (Dutch, or
 * English on the English console); the schema's shape messages are English, so those get our words.
 */
function onForm(err: ValidationError, lang: ConsoleContext['lang'], ids: Fields, fallback: string): Fields {
  const e = cycleWords[lang].errors;
  const own = err instanceof CycleRefused;
  const fields = own && lang === 'en' ? (err as CycleRefused).en : err.fields;
  const out: Fields = {};
  for (const [field, message] of Object.entries(fields)) {
    const head = field.startsWith('phases.') ? 'due' : field.split('.')[0];
    const id = ids[head] ?? fallback;
    const word = id.endsWith('-date') ? e.date : e[head];
    out[id] ??= own ? message : (word ?? e.general);
  }
  return out;
}

async function phaseReply(
  ctx: ConsoleContext,
  id: string,
  key: string,
  status: number,
  p: Parameters<typeof phasePage>[3] = {},
) {
  const cycle = await readCycle(cycleDeps(), id, ctx.lang);
  const phase = cycle.phases.find((q) => q.key === key);
  if (!phase) throw new NotFoundError('phase', key);
  return htmlReply(status, phasePage(ctx, cycle, phase, p));
}

/** Run a change; its refusal (400) or conflict (409) comes back through `again`, with the message. */
async function change(
  lang: ConsoleContext['lang'],
  run: () => Promise<Reply>,
  again: (status: number, p: { errors?: Fields; problem?: string }) => Promise<Reply>,
  ids: Fields,
  fallback: string,
): Promise<Reply> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof CycleConflict) return again(409, { problem: lang === 'en' ? err.en : err.nl });
    if (err instanceof ValidationError) return again(400, { errors: onForm(err, lang, ids, fallback) });
    throw err;
  }
}

const version = (form: Form) => Number(form.text('version'));

export const cycleChangeRoutes = {
  'GET /console/cycles/{id}/phases/{key}': async ({ ctx, params }) => phaseReply(ctx, params.id, params.key, 200),
  'POST /console/cycles/{id}/phases/{key}': async ({ ctx, form, session, params: { id, key } }) => {
    const action = form.get('action') === 'skip' ? 'skip' : 'move';
    const values = typed(form, [
      'start-date',
      'start-time',
      'due-date',
      'due-time',
      'move-reason',
      'skip-reason',
      'insteadMode',
      'instead',
    ]);
    const mode = form.get('insteadMode');
    const request =
      action === 'move'
        ? {
            action,
            start: moment(form, 'start'),
            due: moment(form, 'due'),
            reason: form.text('move-reason'),
            version: version(form),
          }
        : {
            action,
            reason: form.text('skip-reason'),
            ...(mode === 'nothing' ? { instead: [] } : mode === 'phases' ? { instead: form.all('instead') } : {}),
            version: version(form),
          };
    const ids: Fields =
      action === 'move'
        ? { start: 'start-date', due: 'due-date', reason: 'move-reason' }
        : { reason: 'skip-reason', instead: 'instead' };
    return change(
      ctx.lang,
      async () => {
        await changePhase(cycleDeps(), id, key, parse(ChangePhaseRequest, request) as ChangePhaseRequest, session.sub);
        return redirect(`/console/cycles/${id}?m=${action === 'move' ? 'moved' : 'skipped'}`);
      },
      (status, p) => phaseReply(ctx, id, key, status, { ...p, values }),
      ids,
      `${action}-submit`,
    );
  },
  'POST /console/cycles/{id}/phases/{key}/done': async ({ ctx, form, session, params: { id, key } }) => {
    const note = form.text('note');
    const request = { version: version(form), ...(note ? { note } : {}) };
    return change(
      ctx.lang,
      async () => {
        await markPhaseDone(cycleDeps(), id, key, parse(MarkPhaseDone, request) as MarkPhaseDone, session.sub);
        return redirect(`/console/cycles/${id}?m=done`);
      },
      (status, p) => phaseReply(ctx, id, key, status, { ...p, values: { note } }),
      { note: 'note' },
      'done-submit',
    );
  },
  'POST /console/cycles/{id}/phases': async ({ ctx, form, session, params: { id } }) => {
    const names = ['add-title', 'add-titleEn', 'add-kind', 'add-role', 'add-after', 'add-reason'];
    const values = typed(form, [...names, 'add-start-date', 'add-start-time', 'add-due-date', 'add-due-time']);
    const cycle = await readCycle(cycleDeps(), id, ctx.lang);
    const taken = new Set(cycle.phases.map((p) => p.key));
    // The office names a phase by its title; its key is only the plan's own name for it.
    let n = 1;
    while (taken.has(`added${n}`)) n++;
    const [on, after, due] = [moment(form, 'add-start'), form.text('add-after'), moment(form, 'add-due')];
    const nl = form.text('add-title');
    const request = {
      key: `added${n}`,
      kind: values['add-kind'],
      role: values['add-role'],
      title: { nl, en: form.text('add-titleEn') || nl },
      start: {
        ...(after ? { after: [after] } : {}),
        ...(on !== undefined ? { on } : {}),
        ...(after && on !== undefined ? { when: 'last' } : {}),
      },
      due: { on: due ?? '' },
      reason: form.text('add-reason'),
      version: version(form),
    };
    const ids = {
      title: 'add-title',
      kind: 'add-kind',
      role: 'add-role',
      start: 'add-start-date',
      due: 'add-due-date',
      reason: 'add-reason',
    };
    return change(
      ctx.lang,
      async () => {
        await addCyclePhase(cycleDeps(), id, parse(AddPhaseRequest, request) as AddPhaseRequest, session.sub);
        return redirect(`/console/cycles/${id}?m=added`);
      },
      (status, p) => cycleReply(ctx, id, status, { ...p, values }),
      ids,
      'add-submit',
    );
  },
  'POST /console/cycles/{id}/cancel': async ({ ctx, form, session, params: { id } }) => {
    const reason = form.text('cancel-reason');
    return change(
      ctx.lang,
      async () => {
        await cancelCycle(
          cycleDeps(),
          id,
          parse(CancelCycle, { reason, version: version(form) }) as CancelCycle,
          session.sub,
        );
        return redirect(`/console/cycles/${id}?m=cancelled`);
      },
      (status, p) => cycleReply(ctx, id, status, { ...p, values: { 'cancel-reason': reason } }),
      { reason: 'cancel-reason' },
      'cancel-submit',
    );
  },
} satisfies Record<string, Handler>;
