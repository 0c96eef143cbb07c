/** The public actielijnen page: name, opgave, trekker as organisation, result and current state with its date; no person. */
import { describe, expect, it } from 'vitest';
import type { Actielijn } from '../../../functions/flows/actielijn';
import { publicActielijnenPage } from '../../../functions/flows/public-page/actielijnen';

const orgs = [{ id: 'nexum', name: 'Nexum', kind: 'foundation' as const, contactIds: ['p-fatima'] }];

const actielijn = (extra: Partial<Actielijn> = {}): Actielijn => ({
  id: 'al-1',
  name: 'Coöperatieven',
  opgave: 'Community wealth building',
  trekkerOrganisationIds: ['nexum'],
  contactPersonId: 'p-samira-amrani',
  parties: ['Fatima el Idrissi (bewoner)'],
  result: 'Twee coöperatieven van <bewoners>.',
  risks: 'Geld van de gemeente is nog niet toegezegd.',
  status: 'active',
  stateHistory: [
    { at: '2026-10-01T08:00:00.000Z', text: 'Oude stand', by: 'samira@example.org' },
    { at: '2027-01-14T23:30:00.000Z', text: 'Pand gevonden.\nVolgende stap: statuten.', by: 'cycle:c-1' },
  ],
  createdAt: '2026-09-01T10:00:00.000Z',
  createdBy: 'samira@example.org',
  updatedAt: '2027-01-14T23:30:00.000Z',
  version: 4,
  ...extra,
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the public actielijnen page', () => {
  it('shows the name, opgave, trekker, result and the latest state dated in Amsterdam, escaped', () => {
    const html = publicActielijnenPage([actielijn()], orgs, 'nl');
    const t = text(html);
    expect(t).toContain('Coöperatieven');
    expect(t).toContain('Onderdeel van: Community wealth building');
    expect(t).toContain('Trekker: Nexum');
    expect(html).toContain('Twee coöperatieven van &lt;bewoners&gt;.');
    // 23:30 UTC on the 14th is the 15th in Amsterdam.
    expect(t).toContain('Hoe staat het ervoor? (bijgewerkt op 15 januari 2027)');
    expect(t).toContain('Pand gevonden. Volgende stap: statuten.');
    expect(t).not.toContain('Oude stand');
  });

  it('names no person and leaves the office fields off: contact, parties, risks, who wrote the update', () => {
    const html = publicActielijnenPage([actielijn()], orgs, 'nl');
    for (const s of ['samira', 'Fatima', 'Geld van de gemeente', 'cycle:c-1', 'p-'])
      expect(html.toLowerCase()).not.toContain(s.toLowerCase());
  });

  it('says when there is no state yet, puts ended ones last, and speaks English when asked', () => {
    const html = publicActielijnenPage(
      [actielijn({ id: 'al-2', name: 'Afgerond plan', status: 'ended' }), actielijn({ stateHistory: [] })],
      orgs,
      'en',
    );
    const t = text(html);
    expect(t).toContain('How it stands shows here once the trekker has told it for the first time.');
    expect(t.indexOf('Coöperatieven')).toBeLessThan(t.indexOf('Afgerond plan'));
    expect(t).toContain('This actielijn has ended.');
    expect(html).toContain('<html lang="en">');
  });
});
