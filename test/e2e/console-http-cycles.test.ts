/**
 * Programme cycles through the console's forms on the local runtime: the list, the start form with
 * its Dutch field messages (keeping what was typed), the cycle page with its timeline picture and
 * phase table, and the office's changes: a moved date, a stale form (409), a skip that must say what
 * waits instead, an added phase, and cancelling; each checked against the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, h, inDays, request, signIn, startSignedIn } from '../support/console-client';

beforeAll(startSignedIn);
afterAll(() => h.stop());

const at = (days: number) => {
  const [date, time] = inDays(days).split('T');
  return { date, time };
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The SPUK form as the office fills it in; `over` replaces fields. */
function spukForm(over: Record<string, string | string[]> = {}) {
  const board = at(100);
  const ministry = at(120);
  return {
    _csrf: csrf,
    templateId: 'spuk-application',
    once: 'test-once-key-0000000001',
    'anchor-boardMeeting-date': board.date,
    'anchor-boardMeeting-time': '16:00',
    'anchor-ministryDeadline-date': ministry.date,
    'anchor-ministryDeadline-time': '17:00',
    'people-programmeTeam': ['p-samira-amrani'],
    'orgs-partners': ['woon', 'eigenwijks'],
    'people-residents': ['p-ria-jansen'],
    'people-kerngroep': ['p-kees-brouwer'],
    'people-board': ['p-anouk-de-vries'],
    'people-submitter': ['p-pieter-van-leeuwen'],
    ...over,
  };
}

describe('programme cycles in the console', () => {
  let path = '';
  let id = '';
  const api = async () => (await h.api('GET', `/api/cycles/${id}`)).body;

  it('lists no cycles yet, with the entry in the navigation', async () => {
    const page = await request('GET', '/console/cycles');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<a href="/console/cycles" aria-current="page">Cycli</a>');
    expect(text(page.html)).toContain('Er zijn nog geen cycli.');
    const choose = await request('GET', '/console/cycles/new');
    for (const name of ['Aanvraag SPUK Kansrijke Wijk', 'Jaarlijkse begroting', 'Voortgang van een actielijn'])
      expect(text(choose.html)).toContain(name);
    const form = await request('GET', '/console/cycles/new?template=spuk-application');
    expect(form.html).toContain('id="anchor-boardMeeting-date"');
    expect(form.html).toContain('type="time"');
    // The board's and the kerngroep's voting members are proposed; nobody else.
    expect(form.html).toMatch(/name="people-board" value="p-anouk-de-vries" checked/);
    expect(form.html).not.toMatch(/name="people-submitter" value="[^"]+" checked/);
  });

  it('refuses an incomplete start with Dutch messages by the fields, keeping what was typed', async () => {
    const bad = await request(
      'POST',
      '/console/cycles',
      spukForm({
        'anchor-boardMeeting-date': '',
        'anchor-boardMeeting-time': '',
        'orgs-partners': [],
        'anchor-ministryDeadline-time': '25:00',
      }),
    );
    expect(bad.status).toBe(400);
    const words = text(bad.html);
    expect(words).toContain('Vul deze datum in: Vergadering alliantiebestuur.');
    expect(words).toContain('Vul een datum en een tijd in die bestaan');
    expect(bad.html).toMatch(/name="people-submitter" value="p-pieter-van-leeuwen" checked/);
    expect(bad.html).toContain(`value="${at(120).date}"`);
    // With its dates right, the roles are checked: the partners' role has nobody.
    const noPartners = await request('POST', '/console/cycles', spukForm({ 'orgs-partners': [] }));
    expect(noPartners.status).toBe(400);
    expect(text(noPartners.html)).toContain('Kies wie dit doet: een of meer personen of organisaties.');
    expect(noPartners.html).toContain('href="#role-partners"');
    expect(noPartners.html).toContain('<legend id="role-partners">');
    expect((await h.api('GET', '/api/cycles')).body.cycles).toEqual([]);
  });

  it('starts the cycle once, and shows its timeline picture and its phases', async () => {
    const made = await request('POST', '/console/cycles', spukForm());
    expect(made.status).toBe(303);
    path = made.location!.split('?')[0];
    id = path.split('/').pop()!;
    const again = await request('POST', '/console/cycles', spukForm());
    expect(again.location).toBe(made.location);
    expect((await h.api('GET', '/api/cycles')).body.cycles.map((c: any) => c.id)).toEqual([id]);
    // The same form sent back with another date: its one-time key is used, which the form says (not a 500).
    const changed = await request('POST', '/console/cycles', spukForm({ 'anchor-boardMeeting-time': '15:00' }));
    expect(changed.status).toBe(409);
    expect(text(changed.html)).toContain('Met dit formulier is al een cyclus gestart');
    expect(changed.html).toContain('value="15:00"');
    const cycle = await api();
    expect(cycle.assignments.partners).toEqual({ personIds: [], organisationIds: ['woon', 'eigenwijks'] });
    expect(cycle.plan.anchors.boardMeeting).toBe(new Date(cycle.plan.anchors.boardMeeting).toISOString());

    const page = await request('GET', made.location!);
    expect(page.status).toBe(200);
    expect(page.html).toContain('De cyclus is gestart.');
    expect(page.html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="timeline-title timeline-desc"/);
    expect(page.html).toContain('<title id="timeline-title">Tijdlijn van Aanvraag SPUK Kansrijke Wijk</title>');
    expect(page.html).toMatch(/<desc id="timeline-desc">[^<]*\d+ komt nog/);
    // One bar per phase, each with its title and status in words.
    const bars = page.html.match(/<g class="phases">.*?<\/g>/s)![0];
    expect(bars.match(/<rect/g)).toHaveLength(cycle.phases.length);
    expect(bars).toContain('Concept-aanvraag schrijven · komt nog');
    expect(text(page.html)).toContain('vandaag');
    const words = text(page.html);
    expect(words).toContain('Bijdragen van partners');
    expect(words).toContain('Partners: Woon!, Eigenwijks');
    expect(words).toContain('Cyclus gestart');
    expect(page.html).toContain(`href="/console/cycles/${id}/phases/draft"`);
    expect(words).not.toMatch(/\b(toCome|programmeTeam|inputRound|phase-move)\b/);
  });

  it('moves a phase date, and refuses a stale form with the reason instead of a 500', async () => {
    const phasePage = await request('GET', `${path}/phases/draft`);
    expect(phasePage.status).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(phasePage.html)![1];
    const due = at(80);
    const form = { _csrf: csrf, action: 'move', version, 'due-date': due.date, 'due-time': '17:00' };
    const noReason = await request('POST', `${path}/phases/draft`, form);
    expect(noReason.status).toBe(400);
    expect(text(noReason.html)).toContain('Schrijf waarom (3 tot 500 tekens).');
    expect(noReason.html).toContain(`value="${due.date}"`);
    const moved = await request('POST', `${path}/phases/draft`, {
      ...form,
      'move-reason': 'De zomervakantie loopt langer',
    });
    expect([moved.status, moved.location]).toEqual([303, `${path}?m=moved`]);
    const cycle = await api();
    expect(amsterdam(cycle.phases.find((p: any) => p.key === 'draft').due)).toBe(`${due.date} 17:00`);
    const page = await request('GET', moved.location!);
    expect(text(page.html)).toContain('Fase verzet: Concept-aanvraag schrijven');
    expect(text(page.html)).toContain('De zomervakantie loopt langer');

    const stale = await request('POST', `${path}/phases/draft`, { ...form, 'move-reason': 'Nog eens' });
    expect(stale.status).toBe(409);
    expect(text(stale.html)).toContain('Iemand anders heeft deze cyclus intussen veranderd');
    expect((await api()).version).toBe(cycle.version);
  });

  it('skips a phase only once it says what waits instead, adds a phase and cancels the cycle', async () => {
    let version = String((await api()).version);
    const skip = { _csrf: csrf, action: 'skip', version, 'skip-reason': 'Bewoners gaven hun input al in de zomer' };
    const unsaid = await request('POST', `${path}/phases/residentInput`, skip);
    expect(unsaid.status).toBe(400);
    expect(text(unsaid.html)).toContain('Deze fasen wachten op deze fase: Concept-aanvraag schrijven');
    const skipped = await request('POST', `${path}/phases/residentInput`, {
      ...skip,
      insteadMode: 'phases',
      instead: ['partnerContributions'],
    });
    expect(skipped.status).toBe(303);
    let cycle = await api();
    expect(cycle.phases.find((p: any) => p.key === 'residentInput').status).toBe('skipped');
    expect(cycle.phases.find((p: any) => p.key === 'draft').start.after).toEqual(['partnerContributions']);
    expect((await request('GET', `${path}/phases/residentInput`)).html).toContain('Die kunt u niet meer veranderen');

    version = String(cycle.version);
    const start = at(200);
    const due = at(230);
    const added = await request('POST', `${path}/phases`, {
      _csrf: csrf,
      version,
      'add-title': 'Eerste verantwoording',
      'add-kind': 'report',
      'add-role': 'programmeTeam',
      'add-start-date': start.date,
      'add-start-time': '09:00',
      'add-due-date': due.date,
      'add-due-time': '17:00',
      'add-reason': 'Eis van het ministerie bij de toekenning',
    });
    expect(added.status).toBe(303);
    cycle = await api();
    expect(cycle.phases.at(-1)).toMatchObject({
      kind: 'report',
      title: { nl: 'Eerste verantwoording' },
      origin: 'office',
    });

    const noReason = await request('POST', `${path}/cancel`, { _csrf: csrf, version: String(cycle.version) });
    expect(noReason.status).toBe(400);
    expect(text(noReason.html)).toContain('Schrijf waarom');
    const cancelled = await request('POST', `${path}/cancel`, {
      _csrf: csrf,
      version: String(cycle.version),
      'cancel-reason': 'De regeling is uitgesteld',
    });
    expect(cancelled.status).toBe(303);
    expect((await api()).status).toBe('cancelled');
    const page = await request('GET', cancelled.location!);
    expect(text(page.html)).toContain('De regeling is uitgesteld');
    expect(page.html).not.toContain(`action="${path}/cancel"`);
    const list = text((await request('GET', '/console/cycles')).html);
    expect(list).toContain('Gestopt');
  });

  it('links a running phase to its action item, and lets the office mark done a phase that waits for it', async () => {
    // The residents' role filled with a partner, who cannot answer for residents: their round is
    // refused, and the phase waits for the office.
    const made = await request(
      'POST',
      '/console/cycles',
      spukForm({ once: 'test-once-key-0000000002', 'people-residents': [], 'orgs-residents': ['woon'] }),
    );
    expect(made.status).toBe(303);
    const second = made.location!.split('?')[0];
    id = second.split('/').pop()!;
    // The kick-off starts on its date, as the programme team's action item.
    await h.to(new Date(Date.parse((await api()).phases[0].start.at) + 3600_000).toISOString());
    await h.rt.whenIdle();
    // Sixteen days on, the office's session has long ended.
    await signIn();
    const kickOff = (await api()).phases[0];
    expect(kickOff.facts.flow.kind).toBe('followUp');
    const page = await request('GET', second);
    expect(page.html).toContain(`<a href="/console/follow-ups/${kickOff.facts.flow.id}">Actiepunt</a>`);
    expect(text(page.html)).toContain('Start: wat werkte, wat moet groter, wat stopt? · loopt');
    // Its own flow ends it, not the office: no done form for it.
    expect((await request('GET', `${second}/phases/kickOff`)).html).not.toContain('Klaar melden');
    const steer = `/console/follow-ups/${kickOff.facts.flow.id}/steer`;
    expect((await request('POST', steer, { _csrf: csrf, action: 'done', result: 'Besproken' })).status).toBe(303);
    // The cycle looks again a day later: the partners' round runs, linked; the residents' input waits for the office.
    await h.to(new Date(h.rt.clock.now().getTime() + 86400_000 + 3600_000).toISOString());
    await h.rt.whenIdle();
    await signIn();
    const partners = (await api()).phases.find((p: any) => p.key === 'partnerContributions').facts.flow;
    expect((await request('GET', second)).html).toContain(
      `<a href="/console/input-rounds/${partners.id}">Uitvraag</a>`,
    );
    const form = await request('GET', `${second}/phases/residentInput`);
    expect(text(form.html)).toContain('U meldt haar klaar');
    const version = /name="version" value="(\d+)"/.exec(form.html)![1];
    const done = await request('POST', `${second}/phases/residentInput/done`, {
      _csrf: csrf,
      version,
      note: 'Input kwam via de bewonersavond',
    });
    expect([done.status, done.location]).toEqual([303, `${second}?m=done`]);
    const phase = (await api()).phases.find((p: any) => p.key === 'residentInput');
    expect(phase).toMatchObject({ status: 'done', facts: { note: 'Input kwam via de bewonersavond' } });
    const again = await request('POST', `${second}/phases/residentInput/done`, {
      _csrf: csrf,
      version: String((await api()).version),
    });
    expect(again.status).toBe(400);
    expect(text(again.html)).toContain('Deze fase is al klaar');
  });

  it('answers an unknown cycle or phase with the not-found page', async () => {
    expect((await request('GET', '/console/cycles/c-nope')).status).toBe(404);
    expect((await request('GET', `${path}/phases/nope`)).status).toBe(404);
    expect((await request('POST', '/console/cycles', spukForm({ templateId: 'nope' }))).status).toBe(404);
  });
});

/** An instant as Amsterdam's wall clock, "2027-06-01 17:00". */
const amsterdam = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
