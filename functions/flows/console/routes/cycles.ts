/** Programme cycles from the console: the list by status, the start form, a cycle's page. */
import { CreateCycle, createCycle, type CycleView, cycleDeps, CycleRefused, listCycles } from '../../cycle';
import { readCycle, type Template } from '../../cycle';
import { directoryStore } from '../../../engine/deps';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/errors';
import { parse } from '../../../platform/validation';
import {
  anchorField,
  chooseTemplatePage,
  newCyclePage,
  type NewCycleValues,
  proposedValues,
  roleField,
} from '../cycle-form';
import { cyclePage, cyclesPage } from '../cycle-pages';
import { cycleWords } from '../cycle-words';
import { cycleForms } from '../cycle-forms';
import { htmlReply, redirect, type Form, type Handler, type Reply } from '../http';
import { fromLocalInput } from '../round-form';
import type { ConsoleContext } from '../ui';

// Newest first within each; the running ones on top, where the work is.
const GROUPS = ['running', 'planned', 'done', 'cancelled'] as const;

/** The form as typed, kept to show again when something is refused. */
function formValues(form: Form, t: Template): NewCycleValues {
  const v: NewCycleValues = { anchors: {}, people: {}, orgs: {} };
  for (const a of t.anchors)
    v.anchors[a.key] = { date: form.text(anchorField(a.key, 'date')), time: form.text(anchorField(a.key, 'time')) };
  for (const role of new Set(t.phases.map((p) => p.role))) {
    v.people[role] = form.all(`people-${role}`);
    v.orgs[role] = form.all(`orgs-${role}`);
  }
  return v;
}

/**
 * The API's request. An anchor left empty, or not a real moment, is left out: the template's own words
 * then ask for it, and a cycle without all its anchors is always refused, so nothing starts.
 */
function request(t: Template, v: NewCycleValues, errors: Record<string, string>, lang: ConsoleContext['lang']) {
  const anchors: Record<string, string> = {};
  for (const [key, { date, time }] of Object.entries(v.anchors)) {
    if (!date && !time) continue;
    const at = fromLocalInput(`${date}T${time}`);
    if (at) anchors[key] = at;
    else errors[anchorField(key, 'date')] = cycleWords[lang].errors.date;
  }
  const assignments: Record<string, { personIds: string[]; organisationIds: string[] }> = {};
  for (const role of Object.keys(v.people)) {
    const personIds = [...new Set(v.people[role])];
    const organisationIds = [...new Set(v.orgs[role] ?? [])];
    if (personIds.length || organisationIds.length) assignments[role] = { personIds, organisationIds };
  }
  return { templateId: t.id, anchors, assignments };
}

/** A refusal's field (`anchors.boardMeeting`, `assignments.partners.organisationIds`) as the form's field. */
function onForm(fields: Record<string, string>, lang: ConsoleContext['lang']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const [head, key] = field.split('.');
    const id =
      head === 'anchors' && key
        ? anchorField(key, 'date')
        : head === 'assignments' && key
          ? roleField(key)
          : 'start-cycle';
    out[id] ??=
      id === 'start-cycle' && !(head === 'horizon' || head === 'templateId')
        ? cycleWords[lang].errors.general
        : message;
  }
  return out;
}

async function startForm(
  ctx: ConsoleContext,
  status: number,
  t: Template,
  v?: NewCycleValues,
  errors?: Record<string, string>,
) {
  const [people, bodies, orgs] = await Promise.all([
    directoryStore().listPeople(),
    directoryStore().listBodies(),
    directoryStore().listOrganisations(),
  ]);
  return htmlReply(status, newCyclePage(ctx, t, { people, bodies, orgs }, v ?? proposedValues(t, bodies), errors));
}

/** The form's one-time key makes a double click or a resubmit start one cycle, not two. */
const onceKey = (once: string) => (/^[A-Za-z0-9_-]{16,64}$/.test(once) ? `console-${once}` : undefined);

/** A cycle's page with its names, and the forms (or a problem) a route gives it. */
export async function cycleReply(
  ctx: ConsoleContext,
  id: string,
  status: number,
  p: { notice?: string; problem?: string; errors?: Record<string, string>; values?: Record<string, string> } = {},
): Promise<Reply> {
  const deps = cycleDeps();
  const cycle = await readCycle(deps, id, ctx.lang);
  const [people, orgs] = await Promise.all([directoryStore().listPeople(), directoryStore().listOrganisations()]);
  const forms = cycleForms(ctx, cycle, p.errors, p.values) ?? undefined;
  const page = cyclePage(ctx, cycle, deps.templates.get(cycle.templateId), { people, orgs }, deps.now(), {
    ...p,
    forms,
  });
  return htmlReply(status, page);
}

export const cycleRoutes = {
  'GET /console/cycles': async ({ ctx, query }) => {
    const deps = cycleDeps();
    const groups = await Promise.all(
      GROUPS.map(async (s): Promise<[string, CycleView[]]> => [s, await listCycles(deps, s)]),
    );
    const notice = query.m === 'cancelled' ? cycleWords[ctx.lang].saved.cancelled : undefined;
    return htmlReply(200, cyclesPage(ctx, groups, deps.templates, notice));
  },
  'GET /console/cycles/new': async ({ ctx, query }) => {
    const templates = cycleDeps().templates;
    const t = query.template ? templates.get(query.template) : undefined;
    if (!t) return htmlReply(200, chooseTemplatePage(ctx, [...templates.values()]));
    return startForm(ctx, 200, t);
  },
  'POST /console/cycles': async ({ ctx, form, session }) => {
    const t = cycleDeps().templates.get(form.text('templateId'));
    if (!t) throw new NotFoundError('template', form.text('templateId'));
    const values = formValues(form, t);
    const own: Record<string, string> = {};
    const req = request(t, values, own, ctx.lang);
    try {
      const checked = parse(CreateCycle, req) as Parameters<typeof createCycle>[1];
      const cycle = await createCycle(cycleDeps(), checked, session.sub, {
        idempotencyKey: onceKey(form.text('once')),
      });
      return redirect(`/console/cycles/${cycle.id}?m=created`);
    } catch (err) {
      // The same form sent again with other values (back, changed, sent): its one-time key is used up.
      if (err instanceof ConflictError)
        return startForm(ctx, 409, t, values, { 'start-cycle': cycleWords[ctx.lang].errors.formUsed });
      if (!(err instanceof ValidationError)) throw err;
      const fields = err instanceof CycleRefused && ctx.lang === 'en' ? err.en : err.fields;
      return startForm(ctx, 400, t, values, { ...onForm(fields, ctx.lang), ...own });
    }
  },
  'GET /console/cycles/{id}': async ({ ctx, query, params }) =>
    cycleReply(ctx, params.id, 200, { notice: query.m ? cycleWords[ctx.lang].saved[query.m] : undefined }),
} satisfies Record<string, Handler>;
