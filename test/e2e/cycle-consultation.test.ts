/**
 * A consultation as a phase of a programme cycle, end to end on the local runtime and the moved
 * clock: the office adds a `consultation` phase for the residents to a yearly budget; when its start
 * comes, the cycle's step opens the public consultation (through the consultation flow's own use
 * case, once), which answers until the phase's due date; a moved due date moves its deadline; the
 * phase is done once the office has published the summary. A second cycle is cancelled while its
 * consultation runs: the consultation stops and its page says so, and no answer is taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const anchors = { budgetMeeting: '2027-01-12T19:00:00+01:00', reallocationMeeting: '2027-09-21T19:00:00+02:00' };
const cycle = async (id: string) => (await h.api('GET', `/api/cycles/${id}`)).body;
const phase = async (id: string, key: string) => (await cycle(id)).phases.find((p: { key: string }) => p.key === key);

/** A yearly budget with a consultation of the residents added, starting on `start`. */
async function budgetWithConsultation(start: string): Promise<string> {
  const made = await h.api('POST', '/api/cycles', {
    templateId: 'yearly-budget',
    anchors,
    assignments: {
      opgaveteams: { organisationIds: ['woon'] },
      programmeTeam: { personIds: ['p-samira-amrani'] },
      board: { personIds: ['p-anouk-de-vries'] },
    },
  });
  expect(made.status).toBe(201);
  const id = made.body.id as string;
  await h.rt.whenIdle();
  const added = await h.api('POST', `/api/cycles/${id}/phases`, {
    key: 'residentVoice',
    kind: 'consultation',
    // Anyone may answer; the programme team writes the summary that ends the phase.
    role: 'programmeTeam',
    title: { nl: 'Waar moet het geld naartoe?', en: 'Where should the money go?' },
    start: { on: start },
    due: { afterStart: 'P14D' },
    reason: 'Bewoners praten mee over de begroting',
    version: (await cycle(id)).version,
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  await h.rt.whenIdle();
  return id;
}

describe('a consultation as a phase of a cycle', () => {
  let id = '';
  let consultationId = '';

  it('is opened by the cycle when the phase starts, once, linked to the phase', async () => {
    id = await budgetWithConsultation('2026-11-04T09:00:00+01:00');
    expect((await phase(id, 'residentVoice')).status).toBe('toCome');
    await h.to('2026-11-04T09:30:00+01:00');
    await h.rt.whenIdle();
    const p = await phase(id, 'residentVoice');
    expect(p.status).toBe('running');
    expect(p.facts.flow.kind).toBe('consultation');
    consultationId = p.facts.flow.id;
    const all = (await h.api('GET', '/api/consultations')).body.consultations;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: consultationId,
      title: 'Jaarlijkse begroting: Waar moet het geld naartoe?',
      deadline: p.due,
      cycle: { cycleId: id, phaseKey: 'residentVoice' },
    });
    const page = await h.open(`${h.rt.urls.app}/inspraak/${consultationId}`);
    expect(page.html).toContain('Deze vraag hoort bij een vaste stap van het programma');
    expect(page.html).toContain('name="text"');
  });

  it("follows the phase's moved due date, and the phase is done once the summary is out", async () => {
    const due = '2026-11-25T17:00:00+01:00';
    const moved = await h.api('POST', `/api/cycles/${id}/phases/residentVoice`, {
      action: 'move',
      due,
      reason: 'Meer tijd voor de bewoners',
      version: (await cycle(id)).version,
    });
    expect(moved.status).toBe(200);
    await h.rt.whenIdle();
    const c = (await h.api('GET', `/api/consultations/${consultationId}`)).body;
    expect(c.deadline).toBe('2026-11-25T16:00:00.000Z');
    const url = `${h.rt.urls.app}/inspraak/${consultationId}`;
    expect(
      (await h.post(url, { text: 'Meer geld voor jongerenwerk.', email: 'lina@voorbeeld.nl', consent: 'yes' })).status,
    ).toBe(200);
    await h.to('2026-11-25T17:00:00+01:00');
    await h.rt.whenIdle();
    expect((await phase(id, 'residentVoice')).status).not.toBe('done');
    const summary = await h.api('POST', `/api/consultations/${consultationId}/summary`, {
      version: c.version,
      text: 'Bewoners willen meer geld voor jongerenwerk.',
    });
    expect(summary.body.mailed).toBe(1);
    // The cycle looks at its running phases once a day.
    await h.advance('P1D');
    await h.rt.whenIdle();
    const done = await phase(id, 'residentVoice');
    expect(done.status).toBe('done');
    expect(done.facts.doneAt).toBe(summary.body.summary.at);
  });

  it('stops with its cycle: no more answers, and its page says so', async () => {
    const other = await budgetWithConsultation('2026-11-27T09:00:00+01:00');
    await h.to('2026-11-27T09:30:00+01:00');
    await h.rt.whenIdle();
    expect((await phase(other, 'residentVoice')).status).toBe('running');
    const res = await h.api('POST', `/api/cycles/${other}/cancel`, {
      reason: 'De subsidie is ingetrokken',
      version: (await cycle(other)).version,
    });
    expect(res.status).toBe(200);
    await h.rt.whenIdle();
    const all = (await h.api('GET', '/api/consultations')).body.consultations as any[];
    const stopped = all.find((c) => c.cycle?.cycleId === other);
    expect(stopped?.cancelled).toMatchObject({ reason: expect.stringContaining('De subsidie is ingetrokken') });
    const url = `${h.rt.urls.app}/inspraak/${stopped.id}`;
    expect((await h.open(url)).html).toContain('Gestopt. Deze vraag gaat niet door');
    expect((await h.post(url, { text: 'Toch nog iets' })).status).toBe(409);
    expect((await h.api('GET', `/api/consultations/${stopped.id}`)).body.answers).toEqual([]);
  });
});
