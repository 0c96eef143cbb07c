/**
 * The console's routes: each reads the request, calls one service, and renders a page or
 * redirects (post/redirect/get). Sessions and CSRF are checked here, before any route runs.
 */
import { DynamoMeetingStore } from '../meeting';
import { DynamoNoticeStore } from '../../engine/notice-store';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import {
  csrfMatches,
  newSession,
  openSession,
  readCookie,
  sealSession,
  sessionCookie,
  SESSION_COOKIE,
} from './session';
import type { Lang } from '../../platform/time';
import { config } from '../../platform/config';
import { directoryStore, replanReminders } from '../../engine/deps';
import { followUpDeps } from '../follow-up';
import { inputRoundDeps } from '../input-round';
import { roundDeps } from '../approval-round';
import { overdueItems } from './flow-pages';
import { flowRoutes } from './flow-routes';
import { logger } from '../../platform/logger';
import { CreateRound } from '../approval-round';
import { parse } from '../../platform/validation';
import type { HttpEvent } from '../../platform/http';
import { cancelApprovalRound, createApprovalRound, extendDeadline, loadRound, remindNow } from '../approval-round';
import { createBody, saveBodySettings, saveMemberships, saveOrganisation, savePerson } from '../directory';
import { CONSOLE_CSS, CONSOLE_JS } from './assets';
import { bodiesPage, bodyPage, partnerPage, partnersPage, peoplePage, personPage } from './directory-pages';
import { Form, htmlReply, redirect, safeBack, type Handler, type Reply, type Request } from './http';
import { messagePage, overviewPage, signInPage, waitingBeyondDate } from './overview-pages';
import {
  dossierPage,
  fromLocalInput,
  liveVersion,
  newRoundPage,
  REMINDER_OPTIONS,
  roundListPage,
  roundLiveFragment,
  roundPage,
  timelineCsv,
  toLocalInput,
  type NewRoundValues,
} from './round-pages';
import { authorizeUrl, cognitoSettings, completeCognitoSignIn, localCodeMatches, pkcePair } from './sign-in';
import { contextFor, type ConsoleContext } from './ui';

const LANG_COOKIE = '__Host-ac_lang';

const nowSeconds = () => Math.floor(roundDeps().now().getTime() / 1000);

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

/** The form as a round request; the API's schema then checks it exactly as it checks JSON. */
function parseRoundForm(form: Form): { values: NewRoundValues; request: unknown; errors: Record<string, string> } {
  const values: NewRoundValues = {
    title: form.text('title'),
    summary: form.text('summary'),
    documents: form.get('documents') ?? '',
    who: form.get('who') === 'people' ? 'people' : 'body',
    bodyId: form.get('bodyId'),
    approverIds: form.all('approverIds'),
    rule: form.get('rule') ?? 'majority',
    quorum: form.text('quorum'),
    consentQuorum: form.get('consentQuorum') === 'on',
    consentDeadline: form.get('consentDeadline'),
    deadline: form.get('deadline'),
    reminders: form.all('reminders'),
  };
  const errors: Record<string, string> = {};
  const documents = (values.documents ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [title, url] = line.split('|').map((x) => x.trim());
      return { title: title ?? '', url: url ?? '' };
    });
  const quorum = Number(values.quorum || '50');
  if (!Number.isInteger(quorum) || quorum < 1 || quorum > 99) errors.quorum = 'quorum';
  const deadline = fromLocalInput(values.deadline);
  if (!deadline) errors.deadline = 'deadline';
  const consentDeadline = fromLocalInput(values.consentDeadline);
  if (values.rule === 'consensus-then-majority' && !consentDeadline) errors.consentDeadline = 'consentDeadline';
  const rule =
    values.rule === 'majority'
      ? { type: 'majority', quorum: quorum / 100 }
      : values.rule === 'consensus-then-majority'
        ? { type: values.rule, consentDeadline: consentDeadline ?? '', quorum: quorum / 100 }
        : // Consent adopts on silence unless the office asks for a minimum turnout too.
          values.rule === 'consent' && values.consentQuorum
          ? { type: values.rule, quorum: quorum / 100 }
          : { type: values.rule };
  const request = {
    title: values.title,
    summary: values.summary,
    documents,
    rule,
    deadline: deadline ?? '',
    reminders: (values.reminders ?? []).filter((d) => (REMINDER_OPTIONS as readonly string[]).includes(d)),
    ...(values.who === 'people'
      ? { approverIds: values.approverIds?.length ? values.approverIds : undefined }
      : { bodyId: values.bodyId || '' }),
  };
  return { values, request, errors };
}

/** Whatever the schema or the service says about a field, the person reads what to do, in their language. */
function roundFormErrors(fields: Record<string, string>, t: ConsoleContext['t']): Record<string, string> {
  const message: Record<string, string> = {
    title: t.errTitle,
    summary: t.errSummary,
    documents: t.documentsHint,
    bodyId: t.errBody,
    approverIds: t.errApprovers,
    rule: t.errRule,
    deadline: t.errDeadline,
    consentDeadline: t.errConsentDeadline,
    quorum: t.quorumHint,
    reminders: t.errReminders,
  };
  const out: Record<string, string> = {};
  for (const field of Object.keys(fields)) {
    const [head, second] = field.split('.');
    const key = head === 'rule' && (second === 'consentDeadline' || second === 'quorum') ? second : head;
    out[key] ??= message[key] ?? t.errorsTitle;
  }
  return out;
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

const routes: [string, RegExp, Handler][] = [
  [
    'GET',
    /^\/console$/,
    async ({ ctx }) => {
      const deps = roundDeps();
      const table = config().tableName;
      const [all, notices, items, inputs, meetings] = await Promise.all([
        deps.rounds.list(),
        new DynamoNoticeStore(table).latest(10),
        followUpDeps().items.list(),
        inputRoundDeps().inputs.list(),
        new DynamoMeetingStore(table).list('open'),
      ]);
      const now = deps.now();
      const open = all.filter((r) => r.status === 'open');
      const waiting = waitingBeyondDate({ items, inputs, meetings }, now);
      return htmlReply(200, overviewPage(ctx, open, notices, now, overdueItems(items, now), { all, waiting }));
    },
  ],
  [
    'GET',
    /^\/console\/rounds$/,
    async ({ ctx }) => htmlReply(200, roundListPage(ctx, await roundDeps().rounds.list())),
  ],
  [
    'GET',
    /^\/console\/rounds\/new$/,
    async ({ ctx }) => {
      const [bodies, people] = await Promise.all([directoryStore().listBodies(), directoryStore().listPeople()]);
      const inTwoWeeks = new Date(roundDeps().now().getTime() + 14 * 86400_000);
      inTwoWeeks.setUTCMinutes(0, 0, 0);
      return htmlReply(
        200,
        newRoundPage(ctx, bodies, people, {
          deadline: toLocalInput(inTwoWeeks.toISOString()),
          bodyId: bodies.find((b) => b.kind === 'board')?.id,
        }),
      );
    },
  ],
  [
    'POST',
    /^\/console\/rounds$/,
    async ({ ctx, form, session }) => {
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
          // The form's one-time key makes a double click or a resubmit start one round, not two.
          const key = /^[A-Za-z0-9_-]{16,64}$/.test(form.text('once')) ? `console-${form.text('once')}` : undefined;
          const round = await createApprovalRound(
            roundDeps(),
            checked as Parameters<typeof createApprovalRound>[1],
            session!.sub,
            key,
          );
          return redirect(`/console/rounds/${round.id}`);
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          errors = err.fields;
        }
      }
      const [bodies, people] = await Promise.all([directoryStore().listBodies(), directoryStore().listPeople()]);
      return htmlReply(400, newRoundPage(ctx, bodies, people, values, roundFormErrors(errors, ctx.t)));
    },
  ],
  [
    'GET',
    /^\/console\/rounds\/([\w-]+)$/,
    async ({ ctx, query }, [id]) => {
      const { round, names, timeline } = await roundView(id);
      return htmlReply(200, roundPage(ctx, round, names, timeline, flashMessage(ctx.t, query)));
    },
  ],
  [
    'GET',
    /^\/console\/rounds\/([\w-]+)\/live$/,
    async ({ ctx }, [id]) => {
      const { round, names, timeline } = await roundView(id);
      return {
        status: 200,
        body: roundLiveFragment(ctx, round, names, timeline),
        extraHeaders: { 'x-live-version': liveVersion(round, timeline) },
      };
    },
  ],
  [
    'POST',
    /^\/console\/rounds\/([\w-]+)\/remind$/,
    async ({ session }, [id]) => {
      const { reminded } = await remindNow(roundDeps(), id, session!.sub);
      return redirect(`/console/rounds/${id}?m=reminded&n=${reminded}`);
    },
  ],
  [
    'POST',
    /^\/console\/rounds\/([\w-]+)\/extend$/,
    async ({ ctx, form, session }, [id]) => {
      const deadline = fromLocalInput(form.get('deadline'));
      try {
        if (!deadline) throw new ValidationError({ deadline: 'invalid' });
        await extendDeadline(roundDeps(), id, deadline, session!.sub);
        return redirect(`/console/rounds/${id}?m=extended`);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return roundWithErrors(ctx, id, { deadline: ctx.t.errExtend });
      }
    },
  ],
  [
    'POST',
    /^\/console\/rounds\/([\w-]+)\/cancel$/,
    async ({ ctx, form, session }, [id]) => {
      const reason = form.text('reason');
      if (reason.length < 3) return roundWithErrors(ctx, id, { reason: ctx.t.required });
      await cancelApprovalRound(roundDeps(), id, reason.slice(0, 1000), session!.sub);
      return redirect(`/console/rounds/${id}?m=cancelled`);
    },
  ],
  [
    'GET',
    /^\/console\/rounds\/([\w-]+)\/audit\.csv$/,
    async ({ ctx }, [id]) => {
      const { round, names, timeline } = await roundView(id);
      return {
        status: 200,
        body: timelineCsv(ctx, round, names, timeline),
        type: 'text/csv; charset=utf-8',
        extraHeaders: { 'content-disposition': `attachment; filename="ronde-${id}.csv"` },
      };
    },
  ],
  [
    'GET',
    /^\/console\/rounds\/([\w-]+)\/dossier$/,
    async ({ ctx }, [id]) => {
      const { round, names, timeline } = await roundView(id);
      return htmlReply(200, dossierPage(ctx, round, names, timeline, roundDeps().now()));
    },
  ],
  ...flowRoutes,
  [
    'GET',
    /^\/console\/people$/,
    async ({ ctx, query }) => {
      const [people, orgs] = await Promise.all([directoryStore().listPeople(), directoryStore().listOrganisations()]);
      return htmlReply(200, peoplePage(ctx, people, orgs, query.m === 'saved' ? ctx.t.saved : undefined));
    },
  ],
  [
    'GET',
    /^\/console\/people\/new$/,
    async ({ ctx }) => htmlReply(200, personPage(ctx, null, {}, await directoryStore().listOrganisations())),
  ],
  [
    'GET',
    /^\/console\/people\/([\w-]+)$/,
    async ({ ctx }, [id]) => {
      const person = await directoryStore().getPerson(id);
      if (!person) throw new NotFoundError('person', id);
      return htmlReply(200, personPage(ctx, id, person, await directoryStore().listOrganisations()));
    },
  ],
  [
    'POST',
    /^\/console\/people(?:\/([\w-]+))?$/,
    async ({ ctx, form }, [id]) => {
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
        const saved = await savePerson(directoryStore(), id ?? null, input, ctx.t);
        await replanReminders(saved.id);
        return redirect('/console/people?m=saved');
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const errors = {
          ...err.fields,
          ...(err.fields.organisationId ? { organisationId: ctx.t.errOrganisation } : {}),
        };
        return htmlReply(400, personPage(ctx, id ?? null, input, await directoryStore().listOrganisations(), errors));
      }
    },
  ],
  [
    'GET',
    /^\/console\/bodies$/,
    async ({ ctx }) => htmlReply(200, bodiesPage(ctx, await directoryStore().listBodies())),
  ],
  [
    'POST',
    /^\/console\/bodies$/,
    async ({ ctx, form }) => {
      try {
        const body = await createBody(directoryStore(), { name: form.text('name'), kind: form.text('kind') }, ctx.t);
        return redirect(`/console/bodies/${body.id}?m=saved`);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return htmlReply(400, bodiesPage(ctx, await directoryStore().listBodies(), err.fields));
      }
    },
  ],
  [
    'POST',
    /^\/console\/bodies\/([\w-]+)\/settings$/,
    async ({ ctx, form }, [id]) => {
      try {
        await saveBodySettings(
          directoryStore(),
          id,
          { name: form.text('name'), kind: form.text('kind'), active: form.get('active') === 'yes' },
          Number(form.get('version') ?? 0) || 0,
          ctx.t,
        );
        return redirect(`/console/bodies/${id}?m=saved`);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return bodyWithErrors(ctx, id, err.fields.version ? { name: ctx.t.formExpired } : { name: ctx.t.required });
      }
    },
  ],
  [
    'GET',
    /^\/console\/partners$/,
    async ({ ctx, query }) => {
      const [orgs, people] = await Promise.all([directoryStore().listOrganisations(), directoryStore().listPeople()]);
      return htmlReply(200, partnersPage(ctx, orgs, people, query.m === 'saved' ? ctx.t.saved : undefined));
    },
  ],
  [
    'GET',
    /^\/console\/partners\/new$/,
    async ({ ctx }) => htmlReply(200, partnerPage(ctx, null, {}, await directoryStore().listPeople())),
  ],
  [
    'GET',
    /^\/console\/partners\/([\w-]+)$/,
    async ({ ctx }, [id]) => {
      const org = await directoryStore().getOrganisation(id);
      if (!org) throw new NotFoundError('organisation', id);
      return htmlReply(200, partnerPage(ctx, id, org, await directoryStore().listPeople()));
    },
  ],
  [
    'POST',
    /^\/console\/partners(?:\/([\w-]+))?$/,
    async ({ ctx, form }, [id]) => {
      const input = {
        name: form.text('name'),
        kind: form.text('kind'),
        contactIds: form.all('contactIds'),
        active: form.get('active') === 'yes',
      };
      try {
        await saveOrganisation(directoryStore(), id ?? null, input, ctx.t);
        return redirect('/console/partners?m=saved');
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return htmlReply(400, partnerPage(ctx, id ?? null, input, await directoryStore().listPeople(), err.fields));
      }
    },
  ],
  [
    'GET',
    /^\/console\/bodies\/([\w-]+)$/,
    async ({ ctx, query }, [id]) => {
      const body = await directoryStore().getBody(id);
      if (!body) throw new NotFoundError('body', id);
      const [people, bodies] = await Promise.all([directoryStore().listPeople(), directoryStore().listBodies()]);
      return htmlReply(200, bodyPage(ctx, body, people, bodies, query.m === 'saved' ? ctx.t.saved : undefined));
    },
  ],
  [
    'POST',
    /^\/console\/bodies\/([\w-]+)$/,
    async ({ ctx, form }, [id]) => {
      const count = Math.min(500, Math.max(0, Number(form.get('count') ?? 0) || 0));
      const changes = Array.from({ length: count }, (_, i) => ({
        personId: form.text(`m${i}.personId`),
        role: form.text(`m${i}.role`),
        voting: form.get(`m${i}.voting`) === 'yes',
        represents: form.text(`m${i}.represents`) || undefined,
        substituteFor: form.text(`m${i}.substituteFor`) || undefined,
        remove: form.get(`m${i}.remove`) === 'yes',
      }));
      try {
        await saveMemberships(
          directoryStore(),
          id,
          changes,
          {
            personId: form.text('add.personId') || undefined,
            role: form.text('add.role'),
            voting: form.get('add.voting') === 'yes',
          },
          Number(form.get('version') ?? 0) || 0,
        );
        return redirect(`/console/bodies/${id}?m=saved`);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const words: Record<string, string> = {
          'add.personId': ctx.t.errPerson,
          represents: ctx.t.errGroup,
          version: ctx.t.formExpired,
        };
        return bodyWithErrors(
          ctx,
          id,
          Object.fromEntries(
            Object.keys(err.fields).map((f) => [
              f === 'version' || f === 'represents' ? 'add.personId' : f,
              words[f] ?? ctx.t.errPerson,
            ]),
          ),
        );
      }
    },
  ],
];

async function bodyWithErrors(ctx: ConsoleContext, id: string, errors: Record<string, string>): Promise<Reply> {
  const body = await directoryStore().getBody(id);
  if (!body) throw new NotFoundError('body', id);
  const [people, bodies] = await Promise.all([directoryStore().listPeople(), directoryStore().listBodies()]);
  return htmlReply(400, bodyPage(ctx, body, people, bodies, undefined, errors));
}

async function roundWithErrors(ctx: ConsoleContext, id: string, errors: Record<string, string>): Promise<Reply> {
  const { round, names, timeline } = await roundView(id);
  return htmlReply(400, roundPage(ctx, round, names, timeline, undefined, errors));
}

/** Routes that need no session: assets, language, sign-in. */
async function publicRoute(req: Request): Promise<Reply | null> {
  const { method, path, ctx, form, query, session } = req;
  const keys = await roundDeps().linkKeys();
  const base = config().publicBaseUrl;
  if (path === '/console/assets/console.css')
    return { status: 200, body: CONSOLE_CSS, type: 'text/css; charset=utf-8' };
  if (path === '/console/assets/console.js')
    return { status: 200, body: CONSOLE_JS, type: 'text/javascript; charset=utf-8' };
  if (path === '/console/lang' && method === 'GET') {
    const to: Lang = query.to === 'en' ? 'en' : 'nl';
    return redirect(safeBack(query.back), [`${LANG_COOKIE}=${to}; Path=/; Secure; SameSite=Lax; Max-Age=31536000`]);
  }
  const cognito = cognitoSettings(base);
  // Signed in already: the sign-in pages must not replace (and so end) a working session.
  if ((path === '/console/sign-in' || path === '/console/sign-in/start') && method === 'GET' && session?.sub)
    return redirect('/console');
  if (path === '/console/sign-in' && method === 'GET') {
    // A session without a user: it carries the form secret (and, for Cognito, the PKCE verifier).
    const pre = newSession('', '', nowSeconds(), 3600);
    return htmlReply(200, signInPage({ ...ctx, csrf: pre.csrf }, cognito ? 'cognito' : 'local'), [
      sessionCookie(sealSession(keys, pre), 3600),
    ]);
  }
  if (path === '/console/sign-in' && method === 'POST') {
    if (!session || !csrfMatches(session, form.get('_csrf')))
      return htmlReply(400, signInPage({ ...ctx, csrf: session?.csrf }, 'local', { code: ctx.t.formExpired }));
    if (cognito || !localCodeMatches(form.text('code')))
      return htmlReply(
        401,
        signInPage({ ...ctx, csrf: session.csrf }, cognito ? 'cognito' : 'local', { code: ctx.t.wrongCode }),
      );
    return redirect('/console', [
      sessionCookie(sealSession(keys, newSession('programmabureau', 'Programmabureau', nowSeconds()))),
    ]);
  }
  if (path === '/console/sign-in/start' && method === 'GET' && cognito) {
    const { verifier, challenge } = pkcePair();
    const pre = { ...newSession('', '', nowSeconds(), 900), pkce: verifier };
    return redirect(authorizeUrl(cognito, pre.csrf, challenge), [sessionCookie(sealSession(keys, pre), 900)]);
  }
  if (path === '/console/callback' && method === 'GET' && cognito) {
    if (!session?.pkce || !query.code || !csrfMatches(session, query.state))
      return htmlReply(400, signInPage(ctx, 'cognito', { code: ctx.t.formExpired }));
    const user = await completeCognitoSignIn(cognito, query.code, session.pkce);
    if (!user) return htmlReply(401, signInPage(ctx, 'cognito', { code: ctx.t.wrongCode }));
    return redirect('/console', [sessionCookie(sealSession(keys, newSession(user.sub, user.name, nowSeconds())))]);
  }
  return null;
}

export async function handleConsole(event: HttpEvent): Promise<Reply> {
  const method = event.requestContext.http.method.toUpperCase();
  const path = (event.rawPath || '/console').replace(/\/+$/, '') || '/console';
  const cookies = event.cookies ?? event.headers?.cookie?.split(/;\s*/);
  const lang: Lang = readCookie(cookies, LANG_COOKIE) === 'en' ? 'en' : 'nl';
  const keys = await roundDeps().linkKeys();
  const session = openSession(keys, readCookie(cookies, SESSION_COOKIE), nowSeconds());
  const signedIn = session && session.sub ? session : null;
  const ctx = contextFor(lang, path, signedIn?.name, session?.csrf);
  const query = event.queryStringParameters ?? {};
  const req: Request = { event, method, path, ctx, session, form: new Form(event), query };
  try {
    const open = await publicRoute(req);
    if (open) return open;
    if (!signedIn)
      return method === 'GET'
        ? redirect('/console/sign-in')
        : htmlReply(401, messagePage(ctx, ctx.t.signIn, ctx.t.formExpired));
    if (method === 'POST' && !csrfMatches(signedIn, req.form.get('_csrf')))
      return htmlReply(403, messagePage(ctx, ctx.t.signIn, ctx.t.formExpired));
    if (path === '/console/sign-out' && method === 'POST') return redirect('/console/sign-in', [sessionCookie('', 0)]);
    for (const [m, pattern, handler] of routes) {
      const match = m === method ? pattern.exec(path) : null;
      if (match) return await handler({ ...req, session: signedIn }, match.slice(1));
    }
    return htmlReply(404, messagePage(ctx, ctx.t.notFound, ctx.t.notFound));
  } catch (err) {
    if (err instanceof NotFoundError) return htmlReply(404, messagePage(ctx, ctx.t.notFound, ctx.t.notFound));
    if (err instanceof ConflictError) return htmlReply(409, messagePage(ctx, ctx.t.status, ctx.t.errClosed));
    if (err instanceof ValidationError)
      return htmlReply(400, messagePage(ctx, ctx.t.errorsTitle, Object.values(err.fields).join(' ')));
    logger.error('console error', { errorName: (err as Error)?.name, path });
    return htmlReply(500, messagePage(ctx, ctx.t.problem, ctx.t.problem));
  }
}
