/** A page of a console list: the search form and page links in the console's language, everything escaped. */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../functions/engine/directory';
import { peoplePage } from '../../../functions/flows/console/directory-pages';
import { listPaging } from '../../../functions/flows/console/list-paging';
import { roundListPage } from '../../../functions/flows/console/round-pages';
import { contextFor } from '../../../functions/flows/console/ui';
import { ENGLISH, main } from '../../support/console-pages';

const person: Person = {
  id: 'p-1',
  name: 'Ria Jansen',
  email: 'ria@example.org',
  lang: 'nl',
  kind: 'resident',
  active: true,
};
/** The page's main part as HTML (main() gives its text). */
const html = (page: string) => page.slice(page.indexOf('<main'), page.indexOf('</main>'));
const paging = (extra: object = {}) => ({
  path: '/console/people',
  q: '',
  next: '/console/people?cursor=c1.k.abc',
  partial: false,
  ...extra,
});

describe('the paging of a console list', () => {
  const nl = contextFor('nl', '/console/people');
  const en = contextFor('en', '/console/people');

  it('has a labelled search box and page links in Dutch, and in English in the English console', () => {
    const dutch = html(peoplePage(nl, [person], [], undefined, listPaging(nl, paging(), 'personen', 'name')));
    expect(dutch).toContain('<label for="q">Zoek in personen');
    expect(dutch).toContain('<input type="search" id="q" name="q" value="" maxlength="100"/>');
    expect(dutch).toContain(
      '<nav class="pager" aria-label="Pagina’s"><a href="/console/people?cursor=c1.k.abc" rel="next">Volgende →</a></nav>',
    );
    expect(dutch).not.toContain('Vorige');
    expect(main(dutch)).not.toMatch(ENGLISH);
    const english = main(
      peoplePage(en, [person], [], undefined, listPaging(en, paging({ prev: '/x' }), 'people', 'name')),
    );
    expect(english).toContain('Search people');
    expect(english).toContain('← Previous');
    expect(english).toContain('Next →');
  });

  it('escapes the search as typed, in the box and in the sentence that found nothing', () => {
    const q = '"><script>alert(1)</script>';
    const page = html(roundListPage(nl, [], listPaging(nl, paging({ q, next: undefined }), 'rondes', 'title')));
    expect(page).not.toContain('<script>');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).toContain('Niets gevonden voor “&quot;&gt;&lt;script&gt;');
    expect(page).toContain('<a href="/console/people">Alles tonen</a>');
  });

  it('says an empty list is empty, and a search that read part of the list that it searches on', () => {
    expect(main(roundListPage(nl, [], listPaging(nl, paging({ next: undefined }), 'rondes', 'title')))).toContain(
      nl.t.noRounds,
    );
    const partial = main(
      roundListPage(nl, [], listPaging(nl, paging({ q: 'zeldzaam', partial: true }), 'rondes', 'title')),
    );
    expect(partial).toContain('Er is een deel van de lijst doorzocht. Met “Volgende” zoekt u verder.');
    expect(partial).not.toContain('Niets gevonden');
    expect(partial).not.toContain(nl.t.noRounds);
  });
});
