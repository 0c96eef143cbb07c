/**
 * The yearly budget as a cycle, end to end on the local runtime over HTTP and the moved clock: the
 * opgaveteams' proposals (an input round, one partner silent and reminded), the draft budget (an
 * action item), the board sets it (an approval round); in the summer the opgaveteams say how much is
 * spent (an input round with the template's questions), then the reallocation proposal and the
 * board's decision, which ends the cycle. The emails are checked along the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn as itemLink, proofOn } from '../e2e/follow-up-support';
import { BOARD, Harness } from '../support/local';

let h: Harness;
beforeAll(async () => {
  // A Monday in April, 10:00 in Amsterdam: the budget meeting is in June, so no idle winter to move through.
  h = await Harness.start({ startAt: '2027-04-05T08:00:00Z' });
});
afterAll(() => h.stop());

const NAME = 'Jaarlijkse begroting';
const anchors = { budgetMeeting: '2027-06-15T19:00:00+02:00', reallocationMeeting: '2027-09-21T19:00:00+02:00' };
const YUSUF = 'yusuf.demir@example.org';
const INEKE = 'ineke.smit@example.org';
const SAMIRA = 'samira.amrani@example.org';
const OFFICE = 'programmabureau@example.org';
const inputLink = (text: string) => /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(text)![0];
let id = '';
const cycle = async () => (await h.api('GET', `/api/cycles/${id}`)).body;
const phase = async (key: string) => (await cycle()).phases.find((p: { key: string }) => p.key === key);

async function answer(address: string, subject: string, text: string) {
  const [request] = await h.mailTo(address, subject);
  const link = inputLink(request.text);
  const res = await h.post(link, { proof: await proofOn(h, link), kind: 'delivered', text });
  expect(res.status).toBe(200);
}

/** The owner closes the action item through the link in its latest email. */
async function itemDone(subject: string, result: string) {
  const mails = await h.mailTo(SAMIRA, subject);
  expect(mails.length).toBeGreaterThan(0);
  const link = itemLink(mails.at(-1)!.text);
  expect((await h.post(link, { proof: await proofOn(h, link), answer: 'done', result })).status).toBe(200);
  await h.rt.whenIdle();
}

async function boardApproves(title: string) {
  for (const [, address] of BOARD.slice(0, 4)) {
    const [invite] = await h.mailTo(address, `Uw besluit gevraagd: ${NAME}: ${title}`);
    expect((await h.decide(Harness.link(invite), 'approve')).status).toBe(200);
  }
  await h.rt.whenIdle();
}

describe('the yearly budget runs itself', () => {
  it('asks the opgaveteams for proposals ten weeks before the budget meeting', async () => {
    const res = await h.api('POST', '/api/cycles', {
      templateId: 'yearly-budget',
      anchors,
      assignments: {
        opgaveteams: { organisationIds: ['ondersteboven', 'bloei-en-groei'] },
        programmeTeam: { personIds: ['p-samira-amrani'] },
        board: { personIds: ['p-anouk-de-vries'] },
      },
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    await h.to('2027-04-06T10:00:00+02:00');
    for (const address of [YUSUF, INEKE]) {
      const [ask] = await h.mailTo(address, `Gevraagd: ${NAME}: Voorstellen van de opgaveteams`);
      expect(ask.text).toContain('4 mei 2027');
    }
    await answer(YUSUF, 'Gevraagd', 'Drie voorstellen voor De Punt');
  });

  it('reminds only the silent team, then sends the office the summary and starts the draft', async () => {
    await h.to('2027-05-03T12:00:00+02:00');
    expect(await h.mailTo(INEKE, `Herinnering: ${NAME}`)).toHaveLength(1);
    expect(await h.mailTo(YUSUF, `Herinnering: ${NAME}`)).toHaveLength(0);
    await h.to('2027-05-05T12:00:00+02:00');
    const [summary] = await h.mailTo(OFFICE, `Overzicht uitvraag: ${NAME}: Voorstellen`);
    expect(summary.text).toContain('Stichting Ondersteboven: aangeleverd: Drie voorstellen voor De Punt');
    expect(summary.text).toContain('Bloei en Groei: geen antwoord');
    expect(await phase('proposals')).toMatchObject({ status: 'done' });
    expect(await phase('draftBudget')).toMatchObject({ status: 'running', facts: { flow: { kind: 'followUp' } } });
  });

  it('the programme team hears of the draft a week before it is due and closes it by its link', async () => {
    await h.to('2027-05-25T18:30:00+02:00');
    await itemDone(`${NAME}: Conceptbegroting maken`, 'De conceptbegroting staat in de gedeelde map');
    expect(await phase('budgetApproval')).toMatchObject({ status: 'toCome' });
  });

  it('the board sets the budget in its round a week before the meeting', async () => {
    await h.to('2027-06-08T10:00:00+02:00');
    expect(await phase('budgetApproval')).toMatchObject({ facts: { flow: { kind: 'approvalRound' } } });
    await boardApproves('Het alliantiebestuur stelt de begroting vast');
    await h.to('2027-06-09T12:00:00+02:00');
    expect(await phase('budgetApproval')).toMatchObject({ status: 'done', facts: { outcome: 'approved' } });
    expect(await h.mailTo(BOARD[6][1], `Besluit: ${NAME}: Het alliantiebestuur stelt de begroting vast`)).toHaveLength(
      1,
    );
    // Nothing runs until the summer: the cycle waits for the inventory's date.
    expect(await phase('summerInventory')).toMatchObject({ status: 'toCome' });
  });

  it("in the summer asks the opgaveteams how much is spent, with the template's questions", async () => {
    await h.to('2027-06-29T10:00:00+02:00');
    for (const address of [YUSUF, INEKE]) {
      const [ask] = await h.mailTo(address, `Gevraagd: ${NAME}: Zomer`);
      expect(ask.text).toContain('- Hoeveel is besteed?');
      expect(ask.text).toContain('- Is er ruimte over?');
      await answer(address, `Gevraagd: ${NAME}: Zomer`, 'Twee derde besteed, ruimte voor één project');
    }
    await h.to('2027-08-11T12:00:00+02:00');
    expect(await phase('summerInventory')).toMatchObject({ status: 'done' });
    expect(await h.mailTo(YUSUF, `Herinnering: ${NAME}: Zomer`)).toHaveLength(0);
    expect(await phase('reallocationProposal')).toMatchObject({ facts: { flow: { kind: 'followUp' } } });
  });

  it("the reallocation proposal, then the board's decision, which ends the cycle", async () => {
    await h.to('2027-08-31T18:30:00+02:00');
    await itemDone(`${NAME}: Voorstel voor herverdeling`, 'Voorstel: het geld naar het jongerenproject');
    await h.to('2027-09-14T10:00:00+02:00');
    await boardApproves('Het alliantiebestuur beslist over herverdeling');
    await h.to('2027-09-15T12:00:00+02:00');
    const done = await cycle();
    expect(done.status).toBe('done');
    expect(done.phases.map((p: { status: string }) => p.status)).toEqual(Array(6).fill('done'));
    const labels = done.timeline.map((e: { label: string }) => e.label);
    expect(labels.filter((l: string) => l === 'Fase begonnen')).toHaveLength(6);
    expect(labels.at(-1)).toBe('Cyclus klaar');
    const keys = (await h.mail()).map((m) => `${m.to}|${m.subject}|${m.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
