/**
 * A long list in the console, a page at a time: the search form above the table (a GET form: it
 * changes nothing, so it needs no form secret) with the list's own filters, and "Vorige"/"Volgende"
 * links below it that carry the API's own sealed cursors.
 */
import type { Option } from '../../engine/ui/form';
import { Options } from '../../engine/ui/form';
import type { Lang } from '../../platform/time';
import type { ConsoleContext } from './ui';

export const pagingWords = {
  nl: {
    search: 'Zoeken',
    searchIn: (what: string) => `Zoek in ${what}`,
    byName: 'op naam (een deel is genoeg)',
    byTitle: 'op titel (een deel is genoeg)',
    // The word the lists' own column uses.
    status: 'Stand',
    all: 'Alle',
    showAll: 'Alles tonen',
    pages: 'Pagina’s',
    previous: 'Vorige',
    next: 'Volgende',
    none: (q: string) => `Niets gevonden voor “${q}”.`,
    noneWithStatus: 'Er is niets met deze status.',
    tooLong: 'Zoek met hoogstens 100 tekens.',
    badStatus: 'Kies een status uit de lijst.',
    partial: 'Er is een deel van de lijst doorzocht. Met “Volgende” zoekt u verder.',
    badLink: 'Deze link naar een pagina van de lijst klopt niet (meer). Open de lijst opnieuw.',
  },
  en: {
    search: 'Search',
    searchIn: (what: string) => `Search ${what}`,
    byName: 'by name (part of it will do)',
    byTitle: 'by title (part of it will do)',
    status: 'Status',
    all: 'All',
    showAll: 'Show all',
    pages: 'Pages',
    previous: 'Previous',
    next: 'Next',
    none: (q: string) => `Nothing found for “${q}”.`,
    noneWithStatus: 'There is nothing with this status.',
    tooLong: 'Search with at most 100 characters.',
    badStatus: 'Choose a status from the list.',
    partial: 'Part of the list was searched. “Next” searches on.',
    badLink: 'This link to a page of the list is not right (any more). Open the list again.',
  },
} satisfies Record<Lang, unknown>;

/** What a list page shows of its paging: the search as typed, the filters, and where the links go. */
export interface ListPaging {
  path: string;
  q: string;
  /** The list's own filter (a status), with its choices; empty: all. */
  status?: { value: string; options: Option[] };
  next?: string;
  prev?: string;
  /** A search that read its share of the list before the page was full. */
  partial: boolean;
}

export function SearchForm(p: { ctx: ConsoleContext; paging: ListPaging; what: string; by: 'name' | 'title' }) {
  const w = pagingWords[p.ctx.lang];
  const { q, status, path } = p.paging;
  return (
    <form method="get" action={path} class="search" role="search">
      <label for="q">
        {w.searchIn(p.what)} <span class="hint">{p.by === 'name' ? w.byName : w.byTitle}</span>
      </label>
      <input type="search" id="q" name="q" value={q} maxlength={100} />
      {status ? (
        <>
          <label for="status">{w.status}</label>
          <select id="status" name="status">
            <Options options={[{ value: '', label: w.all }, ...status.options]} selected={status.value} />
          </select>
        </>
      ) : null}
      <button type="submit">{w.search}</button>
      {q || status?.value ? (
        <p>
          <a href={path}>{w.showAll}</a>
        </p>
      ) : null}
    </form>
  );
}

export function Pager(p: { ctx: ConsoleContext; paging: ListPaging }) {
  const w = pagingWords[p.ctx.lang];
  const { prev, next, partial } = p.paging;
  return (
    <>
      {partial ? <p class="hint">{w.partial}</p> : null}
      {prev || next ? (
        <nav class="pager" aria-label={w.pages}>
          {prev ? (
            <a href={prev} rel="prev">
              ← {w.previous}
            </a>
          ) : null}
          {next ? (
            <a href={next} rel="next">
              {w.next} →
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/** The search form and the page links of a list page, for ListPage's `paging`. */
export function listPaging(ctx: ConsoleContext, paging: ListPaging, what: string, by: 'name' | 'title') {
  const w = pagingWords[ctx.lang];
  // Found nothing: say so for a search (unless it read only part of the list), else the list's own words.
  const empty = paging.partial ? '' : paging.q ? w.none(paging.q) : paging.status?.value ? w.noneWithStatus : undefined;
  return {
    search: <SearchForm ctx={ctx} paging={paging} what={what} by={by} />,
    pager: <Pager ctx={ctx} paging={paging} />,
    empty,
  };
}
