/** The public cycles page: each step in plain words with its state and date in Amsterdam, no personal data. */
import { describe, expect, it } from 'vitest';
import { type Cycle, loadTemplates, planCycle } from '../../../functions/flows/cycle';
import { publicCyclesPage } from '../../../functions/flows/public-page/cycles';

const templates = loadTemplates();
const anchors = { boardMeeting: '2027-02-25T16:00:00+01:00', ministryDeadline: '2027-03-15T17:00:00+01:00' };
const orgs = [{ id: 'woon', name: 'Woon!', kind: 'housing' as const, contactIds: ['p-ruben-kok'] }];

function spuk(facts: Cycle['facts'], extra: Partial<Cycle> = {}): Cycle {
  const t = templates.get('spuk-application')!;
  const plan = planCycle(t, anchors);
  plan.phases = plan.phases.map((p) =>
    p.key === 'residentInput' ? { ...p, skipped: { reason: 'Samira Amrani vroeg het', by: 'office', at: 'x' } } : p,
  );
  return {
    id: 'c-1',
    templateId: t.id,
    name: t.name,
    assignments: {
      programmeTeam: { personIds: ['p-samira-amrani'], organisationIds: [] },
      partners: { personIds: [], organisationIds: ['woon'] },
    },
    plan,
    facts,
    status: 'running',
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'samira.amrani@example.org',
    version: 5,
    ...extra,
  };
}

/** The text of one step's line on the page, tags removed. */
function step(html: string, title: string): string {
  const li = html.split('<li>').find((l) => l.includes(title));
  return (li ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('the public cycles page', () => {
  const facts: Cycle['facts'] = {
    kickOff: { startedAt: '2026-12-03T08:00:00.000Z', doneAt: '2026-12-09T23:30:00.000Z', doneBy: 'Samira Amrani' },
    partnerContributions: { startedAt: '2026-12-10T09:00:00.000Z', flow: { kind: 'inputRound', id: 'u-1' } },
    review: { startedAt: '2027-01-22T09:00:00.000Z', doneAt: '2027-02-11T16:00:00.000Z', outcome: 'approved' },
  };
  const now = new Date('2026-12-20T12:00:00Z');
  const html = publicCyclesPage([spuk(facts)], orgs, 'nl', now);

  it('names the cycle and says in plain words what it is for', () => {
    expect(html).toContain('<h1>Wat doen we wanneer?</h1>');
    expect(html).toContain('<h2>Aanvraag SPUK Kansrijke Wijk</h2>');
    expect(html).toContain('Het alliantiebestuur beslist of de aanvraag naar het ministerie gaat.');
    expect(html).toContain('Loopt nu');
  });

  it("gives each step its state and its date on Amsterdam's calendar", () => {
    // Done at 23:30 UTC on 9 December: 10 December in Amsterdam.
    expect(step(html, 'Start: wat werkte')).toContain('Wie: het programmateam · gedaan , op 10 december 2026');
    expect(step(html, 'Bijdragen van partners')).toContain('de partners · bezig , klaar vóór 7 januari 2027');
    expect(step(html, 'Wat bewoners belangrijk vinden')).toContain('overgeslagen');
    expect(step(html, 'Wat bewoners belangrijk vinden')).not.toContain('vóór');
    expect(step(html, 'Concept-aanvraag schrijven')).toContain('komt nog , gepland: januari 2027');
  });

  it("shows the kerngroep's outcome on its round, and a late step as late", () => {
    expect(step(html, 'Kerngroep en opgaveteams kijken mee')).toContain('Uitkomst: Het voorstel is aangenomen.');
    const later = publicCyclesPage([spuk(facts)], orgs, 'nl', new Date('2027-01-08T12:00:00Z'));
    expect(step(later, 'Bijdragen van partners')).toContain('te laat , moest klaar zijn op 7 januari 2027');
  });

  it('names nobody: no people, ids, emails or the office reasons', () => {
    for (const s of ['Samira', 'samira', 'p-', 'example.org', 'vroeg het', 'c-1']) expect(html).not.toContain(s);
  });

  it('shows a stopped cycle as stopped, without its steps or reason', () => {
    const cancelled = spuk(facts, {
      status: 'cancelled',
      cancelled: { by: 'samira.amrani@example.org', at: '2027-01-05T10:00:00.000Z', reason: 'Ruben Kok is ziek' },
    });
    const page = publicCyclesPage([cancelled], orgs, 'nl', now);
    expect(page).toContain('Gestopt op 5 januari 2027.');
    expect(page).not.toContain('Bijdragen van partners');
    expect(page).not.toContain('Ruben');
  });

  it('shows a trekker only as an organisation, and lists running cycles first', () => {
    const t = templates.get('actielijn-monitoring')!;
    const actielijn: Cycle = {
      ...spuk({}),
      id: 'c-2',
      templateId: t.id,
      name: t.name,
      plan: planCycle(t, { yearStart: '2026-10-01T00:00:00+02:00' }),
      assignments: { trekker: { personIds: ['p-ruben-kok'], organisationIds: ['woon'] } },
      status: 'planned',
    };
    const page = publicCyclesPage([actielijn, spuk(facts)], orgs, 'nl', now);
    expect(page).toContain('Trekker: Woon!');
    expect(page).not.toContain('Ruben');
    expect(page.indexOf('Aanvraag SPUK')).toBeLessThan(page.indexOf('Voortgang van een actielijn'));
    expect(step(page, 'Voortgang van de actielijn')).toContain('de trekker van de actielijn · bezig');
  });

  it('is in English when asked, and says when nothing is planned', () => {
    const en = publicCyclesPage([spuk(facts)], orgs, 'en', now);
    expect(en).toContain('<html lang="en">');
    expect(step(en, 'Contributions from partners')).toContain('the partners · under way , due before 7 January 2027');
    expect(publicCyclesPage([], orgs, 'nl', now)).toContain('Er is nu niets gepland.');
  });

  it('has no English words on the Dutch page, for the steps of every template', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const all = [...templates.values()].map((t, i) => {
      // Each anchor a quarter after the one before (a meeting, then the ministry's date, say).
      const at = (k: number) => new Date(Date.UTC(2027, 5 + 3 * k, 3, 14)).toISOString();
      const dates = Object.fromEntries(t.anchors.map((a, k) => [a.key, at(k)]));
      return { ...spuk({}), id: `c-${i}`, templateId: t.id, name: t.name, plan: planCycle(t, dates) };
    });
    const text = publicCyclesPage(all, orgs, 'nl', now)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\?lang=en|English/g, '');
    expect(text).not.toMatch(/\b(input|update|monitoring|deadline|review|feedback|kick-?off)\b/i);
  });
});
