/**
 * The SPUK application's story in full (issue #14), on the local runtime over HTTP and the moved
 * clock: kick-off; partners' and residents' input, reminding only the partner and the resident who
 * did not answer; the draft late and escalated once (to the project leader, the owner told); the
 * kerngroep's consent review; the application on the board meeting's agenda; the board's round
 * closing at that meeting; the submission with its reference; the award the office records; a
 * reporting obligation the office adds, reminded and escalated; the public update the office marks
 * done. Every email is compared at the end, and the public page is read at four moments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AT,
  expectedMail,
  FINAL_STEPS,
  itemAnswer,
  mailByRecipient,
  NAME,
  OFFICE,
  publicSteps,
  startStory,
  T,
} from '../e2e/cycle-story-support';
import { proofOn } from '../e2e/follow-up-support';
import { Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const anchors = { boardMeeting: '2027-02-25T16:00:00+01:00', ministryDeadline: '2027-03-15T17:00:00+01:00' };
const inputLink = (text: string) => /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(text)![0];
let id = '';
const cycle = async () => (await h.api('GET', `/api/cycles/${id}`)).body;
const phase = async (key: string) => (await cycle()).phases.find((p: { key: string }) => p.key === key);
/** Who got an email with exactly this subject, in order. */
const sentTo = async (subject: string) => (await h.mail()).filter((m) => m.subject === subject).map((m) => m.to);

describe('the SPUK application, from kick-off to the first report', () => {
  it('starts for a board meeting on 25 February 2027, every step to come on the public page', async () => {
    id = await startStory(h, anchors);
    await h.rt.whenIdle();
    const page = await publicSteps(h);
    expect(page.cycle).toBe('Begint binnenkort');
    expect(page.steps).toHaveLength(11);
    for (const step of page.steps) expect(step).toMatch(/: komt nog, gepland: \w+ 20\d\d$/);
  });

  it('asks partners and residents once the kick-off is done; some answer by link, one by letter', async () => {
    await h.to('2026-12-03T18:30:00+01:00');
    expect(await phase('kickOff')).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
    await itemAnswer(h, AT.Pieter, T.kickOff, 'Overzicht gemaakt: wat groeit, wat stopt');
    await h.to('2026-12-04T10:00:00+01:00');
    expect((await sentTo(`Gevraagd: ${T.partners}`)).sort()).toEqual([AT.Fatima, AT.Ruben, AT.Yusuf]);
    expect((await sentTo(`Wat vindt u? ${T.residents}`)).sort()).toEqual([AT.Hamid, AT.Ria, AT.Wim].sort());
    for (const address of [AT.Ruben, AT.Fatima]) {
      const link = inputLink((await h.mailTo(address, `Gevraagd: ${T.partners}`))[0].text);
      const res = await h.post(link, { proof: await proofOn(h, link), kind: 'delivered', text: 'Onze bijdrage' });
      expect(res.status).toBe(200);
    }
    const link = inputLink((await h.mailTo(AT.Ria, `Wat vindt u? ${T.residents}`))[0].text);
    const answer = await h.post(link, { proof: await proofOn(h, link), text: 'Een veilige route naar school' });
    expect(answer.status).toBe(200);
    const round = (await phase('residentInput')).facts.flow.id;
    const letter = { personId: 'p-hamid-ouali', text: 'Meer plek voor jongeren', via: 'letter' };
    expect((await h.api('POST', `/api/input-rounds/${round}/written-input`, letter)).status).toBe(200);
    await h.rt.whenIdle();
    expect((await publicSteps(h)).steps.slice(0, 4)).toEqual([
      'Start: wat werkte, wat moet groter, wat stopt?: gedaan, op 3 december 2026',
      'Bijdragen van partners: bezig, klaar vóór 7 januari 2027',
      'Wat bewoners belangrijk vinden: bezig, klaar vóór 7 januari 2027',
      'Concept-aanvraag schrijven: komt nog, gepland: januari 2027',
    ]);
  });

  it('reminds only the partner and the resident who did not answer, three days before', async () => {
    await h.to('2027-01-05T12:00:00+01:00');
    expect(await sentTo(`Herinnering: ${T.partners}`)).toEqual([AT.Yusuf]);
    expect(await sentTo(`Herinnering: ${T.residents}`)).toEqual([AT.Wim]);
    await h.to('2027-01-08T12:00:00+01:00');
    expect(await phase('residentInput')).toMatchObject({ status: 'done' });
    expect(await phase('draft')).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
  });

  it('shows the draft late, escalates it once to the project leader, and its owner is told', async () => {
    await h.to('2027-01-29T12:00:00+01:00');
    expect(await phase('draft')).toMatchObject({ status: 'late' });
    expect((await publicSteps(h)).steps[3]).toBe(
      'Concept-aanvraag schrijven: te laat, moest klaar zijn op 28 januari 2027',
    );
    expect(await sentTo(`Is het gelukt? ${T.draft}`)).toEqual([AT.Pieter]);
    // Three working days after the due date (Thursday): Tuesday 2 February at 17:00.
    await h.to('2027-02-02T16:30:00+01:00');
    expect(await sentTo(`Afspraak niet nagekomen: ${T.draft}`)).toEqual([]);
    await h.to('2027-02-03T10:00:00+01:00');
    const escalated = await h
      .mail()
      .then((all) => all.filter((m) => m.subject === `Afspraak niet nagekomen: ${T.draft}`));
    expect(escalated.map((m) => m.to).sort()).toEqual([AT.Pieter, AT.Samira]);
    const to = (address: string) => escalated.find((m) => m.to === address)!.text;
    expect(to(AT.Samira)).toContain('Het punt gaat nu naar de projectleider.');
    expect(to(AT.Pieter)).toContain('Ter informatie: dit punt is doorgezet naar de projectleider.');
    await itemAnswer(h, AT.Pieter, T.draft, 'Concept staat in de gedeelde map');
  });

  it("runs the kerngroep's consent review: silence at the deadline is consent", async () => {
    await h.to('2027-02-04T12:00:00+01:00');
    expect(await phase('review')).toMatchObject({ status: 'running', facts: { flow: { kind: 'approvalRound' } } });
    for (const who of [AT.Kees, AT.Aisha]) {
      const [invite] = await h.mailTo(who, `Uw besluit gevraagd: ${T.review}`);
      expect((await h.decide(Harness.link(invite), 'approve')).status).toBe(200);
    }
    await h.to('2027-02-12T12:00:00+01:00');
    expect((await sentTo(`Herinnering: uw besluit over ${T.review}`)).sort()).toEqual(
      [AT.Wim, AT.Latifa, AT.Johan].sort(),
    );
    expect(await phase('review')).toMatchObject({ status: 'done', facts: { outcome: 'approved' } });
    // The draft's ladder went no further once it was done (its next step was due on 9 February).
    expect((await sentTo(`Afspraak niet nagekomen: ${T.draft}`)).sort()).toEqual([AT.Pieter, AT.Samira]);
  });

  it("puts it on the board meeting's agenda; the board's round closes at the meeting", async () => {
    const agenda = await phase('boardAgenda');
    expect(agenda).toMatchObject({ status: 'running', facts: { flow: { kind: 'agendaItem' } } });
    const meeting = (await h.api('GET', `/api/meetings/${agenda.facts.flow.id.split('#')[0]}`)).body;
    expect(Date.parse(meeting.start)).toBe(Date.parse(anchors.boardMeeting));
    expect(meeting.items.map((i: { title: string }) => i.title)).toEqual([
      `${NAME}: Aanvraag op de agenda van het alliantiebestuur`,
    ]);
    await h.to('2027-02-18T10:00:00+01:00');
    const votes: [string, string][] = [
      [AT.Anouk, 'approve'],
      [AT.Hamid, 'approve'],
      [AT.Ria, 'approve'],
      [AT.Mehmet, 'abstain'],
    ];
    for (const [who, choice] of votes) {
      const [invite] = await h.mailTo(who, `Uw besluit gevraagd: ${T.approval}`);
      expect((await h.decide(Harness.link(invite), choice)).status).toBe(200);
    }
    // Three who have not answered could still turn it: the round stays open until the meeting.
    await h.to('2027-02-25T15:30:00+01:00');
    const approval = await phase('boardApproval');
    expect(approval).toMatchObject({ status: 'running' });
    await h.to('2027-02-26T12:00:00+01:00');
    const round = await h.round(approval.facts.flow.id);
    expect(round).toMatchObject({ status: 'closed', outcome: 'approved' });
    // At its deadline, the meeting's start (the timer fires a moment after it).
    const closedAfter = Date.parse(round.closedAt) - Date.parse(anchors.boardMeeting);
    expect(closedAfter).toBeGreaterThanOrEqual(0);
    expect(closedAfter).toBeLessThan(60_000);
    expect(await phase('boardApproval')).toMatchObject({ status: 'done', facts: { outcome: 'approved' } });
    expect(await phase('boardAgenda')).toMatchObject({ status: 'done' });
  });

  it('takes the submission with its reference, and the award the office records', async () => {
    const submission = await phase('submission');
    expect(submission).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
    await h.to('2027-03-08T10:00:00+01:00');
    const reference = 'Ingediend op 8 maart, kenmerk SPUK-KW-2027-0142, versie 1.3';
    await itemAnswer(h, AT.Marloes, T.submission, reference);
    const item = (await h.api('GET', `/api/follow-ups/${submission.facts.flow.id}`)).body;
    expect(item).toMatchObject({ status: 'done', result: reference });
    await h.to('2027-03-09T12:00:00+01:00');
    const award = await phase('award');
    expect(award).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
    await h.to('2027-03-19T14:00:00+01:00');
    const result = 'Toegekend bij beschikking van 19 maart 2027';
    const steer = await h.api('POST', `/api/follow-ups/${award.facts.flow.id}/steer`, { action: 'done', result });
    expect(steer.status).toBe(200);
    await h.to('2027-03-20T12:00:00+01:00');
    expect(await phase('award')).toMatchObject({ status: 'done' });
    expect(await phase('publicUpdate-1')).toMatchObject({ status: 'running', facts: { office: true } });
  });

  it('reminds and escalates the reporting obligation the office adds; the office marks the update done', async () => {
    const add = await h.api('POST', `/api/cycles/${id}/phases`, {
      key: 'firstReport',
      kind: 'report',
      role: 'submitter',
      title: { nl: 'Eerste verantwoording aan het ministerie', en: 'First report to the ministry' },
      start: { after: ['award'] },
      due: { on: '2027-04-15T17:00:00+02:00' },
      reason: 'De beschikking vraagt een eerste verantwoording',
      version: (await cycle()).version,
    });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    await h.rt.whenIdle();
    expect(await phase('firstReport')).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
    // Reminded a week and a day before, asked on the day, escalated three working days on (Tuesday 20 April).
    await h.to('2027-04-20T16:30:00+02:00');
    expect(await sentTo(`Herinnering: ${T.report}`)).toEqual([AT.Marloes, AT.Marloes]);
    expect(await sentTo(`Is het gelukt? ${T.report}`)).toEqual([AT.Marloes]);
    expect(await sentTo(`Afspraak niet nagekomen: ${T.report}`)).toEqual([]);
    await h.to('2027-04-21T10:00:00+02:00');
    expect((await sentTo(`Afspraak niet nagekomen: ${T.report}`)).sort()).toEqual([AT.Marloes, AT.Samira]);
    await itemAnswer(h, AT.Marloes, T.report, 'Verantwoording verstuurd, kenmerk SPUK-KW-2027-0142-V1');
    const update = { version: (await cycle()).version, note: 'De update staat op de website' };
    expect((await h.api('POST', `/api/cycles/${id}/phases/publicUpdate-1/done`, update)).status).toBe(200);
    await h.to('2027-04-22T12:00:00+02:00');
    expect(await phase('firstReport')).toMatchObject({ status: 'done' });
  });

  it('shows every step on the public page in Dutch, and sent every email once', async () => {
    const page = await publicSteps(h);
    expect(page.cycle).toBe('Loopt nu');
    expect(page.steps).toEqual(FINAL_STEPS);
    const labels = (await cycle()).timeline.map((e: { label: string }) => e.label);
    expect(labels.filter((l: string) => l === 'Fase begonnen')).toHaveLength(11);
    const sorted = (m: Record<string, string[]>) =>
      Object.fromEntries(Object.entries(m).map(([to, subjects]) => [to, [...subjects].sort()]));
    expect(sorted(await mailByRecipient(h))).toEqual(sorted(expectedMail()));
    expect(Object.keys(expectedMail())).toContain(OFFICE);
  });
});
