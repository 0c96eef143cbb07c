/**
 * Console routes for action items and input rounds: the forms go through the same schemas and
 * services as the API, then post/redirect/get.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import type { Lang } from '../../platform/time';
import { directoryStore } from '../../engine/deps';
import { followUpDeps } from '../follow-up';
import { inputRoundDeps } from '../input-round';
import { roundDeps } from '../approval-round';
import { CreateFollowUp, SteerFollowUp } from '../follow-up';
import { CreateInputRound } from '../input-round';
import { parse } from '../../platform/validation';
import { createFollowUp, loadItem, steerFollowUp } from '../follow-up';
import { createInputRound } from '../input-round';
import {
  flowFormErrors,
  INPUT_REMINDER_OPTIONS,
  newInputPage,
  newItemPage,
  steerForms,
  type NewInputValues,
  type NewItemValues,
} from './flow-forms';
import { inputPage, inputsPage, itemPage, itemsPage } from './flow-pages';
import { htmlReply, redirect, type Form, type Handler, type Reply } from './http';
import { fromLocalInput, toLocalInput } from './round-pages';
import type { ConsoleContext } from './ui';

const saved: Record<Lang, Record<string, string>> = {
  nl: {
    created: 'Het actiepunt is aangemaakt. De eigenaar krijgt herinneringen vóór de datum.',
    done: 'Het actiepunt is afgerond.',
    moved: 'De datum is aangepast.',
  },
  en: {
    created: 'The action item was created. The owner gets reminders before the date.',
    done: 'The action item was closed.',
    moved: 'The date was changed.',
  },
};

/** Check with the API's schema, then the service; any field error comes back as a form error. */
async function attempt<T>(
  schema: Parameters<typeof parse>[0],
  request: unknown,
  run: (checked: T) => Promise<Reply>,
): Promise<Reply | Record<string, string>> {
  try {
    return await run(parse(schema, request) as T);
  } catch (err) {
    if (err instanceof ValidationError) return err.fields;
    throw err;
  }
}

async function itemView(
  ctx: ConsoleContext,
  id: string,
  status: number,
  errors?: Record<string, string>,
  notice?: string,
): Promise<Reply> {
  const deps = followUpDeps();
  const item = await loadItem(deps, id);
  const [people, orgs, timeline] = await Promise.all([
    directoryStore().listPeople(),
    directoryStore().listOrganisations(),
    deps.items.listAudit(id),
  ]);
  return htmlReply(
    status,
    itemPage(
      ctx,
      item,
      people,
      orgs,
      timeline,
      deps.now(),
      steerForms(ctx, item, errors, toLocalInput(item.due)),
      notice,
    ),
  );
}

function itemValues(form: Form): NewItemValues {
  return {
    what: form.text('what'),
    originKind: form.get('originKind'),
    ref: form.text('ref'),
    ownerKind: form.get('ownerKind'),
    ownerPersonId: form.get('ownerPersonId'),
    ownerOrganisationId: form.get('ownerOrganisationId'),
    due: form.get('due'),
    bodyId: form.get('bodyId'),
  };
}

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

export const flowRoutes: [string, RegExp, Handler][] = [
  [
    'GET',
    /^\/console\/follow-ups$/,
    async ({ ctx }) => {
      const [items, people, orgs] = await Promise.all([
        followUpDeps().items.list(),
        directoryStore().listPeople(),
        directoryStore().listOrganisations(),
      ]);
      return htmlReply(200, itemsPage(ctx, items, people, orgs, roundDeps().now()));
    },
  ],
  [
    'GET',
    /^\/console\/follow-ups\/new$/,
    async ({ ctx }) => {
      const [bodies, people, orgs] = await Promise.all([
        directoryStore().listBodies(),
        directoryStore().listPeople(),
        directoryStore().listOrganisations(),
      ]);
      return htmlReply(
        200,
        newItemPage(ctx, bodies, people, orgs, { bodyId: bodies.find((b) => b.kind === 'core-group')?.id }),
      );
    },
  ],
  [
    'POST',
    /^\/console\/follow-ups$/,
    async ({ ctx, form, session }) => {
      const v = itemValues(form);
      const request = {
        what: v.what,
        origin: { kind: v.originKind, ...(v.ref ? { ref: v.ref } : {}) },
        due: fromLocalInput(v.due) ?? '',
        bodyId: v.bodyId ?? '',
        ...(v.ownerKind === 'organisation'
          ? { ownerOrganisationId: v.ownerOrganisationId || undefined }
          : { ownerPersonId: v.ownerPersonId || undefined }),
      };
      const result = await attempt<Parameters<typeof createFollowUp>[1]>(CreateFollowUp, request, async (checked) => {
        const item = await createFollowUp(followUpDeps(), checked, session!.sub);
        return redirect(`/console/follow-ups/${item.id}?m=created`);
      });
      if ('status' in result) return result as Reply;
      const [bodies, people, orgs] = await Promise.all([
        directoryStore().listBodies(),
        directoryStore().listPeople(),
        directoryStore().listOrganisations(),
      ]);
      return htmlReply(400, newItemPage(ctx, bodies, people, orgs, v, flowFormErrors(ctx.lang, result)));
    },
  ],
  [
    'GET',
    /^\/console\/follow-ups\/([\w-]+)$/,
    async ({ ctx, query }, [id]) => itemView(ctx, id, 200, undefined, query.m ? saved[ctx.lang][query.m] : undefined),
  ],
  [
    'POST',
    /^\/console\/follow-ups\/([\w-]+)\/steer$/,
    async ({ ctx, form, session }, [id]) => {
      const action = form.get('action');
      const request =
        action === 'move'
          ? { action, due: fromLocalInput(form.get('due')) ?? '', reason: form.text('reason') }
          : { action, result: form.text('result') };
      try {
        const result = await attempt<Parameters<typeof steerFollowUp>[2]>(SteerFollowUp, request, async (checked) => {
          await steerFollowUp(followUpDeps(), id, checked, session!.sub);
          return redirect(`/console/follow-ups/${id}?m=${action === 'move' ? 'moved' : 'done'}`);
        });
        if ('status' in result) return result as Reply;
        return itemView(ctx, id, 400, flowFormErrors(ctx.lang, result));
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        return itemView(ctx, id, 409, flowFormErrors(ctx.lang, { closed: 'closed' }));
      }
    },
  ],
  [
    'GET',
    /^\/console\/input-rounds$/,
    async ({ ctx }) => htmlReply(200, inputsPage(ctx, await inputRoundDeps().inputs.list())),
  ],
  [
    'GET',
    /^\/console\/input-rounds\/new$/,
    async ({ ctx }) => {
      const [bodies, orgs] = await Promise.all([directoryStore().listBodies(), directoryStore().listOrganisations()]);
      return htmlReply(200, newInputPage(ctx, bodies, orgs, { bodyId: bodies.find((b) => b.kind === 'board')?.id }));
    },
  ],
  [
    'POST',
    /^\/console\/input-rounds$/,
    async ({ ctx, form, session }) => {
      const v = inputValues(form);
      const orgs = await directoryStore().listOrganisations();
      // "All partners of a kind" adds every active partner of that kind with a contact.
      const ofKind = v.kind
        ? orgs.filter((o) => o.kind === v.kind && o.active !== false && o.contactIds.length > 0).map((o) => o.id)
        : [];
      const request = {
        title: v.title,
        request: v.request,
        organisationIds: [...new Set([...(v.organisationIds ?? []), ...ofKind])],
        deadline: fromLocalInput(v.deadline) ?? '',
        reminders: (v.reminders ?? []).filter((d) => (INPUT_REMINDER_OPTIONS as readonly string[]).includes(d)),
        escalate: v.escalate ?? false,
        bodyId: v.bodyId ?? '',
      };
      const result = await attempt<Parameters<typeof createInputRound>[1]>(
        CreateInputRound,
        request,
        async (checked) => {
          const round = await createInputRound(inputRoundDeps(), checked, session!.sub);
          return redirect(`/console/input-rounds/${round.id}`);
        },
      );
      if ('status' in result) return result as Reply;
      return htmlReply(
        400,
        newInputPage(ctx, await directoryStore().listBodies(), orgs, v, flowFormErrors(ctx.lang, result)),
      );
    },
  ],
  [
    'GET',
    /^\/console\/input-rounds\/([\w-]+)$/,
    async ({ ctx }, [id]) => {
      const round = await inputRoundDeps().inputs.get(id);
      if (!round) throw new NotFoundError('input round', id);
      const [orgs, timeline] = await Promise.all([
        directoryStore().listOrganisations(),
        inputRoundDeps().inputs.listAudit(id),
      ]);
      return htmlReply(200, inputPage(ctx, round, orgs, timeline));
    },
  ],
];
