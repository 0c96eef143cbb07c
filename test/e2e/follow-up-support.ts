/** What the follow-up end-to-end files share: the workflow's name, an email's link, a form's proof, a new item. */
import { expect } from 'vitest';
import type { Harness } from '../support/local';

export const MACHINE = 'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-followUp';
export const linkIn = (text: string) => /https?:\/\/\S+\/f\/[A-Za-z0-9_.-]+/.exec(text)![0];
export const proofOn = async (h: Harness, link: string) =>
  /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];

/** An action item of the kerngroep, agreed at its meeting of 8 December; its workflow has taken its first step. */
export async function createItem(
  h: Harness,
  what: string,
  due: string,
  owner: Record<string, string> = { ownerOrganisationId: 'gemeente' },
) {
  const res = await h.api('POST', '/api/follow-ups', {
    what,
    due,
    bodyId: 'kerngroep-de-punt',
    origin: { kind: 'meeting', ref: 'kerngroep 8 december' },
    ...owner,
  });
  expect(res.status).toBe(201);
  await h.rt.whenIdle();
  return res.body.id as string;
}
