/**
 * The console over plain HTTP for the e2e tests: one harness, one signed-in office session.
 * Cookies are handled by hand: fetch keeps no jar, and the session cookie is Secure. The bindings
 * `h` and `csrf` are live: they hold the harness and the form secret once `startSignedIn` ran.
 */
import { expect } from 'vitest';
import { Harness } from './local';

export let h: Harness;
export let csrf = '';
let cookie = '';

export async function request(method: string, path: string, form?: Record<string, string | string[]>) {
  const body = form
    ? new URLSearchParams(
        Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
      ).toString()
    : undefined;
  const res = await fetch(`${h.rt.urls.app}${path}`, {
    method,
    redirect: 'manual',
    headers: { cookie, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body,
  });
  return {
    status: res.status,
    location: res.headers.get('location'),
    setCookie: res.headers.getSetCookie(),
    html: await res.text(),
  };
}

/** Signs in with the office access code (again, after the session expired) and keeps the form secret. */
export async function signIn() {
  const page = await request('GET', '/console/sign-in');
  cookie = page.setCookie[0].split(';')[0];
  const preCsrf = /name="_csrf" value="([^"]+)"/.exec(page.html)![1];
  const signedIn = await request('POST', '/console/sign-in', { code: h.rt.officeToken, _csrf: preCsrf });
  expect(signedIn.status).toBe(303);
  cookie = signedIn.setCookie[0].split(';')[0];
  csrf = /name="_csrf" value="([^"]+)"/.exec((await request('GET', '/console/rounds/new')).html)![1];
}

/** Takes no arguments: vitest calls it with its own context when it is passed to beforeAll as it is. */
export function startSignedIn() {
  return startSignedInWith({});
}

export async function startSignedInWith(opts: Parameters<typeof Harness.start>[0]) {
  h = await Harness.start(opts);
  await signIn();
}

/** A local date-time input value, `d` days from the harness's clock, as the console's forms take it. */
export const inDays = (d: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(h.rt.clock.now().getTime() + d * 86400_000))
    .replace(' ', 'T');
