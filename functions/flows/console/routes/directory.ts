/** People and partners (organisations): lists, and one form each to add or change one. */
import { saveOrganisation, savePerson } from '../../directory';
import { directoryStore, replanReminders } from '../../../engine/deps';
import { NotFoundError, ValidationError } from '../../../platform/errors';
import { partnerPage, personPage } from '../directory-pages';
import { htmlReply, redirect, type Handler, type SignedInRoutes } from '../http';

/** POST /console/people adds a person, POST /console/people/{id} changes one: the same form. */
const savePersonForm: Handler = async ({ ctx, form, params }) => {
  const id = params.id ?? null;
  const input = {
    name: form.text('name'),
    email: form.text('email'),
    lang: form.text('lang'),
    kind: form.text('kind'),
    organisationId: form.text('organisationId') || undefined,
    active: form.get('active') === 'yes',
    reminderPreference: form.text('reminderPreference'),
  };
  try {
    const saved = await savePerson(directoryStore(), id, input, ctx.t);
    await replanReminders(saved.id);
    return redirect('/console/people?m=saved');
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const errors = {
      ...err.fields,
      ...(err.fields.organisationId ? { organisationId: ctx.t.errOrganisation } : {}),
    };
    return htmlReply(400, personPage(ctx, id, input, await directoryStore().listOrganisations(), errors));
  }
};

/** POST /console/partners adds a partner, POST /console/partners/{id} changes one. */
const savePartnerForm: Handler = async ({ ctx, form, params }) => {
  const id = params.id ?? null;
  const input = {
    name: form.text('name'),
    kind: form.text('kind'),
    contactIds: form.all('contactIds'),
    active: form.get('active') === 'yes',
  };
  try {
    await saveOrganisation(directoryStore(), id, input, ctx.t);
    return redirect('/console/partners?m=saved');
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return htmlReply(400, partnerPage(ctx, id, input, await directoryStore().listPeople(), err.fields));
  }
};

export const directoryRoutes = {
  'GET /console/people/new': async ({ ctx }) =>
    htmlReply(200, personPage(ctx, null, {}, await directoryStore().listOrganisations())),
  'GET /console/people/{id}': async ({ ctx, params: { id } }) => {
    const person = await directoryStore().getPerson(id);
    if (!person) throw new NotFoundError('person', id);
    return htmlReply(200, personPage(ctx, id, person, await directoryStore().listOrganisations()));
  },
  'POST /console/people': savePersonForm,
  'POST /console/people/{id}': savePersonForm,
  'GET /console/partners/new': async ({ ctx }) =>
    htmlReply(200, partnerPage(ctx, null, {}, await directoryStore().listPeople())),
  'GET /console/partners/{id}': async ({ ctx, params: { id } }) => {
    const org = await directoryStore().getOrganisation(id);
    if (!org) throw new NotFoundError('organisation', id);
    return htmlReply(200, partnerPage(ctx, id, org, await directoryStore().listPeople()));
  },
  'POST /console/partners': savePartnerForm,
  'POST /console/partners/{id}': savePartnerForm,
} satisfies Partial<SignedInRoutes>;
