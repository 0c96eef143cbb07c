/** Partner input rounds from the console: list, create for chosen partners or a kind, and who answered what. */
import { CreateInputRound, createInputRound, inputRoundDeps } from '../../input-round';
import { directoryStore } from '../../../engine/deps';
import { NotFoundError } from '../../../platform/errors';
import type { Organisation } from '../../../engine/directory';
import { flowFormErrors, INPUT_REMINDER_OPTIONS, newInputPage, type NewInputValues } from '../flow-forms';
import { inputPage, inputsPage } from '../flow-pages';
import { attempt, htmlReply, redirect, type Form, type Reply, type SignedInRoutes } from '../http';
import { fromLocalInput } from '../round-pages';

function inputValues(form: Form): NewInputValues {
  return {
    title: form.text('title'),
    request: form.text('request'),
    organisationIds: form.all('organisationIds'),
    kind: form.get('kind') || undefined,
    deadline: form.get('deadline'),
    reminders: form.all('reminders'),
    escalate: form.get('escalate') === 'yes',
    bodyId: form.get('bodyId'),
  };
}

/** The form as the API's request. */
function inputRequest(v: NewInputValues, orgs: Organisation[]) {
  // "All partners of a kind" adds every active partner of that kind with a contact.
  const ofKind = v.kind
    ? orgs.filter((o) => o.kind === v.kind && o.active !== false && o.contactIds.length > 0).map((o) => o.id)
    : [];
  return {
    title: v.title,
    request: v.request,
    organisationIds: [...new Set([...(v.organisationIds ?? []), ...ofKind])],
    deadline: fromLocalInput(v.deadline) ?? '',
    reminders: (v.reminders ?? []).filter((d) => (INPUT_REMINDER_OPTIONS as readonly string[]).includes(d)),
    escalate: v.escalate ?? false,
    bodyId: v.bodyId ?? '',
  };
}

export const inputRoundRoutes = {
  'GET /console/input-rounds': async ({ ctx }) => htmlReply(200, inputsPage(ctx, await inputRoundDeps().inputs.list())),
  'GET /console/input-rounds/new': async ({ ctx }) => {
    const [bodies, orgs] = await Promise.all([directoryStore().listBodies(), directoryStore().listOrganisations()]);
    return htmlReply(200, newInputPage(ctx, bodies, orgs, { bodyId: bodies.find((b) => b.kind === 'board')?.id }));
  },
  'POST /console/input-rounds': async ({ ctx, form, session }) => {
    const values = inputValues(form);
    const orgs = await directoryStore().listOrganisations();
    const result = await attempt<Parameters<typeof createInputRound>[1]>(
      CreateInputRound,
      inputRequest(values, orgs),
      async (checked) => {
        const round = await createInputRound(inputRoundDeps(), checked, session.sub);
        return redirect(`/console/input-rounds/${round.id}`);
      },
    );
    if ('status' in result) return result as Reply;
    const bodies = await directoryStore().listBodies();
    return htmlReply(400, newInputPage(ctx, bodies, orgs, values, flowFormErrors(ctx.lang, result)));
  },
  'GET /console/input-rounds/{id}': async ({ ctx, params: { id } }) => {
    const round = await inputRoundDeps().inputs.get(id);
    if (!round) throw new NotFoundError('input round', id);
    const [orgs, timeline] = await Promise.all([
      directoryStore().listOrganisations(),
      inputRoundDeps().inputs.listAudit(id),
    ]);
    return htmlReply(200, inputPage(ctx, round, orgs, timeline));
  },
} satisfies Partial<SignedInRoutes>;
