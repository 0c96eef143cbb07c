/** Action items from the console: list, create, and steer (a new date, or closed with its result). */
import { CreateFollowUp, createFollowUp, followUpDeps, loadItem, SteerFollowUp, steerFollowUp } from '../../follow-up';
import { directoryStore } from '../../../engine/deps';
import { ConflictError } from '../../../platform/errors';
import type { Lang } from '../../../platform/time';
import { flowFormErrors, newItemPage, steerForms, type NewItemValues } from '../flow-forms';
import { itemPage } from '../flow-pages';
import { attempt, htmlReply, redirect, type Form, type Reply, type SignedInRoutes } from '../http';
import { fromLocalInput, toLocalInput } from '../round-pages';
import type { ConsoleContext } from '../ui';

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
  const steer = steerForms(ctx, item, errors, toLocalInput(item.due));
  return htmlReply(status, itemPage(ctx, item, people, orgs, timeline, deps.now(), steer, notice));
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

/** The form as the API's request: the owner is a person or a partner, never both. */
function itemRequest(v: NewItemValues) {
  return {
    what: v.what,
    origin: { kind: v.originKind, ...(v.ref ? { ref: v.ref } : {}) },
    due: fromLocalInput(v.due) ?? '',
    bodyId: v.bodyId ?? '',
    ...(v.ownerKind === 'organisation'
      ? { ownerOrganisationId: v.ownerOrganisationId || undefined }
      : { ownerPersonId: v.ownerPersonId || undefined }),
  };
}

async function newItemForm(
  ctx: ConsoleContext,
  status: number,
  values: NewItemValues,
  errors?: Record<string, string>,
) {
  const [bodies, people, orgs] = await Promise.all([
    directoryStore().listBodies(),
    directoryStore().listPeople(),
    directoryStore().listOrganisations(),
  ]);
  // A fresh form proposes the kerngroep; a refused one shows exactly what was sent.
  const shown = errors ? values : { bodyId: bodies.find((b) => b.kind === 'core-group')?.id };
  return htmlReply(status, newItemPage(ctx, bodies, people, orgs, shown, errors));
}

export const followUpRoutes = {
  'GET /console/follow-ups/new': async ({ ctx }) => newItemForm(ctx, 200, {}),
  'POST /console/follow-ups': async ({ ctx, form, session }) => {
    const values = itemValues(form);
    const result = await attempt<Parameters<typeof createFollowUp>[1]>(
      CreateFollowUp,
      itemRequest(values),
      async (checked) => {
        const item = await createFollowUp(followUpDeps(), checked, session.sub);
        return redirect(`/console/follow-ups/${item.id}?m=created`);
      },
    );
    if ('status' in result) return result as Reply;
    return newItemForm(ctx, 400, values, flowFormErrors(ctx.lang, result));
  },
  'GET /console/follow-ups/{id}': async ({ ctx, query, params }) =>
    itemView(ctx, params.id, 200, undefined, query.m ? saved[ctx.lang][query.m] : undefined),
  'POST /console/follow-ups/{id}/steer': async ({ ctx, form, session, params: { id } }) => {
    const action = form.get('action');
    const request =
      action === 'move'
        ? { action, due: fromLocalInput(form.get('due')) ?? '', reason: form.text('reason') }
        : { action, result: form.text('result') };
    try {
      const result = await attempt<Parameters<typeof steerFollowUp>[2]>(SteerFollowUp, request, async (checked) => {
        await steerFollowUp(followUpDeps(), id, checked, session.sub);
        return redirect(`/console/follow-ups/${id}?m=${action === 'move' ? 'moved' : 'done'}`);
      });
      if ('status' in result) return result as Reply;
      return itemView(ctx, id, 400, flowFormErrors(ctx.lang, result));
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      return itemView(ctx, id, 409, flowFormErrors(ctx.lang, { closed: 'closed' }));
    }
  },
} satisfies Partial<SignedInRoutes>;
