/** Input rounds from the console: list, and create for chosen partners or a kind, or for residents. */
import {
  CreateInputRound,
  CreatePeopleInputRound,
  createInputRound,
  type InputRound,
  inputRoundDeps,
} from '../../input-round';
import { directoryStore } from '../../../engine/deps';
import type { Body, Organisation, Person } from '../../../engine/directory';
import { formWords } from '../flow-form-words';
import { flowFormErrors, INPUT_REMINDER_OPTIONS, newInputPage, type NewInputValues } from '../flow-forms';
import { attempt, htmlReply, redirect, type Form, type Reply, type SignedInRoutes } from '../http';
import { residentMembers, residentsIn } from '../input-form';
import { fromLocalInput } from '../round-pages';
import type { ConsoleContext } from '../ui';
import { onceKey } from './rounds';
import { writtenInputRoutes } from './written-input';

function inputValues(form: Form): NewInputValues {
  return {
    title: form.text('title'),
    request: form.text('request'),
    organisationIds: form.all('organisationIds'),
    kind: form.get('kind') || undefined,
    personIds: form.all('personIds'),
    residentsOf: form.get('residentsOf') || undefined,
    deadline: form.get('deadline'),
    reminders: form.all('reminders'),
    escalate: form.get('escalate') === 'yes',
    bodyId: form.get('bodyId'),
  };
}

interface Directory {
  orgs: Organisation[];
  bodies: Body[];
  people: Person[];
}

const loadDirectory = async (): Promise<Directory> => {
  const [orgs, bodies, people] = await Promise.all([
    directoryStore().listOrganisations(),
    directoryStore().listBodies(),
    directoryStore().listPeople(),
  ]);
  return { orgs, bodies, people };
};

const shared = (v: NewInputValues) => ({
  title: v.title,
  request: v.request,
  deadline: fromLocalInput(v.deadline) ?? '',
  reminders: (v.reminders ?? []).filter((d) => (INPUT_REMINDER_OPTIONS as readonly string[]).includes(d)),
  bodyId: v.bodyId ?? '',
});

/** The form as the API's request: to partners (as it always was), or, with residents chosen, to people. */
function inputRequest(v: NewInputValues, d: Directory) {
  if (v.personIds?.length || v.residentsOf) {
    const body = d.bodies.find((b) => b.id === v.residentsOf);
    // "All residents in this group": its members who are residents still taking part.
    const ofBody = body ? residentMembers(body, d.people) : [];
    const chosen = (v.personIds ?? []).filter((id) => residentsIn(d.people).some((p) => p.id === id));
    return {
      schema: CreatePeopleInputRound,
      request: { ...shared(v), personIds: [...new Set([...chosen, ...ofBody])] },
    };
  }
  // "All partners of a kind" adds every active partner of that kind with a contact.
  const ofKind = v.kind
    ? d.orgs.filter((o) => o.kind === v.kind && o.active !== false && o.contactIds.length > 0).map((o) => o.id)
    : [];
  const organisationIds = [...new Set([...(v.organisationIds ?? []), ...ofKind])];
  return { schema: CreateInputRound, request: { ...shared(v), organisationIds, escalate: v.escalate ?? false } };
}

function newInputForm(
  ctx: ConsoleContext,
  status: number,
  d: Directory,
  v: NewInputValues,
  errors?: Record<string, string>,
) {
  return htmlReply(status, newInputPage(ctx, d.bodies, d.orgs, d.people, v, errors));
}

export const inputRoundRoutes = {
  'GET /console/input-rounds/new': async ({ ctx }) => {
    const d = await loadDirectory();
    return newInputForm(ctx, 200, d, { bodyId: d.bodies.find((b) => b.kind === 'board')?.id });
  },
  'POST /console/input-rounds': async ({ ctx, form, session }) => {
    const values = inputValues(form);
    const d = await loadDirectory();
    // A round asks partners or people: both chosen is refused before anything is checked further.
    if ((values.organisationIds?.length || values.kind) && (values.personIds?.length || values.residentsOf))
      return newInputForm(ctx, 400, d, values, { organisationIds: formWords[ctx.lang].errors.both });
    const { schema, request } = inputRequest(values, d);
    const result = await attempt<Parameters<typeof createInputRound>[1]>(schema, request, async (checked) => {
      const people = 'personIds' in checked && checked.personIds?.length;
      const full = people ? { ...checked, organisationIds: [], escalate: false } : checked;
      const key = onceKey(form.text('once'));
      const round: InputRound = await createInputRound(inputRoundDeps(), full, session.sub, key);
      return redirect(`/console/input-rounds/${round.id}`);
    });
    if ('status' in result) return result as Reply;
    return newInputForm(ctx, 400, d, values, flowFormErrors(ctx.lang, result));
  },
  ...writtenInputRoutes,
} satisfies Partial<SignedInRoutes>;
