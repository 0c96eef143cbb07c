/** Groups (bodies): the list, a new group, a group's settings, and its members with their roles. */
import { createBody, saveBodySettings, saveMemberships } from '../../directory';
import { directoryStore } from '../../../engine/deps';
import { NotFoundError, ValidationError } from '../../../platform/errors';
import { bodiesPage, bodyPage } from '../directory-pages';
import { type Form, htmlReply, redirect, type Reply, type SignedInRoutes } from '../http';
import type { ConsoleContext } from '../ui';

async function bodyView(
  ctx: ConsoleContext,
  id: string,
  status: number,
  notice?: string,
  errors?: Record<string, string>,
): Promise<Reply> {
  const body = await directoryStore().getBody(id);
  if (!body) throw new NotFoundError('body', id);
  const [people, bodies] = await Promise.all([directoryStore().listPeople(), directoryStore().listBodies()]);
  return htmlReply(status, bodyPage(ctx, body, people, bodies, notice, errors));
}

/** The member rows as posted (at most 500), and the one person to add. */
function membershipChanges(form: Form) {
  const count = Math.min(500, Math.max(0, Number(form.get('count') ?? 0) || 0));
  const changes = Array.from({ length: count }, (_, i) => ({
    personId: form.text(`m${i}.personId`),
    role: form.text(`m${i}.role`),
    voting: form.get(`m${i}.voting`) === 'yes',
    represents: form.text(`m${i}.represents`) || undefined,
    substituteFor: form.text(`m${i}.substituteFor`) || undefined,
    remove: form.get(`m${i}.remove`) === 'yes',
  }));
  const add = {
    personId: form.text('add.personId') || undefined,
    role: form.text('add.role'),
    voting: form.get('add.voting') === 'yes',
  };
  return { changes, add };
}

/** The service's field errors, as the words shown beside the member rows and the "add" row. */
function membershipErrors(fields: Record<string, string>, t: ConsoleContext['t']): Record<string, string> {
  const words: Record<string, string> = { 'add.personId': t.errPerson, represents: t.errGroup, version: t.formExpired };
  return Object.fromEntries(
    Object.keys(fields).map((f) => [
      f === 'version' || f === 'represents' ? 'add.personId' : f,
      words[f] ?? t.errPerson,
    ]),
  );
}

const formVersion = (form: Form) => Number(form.get('version') ?? 0) || 0;

export const bodyRoutes = {
  'POST /console/bodies': async ({ ctx, form }) => {
    try {
      const body = await createBody(directoryStore(), { name: form.text('name'), kind: form.text('kind') }, ctx.t);
      return redirect(`/console/bodies/${body.id}?m=saved`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return htmlReply(400, bodiesPage(ctx, await directoryStore().listBodies(), err.fields));
    }
  },
  'GET /console/bodies/{id}': async ({ ctx, query, params }) =>
    bodyView(ctx, params.id, 200, query.m === 'saved' ? ctx.t.saved : undefined),
  'POST /console/bodies/{id}': async ({ ctx, form, params: { id } }) => {
    const { changes, add } = membershipChanges(form);
    try {
      await saveMemberships(directoryStore(), id, changes, add, formVersion(form));
      return redirect(`/console/bodies/${id}?m=saved`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return bodyView(ctx, id, 400, undefined, membershipErrors(err.fields, ctx.t));
    }
  },
  'POST /console/bodies/{id}/settings': async ({ ctx, form, params: { id } }) => {
    const settings = { name: form.text('name'), kind: form.text('kind'), active: form.get('active') === 'yes' };
    try {
      await saveBodySettings(directoryStore(), id, settings, formVersion(form), ctx.t);
      return redirect(`/console/bodies/${id}?m=saved`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return bodyView(
        ctx,
        id,
        400,
        undefined,
        err.fields.version ? { name: ctx.t.formExpired } : { name: ctx.t.required },
      );
    }
  },
} satisfies Partial<SignedInRoutes>;
