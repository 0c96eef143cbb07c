/**
 * The overview lists what needs a person, each with the place to act, over HTTP on the local runtime:
 * a cycle's phase handed back (to the phase), an address that bounced (to the person, until the address
 * changes), an action item whose workflow stopped twice (to the item, while it stays open).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpDeps, loadItem, ownerLink, ownerPeople } from '../../functions/flows/follow-up';
import { formatDateTime } from '../../functions/platform/time';
import { csrf, h, request, signIn, startSignedInWith } from '../support/console-client';
import { createItem, MACHINE } from './follow-up-support';

beforeAll(async () => {
  await startSignedInWith({ demoCycles: true });
  await h.rt.whenIdle();
});
afterAll(() => h.stop());

/** The overview's list under `heading`, or '' when the page has no such heading. */
async function section(heading: string): Promise<string> {
  const page = await request('GET', '/console');
  expect(page.status).toBe(200);
  const at = page.html.indexOf(`<h2>${heading}</h2>`);
  return at < 0 ? '' : page.html.slice(at, page.html.indexOf('</ul>', at));
}

describe('the overview, each kind with its action', () => {
  it('lists a cycle phase whose action item was handed back, linked to the phase', async () => {
    const cycles = (await h.api('GET', '/api/cycles?status=running')).body.cycles as { id: string }[];
    const full = await Promise.all(cycles.map(async (c) => (await h.api('GET', `/api/cycles/${c.id}`)).body));
    const cycle = full.find((c) => c.phases.some((p: any) => p.key === 'progressUpdate-1' && p.facts?.flow))!;
    const phase = cycle.phases.find((p: any) => p.key === 'progressUpdate-1');
    expect(await section('Fasen die op het programmabureau wachten')).not.toContain(cycle.name.nl);
    // The trekker answers through their own link that it is not theirs: the item goes back to the office.
    const item = await loadItem(followUpDeps(), phase.facts.flow.id);
    const [owner] = await ownerPeople(followUpDeps(), item);
    const link = await ownerLink(followUpDeps(), item, owner.id, 'item');
    const proof = /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
    await h.post(link, { proof, answer: 'not-mine', reason: 'Dit doet het stadsdeel' });
    // The cycle reads its phases' flows when its workflow wakes (at the latest the next day).
    await h.advance('P1D');
    await signIn();
    const listed = await section('Fasen die op het programmabureau wachten');
    expect(listed).toContain(cycle.name.nl);
    expect(listed).toContain('besluit wat nu');
    const href = `/console/cycles/${cycle.id}/phases/progressUpdate-1`;
    expect(listed).toContain(`<a href="${href}">Naar de fase</a>`);
    expect((await request('GET', href)).status).toBe(200);
  });

  it('lists a person whose email bounced, linked to the person, until the address is changed', async () => {
    const person = ((await h.api('GET', '/api/people')).body.people as any[]).find((p) => p.id === 'p-ruben-kok');
    const save = (email: string) =>
      request('POST', '/console/people/p-ruben-kok', {
        _csrf: csrf,
        name: person.name,
        email,
        lang: person.lang,
        kind: person.kind,
        ...(person.organisationId ? { organisationId: person.organisationId } : {}),
        active: 'yes',
        reminderPreference: person.reminderPreference ?? 'each',
      });
    expect((await save('bounce@simulator.amazonses.com')).status).toBe(303);
    expect(await section('E-mailadres werkt niet')).toBe('');
    const round = await h.api('POST', '/api/rounds', {
      title: 'Begroting buurthuis',
      summary: 'Akkoord?',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
    });
    expect(round.status).toBe(201);
    await h.rt.whenIdle();
    const listed = await section('E-mailadres werkt niet');
    expect(listed).toContain('Ruben Kok (bounce@simulator.amazonses.com)');
    expect(listed).toContain('de e-mail kwam terug');
    // Dated on the local clock, as the email was sent (not the machine's time).
    expect(listed).toContain(formatDateTime(h.rt.clock.now().toISOString(), 'nl').split(' om ')[0]);
    expect(listed).toContain('<a href="/console/people/p-ruben-kok">Adres aanpassen</a>');
    // Listed once, with the person: not again under the undelivered email.
    expect(await section('E-mail niet bezorgd')).not.toContain('bounce@simulator.amazonses.com');
    expect((await request('GET', '/console/people/p-ruben-kok')).status).toBe(200);
    expect((await save('ruben.kok@example.org')).status).toBe(303);
    expect(await section('E-mailadres werkt niet')).toBe('');
  });

  it('lists an action item whose workflow stopped again after the watchdog carried it on, linked to it', async () => {
    const id = await createItem(h, 'Speeltuin opknappen', '2027-03-01T17:00:00+01:00');
    const execution = (name: string) => `${MACHINE.replace(':stateMachine:', ':execution:')}:${name}`;
    h.rt.sfn.stopExecution(execution(id));
    await h.advance('P1D');
    const restarted = h.rt.sfn.listExecutions(MACHINE, 'RUNNING').filter((e) => e.name.startsWith(`${id}--r`));
    expect(restarted).toHaveLength(1);
    h.rt.sfn.stopExecution(execution(restarted[0].name));
    await h.advance('P1D');
    await h.advance('P1D');
    await signIn();
    const listed = await section('Loopt niet meer vanzelf');
    expect(listed).toContain('Actiepunt “Speeltuin opknappen”');
    expect(listed).toContain(`<a href="/console/follow-ups/${id}">Bekijken</a>`);
    // Once the office closes it, nobody needs to act on it any more.
    const done = await h.api('POST', `/api/follow-ups/${id}/steer`, { action: 'done', result: 'Zelf geregeld' });
    expect(done.status).toBe(200);
    expect(await section('Loopt niet meer vanzelf')).not.toContain('Speeltuin opknappen');
  });
});
