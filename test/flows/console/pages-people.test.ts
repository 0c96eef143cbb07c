/** An input round of people on the console page: by name, how each answered, erased words, both languages. */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../functions/engine/directory';
import { inputPage, inputsPage } from '../../../functions/flows/console/flow-pages';
import { WrittenInputForm } from '../../../functions/flows/console/people-input';
import { contextFor } from '../../../functions/flows/console/ui';
import { ENGLISH, inputRound, main, T0 } from '../../support/console-pages';

const person = (id: string, name: string): Person =>
  ({ id, name, email: `${id}@example.org`, lang: 'nl', kind: 'resident', active: true }) as Person;
const people = [person('p-a', 'Ria Jansen'), person('p-b', 'Hamid Ouali'), person('p-c', 'Kees Brouwer')];
const round = inputRound({
  status: 'open',
  deadline: '2026-03-28T16:00:00Z',
  organisationIds: [],
  personIds: ['p-a', 'p-b', 'p-c'],
  answers: {
    'p-a': { kind: 'answered', by: 'p-a', at: '2026-03-10T10:00:00Z', erasedAt: '2026-03-12T10:00:00Z' },
    'p-b': {
      kind: 'answered',
      text: 'Meer bankjes',
      by: 'p-b',
      at: '2026-03-11T10:00:00Z',
      via: 'conversation',
      recordedBy: 'office',
      receivedAt: '2026-03-08T23:00:00.000Z',
    },
  },
});

describe('an input round of people on the console', () => {
  it('names each person, says how they answered, keeps erased words out, and counts people in the list', () => {
    const nl = contextFor('nl', '/');
    const page = main(inputPage(nl, round, [], [], people));
    expect(page).toContain('Ria Jansen Zelf, via de eigen link De tekst is verwijderd op verzoek van deze persoon.');
    // Received on 9 March in Amsterdam (23:00 UTC the day before).
    expect(page).toContain(
      'Hamid Ouali Genoteerd door het programmabureau: gesprek ontvangen op 9 maart 2026 Meer bankjes',
    );
    expect(page).toContain('Nog geen antwoord van 1 persoon Kees Brouwer');
    expect(page).not.toContain('@example.org');
    expect(page).not.toMatch(ENGLISH);
    expect(page).not.toMatch(/\b(conversation|answered|recorded)\b/);
    expect(main(inputsPage(nl, [round]))).toContain('2 / 3 antwoorden');
    const en = main(inputPage(contextFor('en', '/'), round, [], [], people));
    expect(en).toContain('Hamid Ouali Recorded by the programme office: conversation received on 9 March 2026');
    expect(en).toContain('No answer yet from 1 person');
  });

  it("offers the office's form for those without their own answer, and none once the deadline has passed", () => {
    const nl = contextFor('nl', '/', 'office', 'secret');
    const form = String(WrittenInputForm({ ctx: nl, round, people, now: T0, v: {} }));
    expect(form).toContain('name="_csrf" value="secret"');
    expect(form).toContain('value="p-b"');
    expect(form).toContain('value="p-c"');
    expect(form).not.toContain('value="p-a"');
    const late = String(WrittenInputForm({ ctx: nl, round, people, now: new Date('2026-03-29T00:00:00Z'), v: {} }));
    expect(late).not.toContain('<form');
    expect(late).toContain('De uitvraag is gesloten.');
  });
});
