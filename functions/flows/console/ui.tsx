/** The console's page frame: plain server-rendered HTML with its navigation, and one script. */
import type { AuditEntry } from '../../engine/ports';
import { ErrorSummary, type FieldErrors, Hidden } from '../../engine/ui/form';
import { Table } from '../../engine/ui/table';
import { type Child, type Markup, renderDocument } from '../../platform/jsx';
import { formatDateTime, type Lang } from '../../platform/time';
import { type Texts, texts } from './texts';

export interface ConsoleContext {
  lang: Lang;
  t: Texts;
  /** The signed-in user's name, when there is one. */
  user?: string;
  /** The session's form secret, for every form on the page. */
  csrf?: string;
  path: string;
}

export function contextFor(lang: Lang, path: string, user?: string, csrf?: string): ConsoleContext {
  return { lang, t: texts[lang], user, csrf, path };
}

export type Section =
  | 'overview'
  | 'rounds'
  | 'new'
  | 'items'
  | 'inputs'
  | 'cycles'
  | 'calendar'
  | 'meetings'
  | 'events'
  | 'consultations'
  | 'people'
  | 'bodies'
  | 'partners'
  | 'none';

/** The session's form secret as a hidden field, checked before any route runs. */
const CsrfField = (p: { ctx: ConsoleContext }) => <Hidden name="_csrf" value={p.ctx.csrf ?? ''} />;

/** Every form posts, with the session's form secret: the console refuses a post without it. */
export function PostForm(p: {
  ctx: ConsoleContext;
  action: string;
  class?: string;
  /** The server checks every field and answers with messages by the fields; the browser need not. */
  novalidate?: boolean;
  children: Markup | Markup[];
}) {
  return (
    <form method="post" action={p.action} class={p.class} novalidate={p.novalidate}>
      <CsrfField ctx={p.ctx} />
      {p.children}
    </form>
  );
}

/** A page that is one form: its heading, the summary of what is wrong (linked to the fields), the form. */
export function FormPage(p: {
  ctx: ConsoleContext;
  title: string;
  errors?: FieldErrors;
  action: string;
  children: Markup | Markup[];
}) {
  return (
    <>
      <h1>{p.title}</h1>
      <ErrorSummary title={p.ctx.t.errorsTitle} errors={p.errors} />
      <PostForm ctx={p.ctx} action={p.action} novalidate>
        {p.children}
      </PostForm>
    </>
  );
}

/** What a post just did, read out by screen readers as it appears. */
export const StatusNotice = (p: { message?: string }) =>
  p.message ? (
    <p class="notice" role="status">
      {p.message}
    </p>
  ) : null;

/** The page's main next step, as a button-styled link in its own paragraph. */
export const ButtonLink = (p: { href: string; label: string }) => (
  <p>
    <a class="button" href={p.href}>
      {p.label}
    </a>
  </p>
);

/**
 * A page listing rounds, items or people: the heading, what a post just did, the button to add one,
 * and the table, named by the heading; with `empty`, that sentence instead of an empty table.
 */
export type ListPageProps = Parameters<typeof ListPage>[0];

export function ListPage(p: {
  title: string;
  message?: string;
  add: { href: string; label: string };
  head: Child[];
  rows: Child[][];
  empty?: string;
  /**
   * A page of a long list: its search form above the table, its page links below (list-paging.tsx),
   * and what to say when a search or filter found nothing.
   */
  paging?: { search: Child; pager: Child; empty?: string };
}) {
  const empty = p.paging?.empty ?? p.empty;
  return (
    <>
      <h1>{p.title}</h1>
      <StatusNotice message={p.message} />
      <ButtonLink href={p.add.href} label={p.add.label} />
      {p.paging?.search}
      {p.rows.length === 0 && empty !== undefined ? (
        empty && <p>{empty}</p>
      ) : (
        <Table caption={p.title} head={p.head} rows={p.rows} />
      )}
      {p.paging?.pager}
    </>
  );
}

/** One labelled fact in a line of its own: "Deadline: 10 december". */
export const Fact = (p: { label: string; children: Child | Child[] }) => (
  <p>
    <strong>{p.label}:</strong> {p.children}
  </p>
);

/** After a name: the person, group or partner no longer takes part (kept for the record). */
export const InactiveBadge = (p: { ctx: ConsoleContext; inactive: boolean; separator?: string }) =>
  p.inactive ? (
    <>
      {p.separator ?? ' '}
      <span class="badge">{p.ctx.t.inactive}</span>
    </>
  ) : null;

/** What happened, in the order given: each entry's time and what it was, in words. */
export function Timeline(p: { title: string; lang: Lang; entries: AuditEntry[]; describe: (e: AuditEntry) => string }) {
  return (
    <>
      <h2>{p.title}</h2>
      <ol>
        {p.entries.map((e) => (
          <li>
            {formatDateTime(e.at, p.lang)}: {p.describe(e)}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The navigation, in the order of the office's work: today first, then each flow, then the directory. */
const NAV: [href: string, section: Section, label: (t: Texts) => string][] = [
  ['/console', 'overview', (t) => t.overview],
  ['/console/calendar', 'calendar', (t) => t.calendar],
  ['/console/rounds', 'rounds', (t) => t.rounds],
  ['/console/rounds/new', 'new', (t) => t.newRound],
  ['/console/follow-ups', 'items', (t) => t.items],
  ['/console/input-rounds', 'inputs', (t) => t.inputs],
  ['/console/cycles', 'cycles', (t) => t.cycles],
  ['/console/meetings', 'meetings', (t) => t.meetings],
  ['/console/events', 'events', (t) => t.events],
  ['/console/consultations', 'consultations', (t) => t.consultations],
  ['/console/people', 'people', (t) => t.people],
  ['/console/bodies', 'bodies', (t) => t.bodies],
  ['/console/partners', 'partners', (t) => t.partners],
];

function Navigation(p: { ctx: ConsoleContext; section: Section }) {
  return (
    <nav aria-label={p.ctx.t.brand}>
      <ul>
        {NAV.map(([href, section, label]) => (
          <li>
            <a href={href} aria-current={section === p.section ? 'page' : undefined}>
              {label(p.ctx.t)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The brand, the navigation and sign-out once signed in, and the switch to the other language. */
function Header(p: { ctx: ConsoleContext; section: Section }) {
  const { ctx } = p;
  const other: Lang = ctx.lang === 'nl' ? 'en' : 'nl';
  return (
    <header>
      <div class="row">
        <span class="brand">{ctx.t.brand}</span>
        {ctx.user ? <Navigation ctx={ctx} section={p.section} /> : null}
        <a href={`/console/lang?to=${other}&back=${encodeURIComponent(ctx.path)}`} lang={other}>
          {ctx.t.otherLang}
        </a>
        {ctx.user ? (
          <PostForm ctx={ctx} action="/console/sign-out">
            <button type="submit">{ctx.t.signOut}</button>
          </PostForm>
        ) : null}
      </div>
    </header>
  );
}

/** Every console page: the skip link comes first, so the first Tab reaches it; main takes its focus. */
export function ConsolePage(p: { ctx: ConsoleContext; section: Section; title: string; children: Markup | Markup[] }) {
  const t = p.ctx.t;
  return (
    <html lang={p.ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{`${p.title} · ${t.brand}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skip}
        </a>
        <Header ctx={p.ctx} section={p.section} />
        <main id="main" tabindex={-1}>
          {p.children}
        </main>
      </body>
    </html>
  );
}

/** A whole console page, as the string a route returns. */
export function consolePage(ctx: ConsoleContext, section: Section, title: string, body: Markup): string {
  return renderDocument(
    <ConsolePage ctx={ctx} section={section} title={title}>
      {body}
    </ConsolePage>,
  );
}
