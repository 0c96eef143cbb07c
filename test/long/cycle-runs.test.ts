/**
 * A cycle runs itself, end to end on the local runtime over HTTP and the moved clock: the SPUK
 * application for a board meeting on 25 February 2027 (the phases after the board's approval are
 * skipped, to keep this under a minute). The kick-off becomes an action item on its date, the
 * partners' and the residents' input rounds start when it is done (one resident answers by link, the
 * office records the other's letter), the kerngroep's consent round runs, the application goes on
 * the agenda of the board's meeting on the anchor date, the board's approval round closes at that
 * meeting, the meeting is held and the cycle ends done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn as itemLink, proofOn } from '../e2e/follow-up-support';
import { loadTemplates, planCycle } from '../../functions/flows/cycle';
import { BOARD, freePorts, Harness } from '../support/local';

// On disk, so the runtime can stop in the middle of the cycle and start again on the same data.
const dataDir = mkdtempSync(join(tmpdir(), 'alliance-cycle-'));
let ports: Awaited<ReturnType<typeof freePorts>>;
let h: Harness;
beforeAll(async () => {
  ports = await freePorts();
  h = await Harness.start({ dataDir, ports });
});
afterAll(async () => {
  await h.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const anchors = { boardMeeting: '2027-02-25T16:00:00+01:00', ministryDeadline: '2027-03-15T17:00:00+01:00' };
const SAMIRA = 'samira.amrani@example.org';
const inputLink = (text: string) => /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(text)![0];
const NAME = 'Aanvraag SPUK Kansrijke Wijk';
let id = '';
const cycle = async () => (await h.api('GET', `/api/cycles/${id}`)).body;
const phase = async (key: string) => (await cycle()).phases.find((p: { key: string }) => p.key === key);

/** The owner closes the action item through the link in its email. */
async function itemDone(subject: string, result: string) {
  const mails = await h.mailTo(SAMIRA, subject);
  expect(mails.length).toBeGreaterThan(0);
  const link = itemLink(mails.at(-1)!.text);
  const res = await h.post(link, { proof: await proofOn(h, link), answer: 'done', result });
  expect(res.status).toBe(200);
  await h.rt.whenIdle();
}

describe('the SPUK cycle runs itself', () => {
  it('starts, and its workflow waits for the kick-off date', async () => {
    // The board meets on the anchor date: the agenda phase puts the application on that meeting.
    const series = await h.api('POST', '/api/meeting-series', {
      bodyId: 'alliantiebestuur',
      title: 'Vergadering alliantiebestuur',
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=25;COUNT=3',
      startsOn: '2026-12-20',
      startTime: '16:00',
      durationMinutes: 120,
      chairId: 'p-anouk-de-vries',
      secretaryId: 'p-pieter-van-leeuwen',
    });
    expect(series.status).toBe(201);
    const plan = planCycle(loadTemplates().get('spuk-application')!, anchors);
    const later = plan.phases.filter((p) => p.key.startsWith('publicUpdate')).map((p) => p.key);
    const skip = (key: string) => ({ action: 'skip', key, reason: 'Komt in een latere test' });
    const res = await h.api('POST', '/api/cycles', {
      templateId: 'spuk-application',
      anchors,
      assignments: {
        programmeTeam: { personIds: ['p-samira-amrani'] },
        partners: { organisationIds: ['woon', 'eigenwijks'] },
        residents: { personIds: ['p-ria-jansen', 'p-hamid-ouali'] },
        kerngroep: { personIds: ['p-samira-amrani'] },
        board: { personIds: ['p-anouk-de-vries'] },
      },
      changes: [...later.reverse(), 'award', 'submission'].map(skip),
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    await h.rt.whenIdle();
    // Its workflow runs, and writes nothing until a phase starts.
    expect(await cycle()).toMatchObject({ status: 'planned', version: 1 });
    expect(await phase('kickOff')).toMatchObject({ status: 'toCome' });
  });

  it('makes the kick-off an action item on its date, whose owner gets its email', async () => {
    await h.to('2026-12-03T18:30:00+01:00');
    expect(await phase('kickOff')).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
    expect(await cycle()).toMatchObject({ status: 'running' });
    await itemDone(NAME, 'Overzicht gemaakt: wat groeit, wat stopt');
  });

  it("starts the partners' and the residents' input rounds at its next look", async () => {
    await h.to('2026-12-04T10:00:00+01:00');
    expect(await phase('partnerContributions')).toMatchObject({ facts: { flow: { kind: 'inputRound' } } });
    for (const address of ['ruben.kok@example.org', 'fatima.el.idrissi@example.org']) {
      const [request] = await h.mailTo(address, `Gevraagd: ${NAME}`);
      const link = inputLink(request.text);
      await h.post(link, { proof: await proofOn(h, link), kind: 'delivered', text: 'Onze bijdrage staat erin' });
    }
    // Each resident is asked for themselves; one answers by link, the office records the other's letter.
    const resident = await phase('residentInput');
    expect(resident).toMatchObject({ status: 'running', facts: { flow: { kind: 'inputRound' } } });
    const [ask] = await h.mailTo('ria.jansen@example.org', `Wat vindt u? ${NAME}: Wat bewoners belangrijk vinden`);
    expect(ask.text).toContain('Welke criteria vinden bewoners belangrijk?');
    const link = inputLink(ask.text);
    expect((await h.post(link, { proof: await proofOn(h, link), text: 'Een veilige route naar school' })).status).toBe(
      200,
    );
    const letter = { personId: 'p-hamid-ouali', text: 'Meer plek voor jongeren', via: 'letter' };
    const roundId = resident.facts.flow.id;
    expect((await h.api('POST', `/api/input-rounds/${roundId}/written-input`, letter)).status).toBe(200);
    // The round runs: the office cannot mark the phase done over it.
    const early = await h.api('POST', `/api/cycles/${id}/phases/residentInput/done`, {
      version: (await cycle()).version,
    });
    expect(early.status).toBe(400);
    expect(await phase('draft')).toMatchObject({ status: 'toCome' });
  });

  it('goes on after a restart in the middle, sending nothing twice', async () => {
    const before = { cycle: await cycle(), mail: await h.mail() };
    await h.stop();
    h = await Harness.start({ dataDir, ports });
    await h.rt.whenIdle();
    expect(await cycle()).toEqual(before.cycle);
    expect((await h.mail()).length).toBe(before.mail.length);
  });

  it('starts the draft once the input round has closed at its deadline', async () => {
    await h.to('2027-01-08T12:00:00+01:00');
    expect(await phase('partnerContributions')).toMatchObject({ status: 'done' });
    expect(await phase('residentInput')).toMatchObject({ status: 'done' });
    expect(await phase('draft')).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
    // Its owner hears of it a week before its due date, as of every action item.
    expect(await h.mailTo(SAMIRA, 'Concept-aanvraag')).toHaveLength(0);
    await h.to('2027-01-21T18:30:00+01:00');
    await itemDone('Concept-aanvraag', 'Concept staat in de gedeelde map');
  });

  it("runs the kerngroep's consent round, then puts the application on the board meeting's agenda", async () => {
    await h.to('2027-01-23T12:00:00+01:00');
    expect(await phase('review')).toMatchObject({ status: 'running', facts: { flow: { kind: 'approvalRound' } } });
    // Silence at the deadline is consent.
    await h.to('2027-02-12T12:00:00+01:00');
    expect(await phase('review')).toMatchObject({ status: 'done', facts: { outcome: 'approved' } });
    const agenda = await phase('boardAgenda');
    expect(agenda).toMatchObject({ status: 'running', facts: { flow: { kind: 'agendaItem' } } });
    expect(agenda.facts.office).toBeUndefined();
    const meetingId = agenda.facts.flow.id.split('#')[0];
    const meeting = (await h.api('GET', `/api/meetings/${meetingId}`)).body;
    expect(Date.parse(meeting.start)).toBe(Date.parse(anchors.boardMeeting));
    const titles = meeting.items.map((i: { title: string; submittedBy: string }) => [i.title, i.submittedBy]);
    expect(titles).toEqual([[`${NAME}: Aanvraag op de agenda van het alliantiebestuur`, `cycle:${id}`]]);
    // A phase with a flow of its own is not the office's to mark done.
    const early = await h.api('POST', `/api/cycles/${id}/phases/boardAgenda/done`, {
      version: (await cycle()).version,
    });
    expect(early.status).toBe(400);
    expect(await phase('boardApproval')).toMatchObject({ status: 'toCome' });
  });

  it("runs the board's approval round a week before the meeting; its close ends the cycle", async () => {
    await h.to('2027-02-18T10:00:00+01:00');
    expect(await phase('boardApproval')).toMatchObject({ facts: { flow: { kind: 'approvalRound' } } });
    for (const [, address] of BOARD.slice(0, 4)) {
      const [invite] = await h.mailTo(address, `Uw besluit gevraagd: ${NAME}`);
      expect((await h.decide(Harness.link(invite), 'approve')).status).toBe(200);
    }
    await h.rt.whenIdle();
    await h.to('2027-02-19T12:00:00+01:00');
    expect(await phase('boardApproval')).toMatchObject({ status: 'done', facts: { outcome: 'approved' } });
    expect(await phase('boardAgenda')).toMatchObject({ status: 'running' });
    // The meeting is held with the application on its agenda: the phase is done the next morning.
    await h.to('2027-02-26T12:00:00+01:00');
    expect(await phase('boardAgenda')).toMatchObject({ status: 'done' });
    const done = await cycle();
    expect(done).toMatchObject({ status: 'done' });
    // The office reads on the record what the workflow did, in plain Dutch.
    const labels = done.timeline.map((e: { label: string }) => e.label);
    expect(labels.filter((l: string) => l === 'Fase begonnen')).toHaveLength(7);
    expect(labels.at(-1)).toBe('Cyclus klaar');
    // One workflow for the cycle, ended; every email once.
    const machine = 'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-cycle';
    expect(h.rt.sfn.listExecutions(machine).map((e) => [e.name, e.status])).toEqual([[id, 'SUCCEEDED']]);
    const keys = (await h.mail()).map((m) => `${m.to}|${m.subject}|${m.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
