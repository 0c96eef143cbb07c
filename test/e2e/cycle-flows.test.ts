/**
 * A cycle keeps the flows its phases started in step, end to end on the local runtime over HTTP and
 * the moved clock, with two yearly-budget cycles side by side (each with its own opgaveteams):
 * - A is cancelled while its proposals' input round runs: the round stops, and its partners hear once
 *   that they need not answer, then no reminder and no later email; the office gets no summary of it.
 * - A monitoring cycle is cancelled after its trekker was reminded of the report: the trekker hears
 *   once that the agreement lapsed, and is never asked whether it was done.
 * - B's running phases are moved: the input round's deadline and the action item's due date follow;
 *   the board's round refuses an earlier deadline, which shows on the phase; then B is cancelled
 *   while that round runs, and the board hears the round was stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const NAME = 'Jaarlijkse begroting';
const anchors = { budgetMeeting: '2027-01-12T19:00:00+01:00', reallocationMeeting: '2027-09-21T19:00:00+02:00' };
const A = { yusuf: 'yusuf.demir@example.org', ineke: 'ineke.smit@example.org' };
const B = { ruben: 'ruben.kok@example.org', fatima: 'fatima.el.idrissi@example.org' };
const ids = { a: '', b: '', c: '' };
const NAIMA = 'naima.bouzid@example.org';
const REPORT = 'Voortgang van een actielijn: Voortgang';
const cycle = async (id: string) => (await h.api('GET', `/api/cycles/${id}`)).body;
const phase = async (id: string, key: string) => (await cycle(id)).phases.find((p: { key: string }) => p.key === key);
const flowOf = async (id: string, key: string) => (await phase(id, key)).facts.flow.id as string;

async function start(orgs: string[]) {
  const res = await h.api('POST', '/api/cycles', {
    templateId: 'yearly-budget',
    anchors,
    assignments: {
      opgaveteams: { organisationIds: orgs },
      programmeTeam: { personIds: ['p-samira-amrani'] },
      board: { personIds: ['p-anouk-de-vries'] },
    },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function movePhase(id: string, key: string, due: string) {
  const res = await h.api('POST', `/api/cycles/${id}/phases/${key}`, {
    action: 'move',
    due,
    reason: 'Het bestuur wil meer tijd',
    version: (await cycle(id)).version,
  });
  expect(res.status).toBe(200);
  await h.rt.whenIdle();
}

async function cancel(id: string) {
  const res = await h.api('POST', `/api/cycles/${id}/cancel`, {
    reason: 'De subsidie is ingetrokken',
    version: (await cycle(id)).version,
  });
  expect(res.status).toBe(200);
  await h.rt.whenIdle();
}

describe('a cycle and the flows its phases started', () => {
  it('starts both proposals rounds on their date, each to its own opgaveteams', async () => {
    ids.a = await start(['ondersteboven', 'bloei-en-groei']);
    ids.b = await start(['woon', 'eigenwijks']);
    const c = await h.api('POST', '/api/cycles', {
      templateId: 'actielijn-monitoring',
      anchors: { yearStart: '2026-09-01T00:00:00+02:00' },
      assignments: { trekker: { organisationIds: ['nexum'] }, programmeTeam: { personIds: ['p-samira-amrani'] } },
    });
    expect(c.status).toBe(201);
    ids.c = c.body.id;
    await h.to('2026-11-03T10:00:00+01:00');
    for (const address of [...Object.values(A), ...Object.values(B)])
      expect(await h.mailTo(address, `Gevraagd: ${NAME}: Voorstellen`)).toHaveLength(1);
  });

  it('cancelling A stops its input round at once: closed, on its record, without a summary', async () => {
    const round = await flowOf(ids.a, 'proposals');
    await h.to('2026-11-05T10:00:00+01:00');
    await cancel(ids.a);
    const stopped = (await h.api('GET', `/api/input-rounds/${round}`)).body;
    expect(stopped).toMatchObject({
      status: 'closed',
      cancelled: { by: `cycle:${ids.a}`, reason: `${NAME} is gestopt: De subsidie is ingetrokken` },
    });
    expect(stopped.timeline.map((e: { label: string }) => e.label)).toContain('Uitvraag gestopt');
    // Each partner's contact hears once that nothing more is asked, and why.
    for (const address of Object.values(A)) {
      const told = await h.mailTo(address, `Gestopt: ${NAME}: Voorstellen`);
      expect(told).toHaveLength(1);
      expect(told[0].text).toContain('U hoeft niet meer te reageren.');
      expect(told[0].text).toContain('De subsidie is ingetrokken');
    }
    // A partner's link says it was stopped, not that its date has passed.
    const [ask] = await h.mailTo(Object.values(A)[0], `Gevraagd: ${NAME}: Voorstellen`);
    const link = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(ask.text)![0];
    expect((await h.open(link)).html).toContain('Deze uitvraag is gestopt door het programmabureau.');
    const c = await cycle(ids.a);
    expect(c).toMatchObject({ status: 'cancelled', cancelled: { flowsStoppedAt: expect.any(String) } });
    expect(c.phases[0].facts.stoppedAt).toBeDefined();
    expect(c.timeline.map((e: { label: string }) => e.label).slice(-2)).toEqual([
      'Cyclus gestopt',
      'Lopende rondes en actiepunten gestopt',
    ]);
  });

  it("moving B's proposals due date moves its round's deadline, and the reminder follows the new date", async () => {
    const round = await flowOf(ids.b, 'proposals');
    await movePhase(ids.b, 'proposals', '2026-12-15T17:00:00+01:00');
    expect((await h.api('GET', `/api/input-rounds/${round}`)).body).toMatchObject({
      status: 'open',
      deadline: '2026-12-15T16:00:00.000Z',
    });
    expect((await phase(ids.b, 'proposals')).facts.flowDue).toBe('2026-12-15T16:00:00.000Z');
    // Past the old deadline (1 December) and its reminder: nobody is reminded, the round stays open.
    await h.to('2026-12-02T12:00:00+01:00');
    for (const address of [...Object.values(A), ...Object.values(B)])
      expect(await h.mailTo(address, `Herinnering: ${NAME}`)).toHaveLength(0);
    expect((await h.api('GET', `/api/input-rounds/${round}`)).body.status).toBe('open');
    // Three days before the new deadline B's partners are reminded, with the new date; A's never.
    await h.to('2026-12-13T10:00:00+01:00');
    for (const address of Object.values(B)) {
      const [reminder] = await h.mailTo(address, `Herinnering: ${NAME}`);
      expect(reminder.text).toContain('15 december 2026');
    }
    // A's partners: the request and the word that it stopped, nothing after.
    for (const address of Object.values(A)) expect(await h.mailTo(address, NAME)).toHaveLength(2);
    expect(await h.mailTo('programmabureau@example.org', `Overzicht uitvraag: ${NAME}`)).toHaveLength(0);
  });

  it('cancelling the monitoring cycle after the reminder tells the trekker the report lapsed, once', async () => {
    expect(await h.mailTo(NAIMA, REPORT)).toHaveLength(1);
    await cancel(ids.c);
    const told = await h.mailTo(NAIMA, `Vervallen: ${REPORT}`);
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain('U hoeft hier niets meer voor te doen.');
    expect(told[0].text).toContain('De subsidie is ingetrokken');
  });

  it("moving B's draft moves its action item's due date; the office closes it, and the board's round starts", async () => {
    await h.to('2026-12-16T12:00:00+01:00');
    expect(await phase(ids.b, 'proposals')).toMatchObject({ status: 'done' });
    const item = await flowOf(ids.b, 'draftBudget');
    await movePhase(ids.b, 'draftBudget', '2026-12-31T17:00:00+01:00');
    const moved = (await h.api('GET', `/api/follow-ups/${item}`)).body;
    expect(moved).toMatchObject({ due: '2026-12-31T16:00:00.000Z' });
    expect(moved.dueHistory.at(-1)).toMatchObject({ reason: `Verzet in ${NAME}: Het bestuur wil meer tijd` });
    const done = await h.api('POST', `/api/follow-ups/${item}/steer`, { action: 'done', result: 'Concept klaar' });
    expect(done.status).toBe(200);
    await h.to('2027-01-05T10:00:00+01:00');
    expect(await phase(ids.b, 'budgetApproval')).toMatchObject({ facts: { flow: { kind: 'approvalRound' } } });
  });

  it("an earlier deadline the board's round refuses shows on the phase; cancelling B stops that round", async () => {
    const round = await flowOf(ids.b, 'budgetApproval');
    await movePhase(ids.b, 'budgetApproval', '2027-01-11T19:00:00+01:00');
    expect((await phase(ids.b, 'budgetApproval')).facts.moveRefused).toMatchObject({
      due: '2027-01-11T18:00:00.000Z',
      fields: { deadline: expect.stringContaining('after the current deadline') },
    });
    expect((await h.round(round)).deadline).toBe('2027-01-12T18:00:00.000Z');
    const labels = (await cycle(ids.b)).timeline.map((e: { label: string }) => e.label);
    expect(labels).toContain('Datum van de ronde of het actiepunt kon niet mee');
    await cancel(ids.b);
    expect(await h.round(round)).toMatchObject({ status: 'closed', outcome: 'cancelled' });
    expect(await h.mailTo('anouk.de.vries@example.org', 'is gestopt')).toHaveLength(1);
    // Past the meeting: no reminder (due three days before) and no outcome for the stopped round.
    const told = (await h.mailTo('anouk.de.vries@example.org', NAME)).length;
    await h.to('2027-01-13T12:00:00+01:00');
    expect(await h.mailTo('anouk.de.vries@example.org', NAME)).toHaveLength(told);
    // Past the report's due date (15 December): the trekker was not asked whether it was done.
    expect(await h.mailTo(NAIMA, REPORT)).toHaveLength(2);
    const keys = (await h.mail()).map((m) => `${m.to}|${m.subject}|${m.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
