/**
 * The public event pages, no sign-in: the list of events, the iCalendar feed, an event's page and
 * its registration form; and a registrant's own page behind their signed link. Nothing on the
 * public pages names anyone; the form answers the same whether or not an address is known.
 */
import middy from '@middy/core';
import { eventDeps } from './deps';
import { isOpen } from './event';
import { eventPage, HONEYPOT, messagePage } from './event-page';
import { formValues, readChange, readRegistration } from './form';
import { eventsFeed } from './ics';
import { eventsListPage } from './list-page';
import { eventUrl } from './mail';
import { listEvents } from './office';
import { pageWords } from './page-texts';
import { changeRegistration, openRegistration, registerFor, withinLimits } from './registration';
import { registrationPage } from './registration-page';
import { invalidLinkPage, problemPage, unavailablePage } from '../../engine/page-layout';
import { errorResponse, httpErrors, unavailablePages } from '../../platform/http-errors';
import {
  formBody,
  type HttpEvent,
  type HttpResult,
  page,
  rawBody,
  type RouteTable,
  routeIn,
} from '../../platform/http';
import { checkFormProof, formProof } from '../../platform/link-token';
import type { Lang } from '../../platform/time';

/** A form may be sent up to a day after it was shown. */
const FORM_SECONDS = 24 * 3600;

const langOf = (event: HttpEvent): Lang => (event.queryStringParameters?.lang === 'en' ? 'en' : 'nl');
const seconds = () => Math.floor(eventDeps().now().getTime() / 1000);
const needsOf = (event: HttpEvent) => new URLSearchParams(rawBody(event)).getAll('needs');

/** The list and an event's page are the same for everyone: a short cache is fine. */
function publicPage(html: string, status = 200): HttpResult {
  const r = page(status, html);
  return { ...r, headers: { ...r.headers, 'cache-control': status === 200 ? 'public, max-age=60' : 'no-store' } };
}

async function proofFor(bound: string) {
  return formProof(await eventDeps().linkKeys(), bound, seconds());
}

async function proofOk(bound: string, proof: string | undefined) {
  return checkFormProof(await eventDeps().linkKeys(), bound, proof ?? '', seconds(), FORM_SECONDS) !== null;
}

async function loadOr404(event: HttpEvent) {
  const id = event.pathParameters?.id ?? '';
  return /^[\w-]{1,100}$/.test(id) ? eventDeps().events.get(id) : null;
}

const registerBound = (id: string) => `event-register|${id}`;

const routes: RouteTable<'eventsPublic'> = {
  'GET /bijeenkomsten': async (event) =>
    publicPage(eventsListPage(await listEvents(eventDeps()), langOf(event), eventDeps().now())),
  'GET /bijeenkomsten/agenda.ics': async () => {
    const d = eventDeps();
    const coming = (await listEvents(d)).filter((e) => Date.parse(e.end) > d.now().getTime());
    const ics = eventsFeed(coming, new URL(d.settings.publicBaseUrl).hostname, (e) => eventUrl(d, e), d.now());
    return {
      statusCode: 200,
      headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300' },
      body: ics,
    };
  },
  'GET /bijeenkomsten/{id}': async (event) => {
    const e = await loadOr404(event);
    if (!e) return page(404, invalidLinkPage());
    // The form's proof changes each second; the page is still cached for a minute, well within its day.
    return publicPage(eventPage(e, langOf(event), eventDeps().now(), await proofFor(registerBound(e.id))));
  },
  'POST /bijeenkomsten/{id}': async (event) => {
    const d = eventDeps();
    const lang = langOf(event);
    const e = await loadOr404(event);
    if (!e) return page(404, invalidLinkPage());
    const fields = formBody(event);
    const w = pageWords[lang];
    // A robot filled the field people do not see: it is answered as a person would be, and nothing is kept.
    if (fields[HONEYPOT]) return page(200, messagePage(e, lang, w.received));
    const needs = needsOf(event);
    const again = async (errors: Record<string, string>, status = 400) =>
      page(status, eventPage(e, lang, d.now(), await proofFor(registerBound(e.id)), errors, formValues(fields, needs)));
    if (!(await proofOk(registerBound(e.id), fields.proof))) return again({ proof: w.errors.proof });
    const read = readRegistration(fields, needs, lang);
    if (!read.ok)
      return again(Object.fromEntries(Object.keys(read.errors).map((f) => [f, w.errors[f] ?? w.errors.proof])));
    if (!isOpen(e, d.now())) return page(409, messagePage(e, lang, w.closed));
    if (!(await withinLimits(d, event.requestContext.http.sourceIp, read.value.email)))
      return page(429, messagePage(e, lang, w.tooMany));
    const outcome = await registerFor(d, e.id, read.value);
    return page(outcome === 'closed' ? 409 : 200, messagePage(e, lang, outcome === 'closed' ? w.closed : w.received));
  },
  'GET /aanmelding/{token}': async (event) => {
    const token = event.pathParameters?.token ?? '';
    const view = await openRegistration(eventDeps(), token);
    if (view.kind === 'invalid') return page(400, invalidLinkPage());
    const { event: e, registration: r, open } = view;
    const lang =
      event.queryStringParameters?.lang === 'en' || event.queryStringParameters?.lang === 'nl' ? langOf(event) : r.lang;
    return page(200, registrationPage(e, r, lang, `/aanmelding/${token}`, await proofFor(`event-reg|${r.id}`), open));
  },
  'POST /aanmelding/{token}': async (event) => {
    const d = eventDeps();
    const token = event.pathParameters?.token ?? '';
    const view = await openRegistration(d, token);
    if (view.kind === 'invalid') return page(400, invalidLinkPage());
    const { event: e, registration: r } = view;
    const lang = r.lang;
    const w = pageWords[lang];
    const fields = formBody(event);
    const self = `/aanmelding/${token}`;
    const show = async (status: number, notice?: string, errors?: Record<string, string>) => {
      const now = await openRegistration(d, token);
      if (now.kind === 'invalid') return page(400, invalidLinkPage());
      const proof = await proofFor(`event-reg|${r.id}`);
      return page(status, registrationPage(now.event, now.registration, lang, self, proof, now.open, notice, errors));
    };
    if (!(await proofOk(`event-reg|${r.id}`, fields.proof))) return show(400, w.errors.proof);
    if (fields.action === 'cancel') {
      const done = await changeRegistration(d, e.id, r.id, { cancel: true });
      return show(done === 'cancelled' ? 200 : 409, done === 'cancelled' ? w.cancelledNow : w.tooLate);
    }
    const read = readChange(fields, needsOf(event));
    if (!read.ok)
      return show(400, w.fixErrors, Object.fromEntries(Object.keys(read.errors).map((f) => [f, w.errors[f] ?? f])));
    const done = await changeRegistration(d, e.id, r.id, { cancel: false, change: read.value });
    if (done === 'changed') return show(200, w.changed);
    return show(409, done === 'no-room' ? w.noRoom : w.tooLate);
  },
};

async function handle(event: HttpEvent): Promise<HttpResult> {
  const route = routeIn(routes, event.routeKey);
  if (!route) return page(404, invalidLinkPage());
  const result = await route(event);
  return event.requestContext.http.method === 'HEAD' ? { ...result, body: '' } : result;
}

function pageError(err: unknown): HttpResult {
  const status = errorResponse(err).statusCode;
  return page(status, status === 404 || status === 400 ? invalidLinkPage() : problemPage());
}

export const handler = middy<HttpEvent, HttpResult>()
  .use(httpErrors(pageError))
  .use(unavailablePages(unavailablePage))
  .handler(handle);
