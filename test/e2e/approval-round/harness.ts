/**
 * The one local runtime the approval round's end-to-end story runs on, and the helpers its parts
 * share. The parts form one story: later ones read the rounds earlier ones made (the public page
 * shows them, the personal-data export finds an answer), so they share one runtime and one clock.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { Harness } from '../../support/local';

/** A live binding: set before the first test, read by every part. */
export let h: Harness;

export function useHarness() {
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());
}

export const inDays = (days: number, from: Date) => new Date(from.getTime() + days * 86400_000).toISOString();

export async function createRound(body: Record<string, unknown>) {
  const now = h.rt.clock.now();
  const res = await h.api('POST', '/api/rounds', {
    title: 'Aanvraag SPUK KW 26-28',
    summary: 'Gaat u akkoord met de aanvraag?',
    bodyId: 'alliantiebestuur',
    deadline: inDays(10, now),
    reminders: ['P3D', 'P1D'],
    documents: [{ title: 'Aanvraag', url: 'https://example.org/spuk.pdf' }],
    ...body,
  });
  expect(res.status).toBe(201);
  await h.rt.whenIdle();
  return res.body;
}

/** A console page as the signed-in programme office sees it. */
export async function consolePage(path: string): Promise<string> {
  const app = h.rt.urls.app;
  const first = await fetch(`${app}/console/sign-in`);
  const pre = first.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await first.text())![1];
  const signedIn = await fetch(`${app}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: pre, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ code: h.rt.officeToken, _csrf: csrf }).toString(),
  });
  const cookie = signedIn.headers.getSetCookie()[0].split(';')[0];
  return (await fetch(`${app}${path}`, { headers: { cookie } })).text();
}
