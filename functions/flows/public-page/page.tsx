/**
 * The public "what happened with it" page of a body: agreements made, who does what by when, and
 * what came of them, in plain Dutch (English available). Personal data stays off it (see minutes.ts).
 */
import { cycleWords } from './cycle-words';
import { Decisions } from './decisions';
import { publicMinutes, publicOwner } from './minutes';
import { accountabilityLink } from './public-list-page';
import { publicWords as words } from './texts';
import type { Body, Organisation, Person } from '../../engine/directory';
import type { Round } from '../approval-round';
import { lateSince, type ActionItem } from '../follow-up';
import type { Meeting } from '../meeting';
import { renderDocument, trusted } from '../../platform/jsx';
import { formatDateTime, type Lang } from '../../platform/time';

const STYLE =
  'body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;max-width:44rem;margin:0 auto;padding:1rem;' +
  'color:#1a1a1a}li{margin:.75rem 0}h1{font-size:1.5rem}';

/** The language, and the people and organisations that owners are named by (never by name). */
interface Context {
  lang: Lang;
  people: Person[];
  orgs: Organisation[];
}

function ItemRow(p: { item: ActionItem; ctx: Context; now: Date }) {
  const { item: i, ctx } = p;
  const w = words[ctx.lang];
  const owner = publicOwner(i.owner as { personId?: string; organisationId?: string }, ctx.people, ctx.orgs, ctx.lang);
  return (
    <li>
      <strong>{i.what}</strong>
      <br />
      {w.who}: {owner} · {w.due}: {formatDateTime(i.due, ctx.lang)}
      {lateSince(i, p.now) ? (
        <>
          {' '}
          <em>({w.late})</em>
        </>
      ) : null}
      {i.result && i.status === 'done' ? (
        <>
          <br />
          {w.result}: {i.result}
        </>
      ) : null}
      {i.blockedBy && i.status === 'blocked' ? (
        <>
          <br />
          {w.needs}: {i.blockedBy}
        </>
      ) : null}
    </li>
  );
}

/** The items in one state (running, stuck, done, handed back), under their heading; nothing when none. */
function ItemGroup(p: { label: string; items: ActionItem[]; ctx: Context; now: Date }) {
  if (!p.items.length) return null;
  return (
    <>
      <h2>{p.label}</h2>
      <ul>
        {p.items.map((item) => (
          <ItemRow item={item} ctx={p.ctx} now={p.now} />
        ))}
      </ul>
    </>
  );
}

/** One meeting whose minutes were adopted: what was discussed, what was decided, who does what. */
function HeldMeeting(p: { meeting: Meeting; ctx: Context }) {
  const { lang } = p.ctx;
  const w = words[lang];
  const minutes = publicMinutes(p.meeting, p.ctx.people, p.ctx.orgs, lang);
  return (
    <section>
      <h3>
        {p.meeting.title}, {formatDateTime(p.meeting.start, lang)}
      </h3>
      <ul>
        {minutes.discussed.map((d) => (
          <li>
            <strong>{d.title}</strong>: {d.summary}
          </li>
        ))}
      </ul>
      {minutes.decisions.trim() ? (
        <p>
          <strong>{w.decided}:</strong> {minutes.decisions}
        </p>
      ) : null}
      {minutes.actions.length ? (
        <>
          <p>
            <strong>{w.whoWhat}:</strong>
          </p>
          <ul>
            {minutes.actions.map((a) => (
              <li>
                {a.what} — {a.who}, {w.due.toLowerCase()} {a.due}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Meetings(p: { bodyId: string; meetings: Meeting[]; ctx: Context }) {
  const held = p.meetings
    .filter((m) => m.bodyId === p.bodyId && m.phase === 'adopted' && m.minutes)
    .sort((a, b) => b.start.localeCompare(a.start));
  if (!held.length) return null;
  return (
    <>
      <h2>{words[p.ctx.lang].meetings}</h2>
      {held.map((m) => (
        <HeldMeeting meeting={m} ctx={p.ctx} />
      ))}
    </>
  );
}

/** The link to the page in the other language, named in that language. */
function OtherLanguage(p: { lang: Lang }) {
  const other = p.lang === 'nl' ? 'en' : 'nl';
  return (
    <p>
      <a href={`?lang=${other}`} lang={other}>
        {p.lang === 'nl' ? 'English' : 'Nederlands'}
      </a>
    </p>
  );
}

export function publicBodyPage(
  body: Body,
  items: ActionItem[],
  people: Person[],
  orgs: Organisation[],
  lang: Lang,
  now: Date,
  meetings: Meeting[] = [],
  rounds: Round[] = [],
): string {
  const w = words[lang];
  const ctx: Context = { lang, people, orgs };
  const mine = items.filter((i) => i.bodyId === body.id).sort((a, b) => a.due.localeCompare(b.due));
  const inState = (...states: ActionItem['status'][]) => mine.filter((i) => states.includes(i.status));
  const title = w.title(body.name);
  return renderDocument(
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <style>{trusted(STYLE)}</style>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <p>{w.intro}</p>
          {mine.length === 0 ? <p>{w.none}</p> : null}
          <ItemGroup label={w.running} items={inState('open', 'awaiting-approval')} ctx={ctx} now={now} />
          <ItemGroup label={w.stuck} items={inState('blocked')} ctx={ctx} now={now} />
          <ItemGroup label={w.finished} items={inState('done')} ctx={ctx} now={now} />
          <ItemGroup label={w.handedBack} items={inState('returned')} ctx={ctx} now={now} />
          <Decisions bodyId={body.id} rounds={rounds} lang={lang} />
          <Meetings bodyId={body.id} meetings={meetings} ctx={ctx} />
          <p>
            {/* Relative, so it holds under a stage's path prefix too: /p/{bodyId} → /cycli. */}
            <a href={`../cycli${lang === 'en' ? '?lang=en' : ''}`}>{cycleWords[lang].link}</a>
          </p>
          <p>
            <a href={`../verantwoording${lang === 'en' ? '?lang=en' : ''}`}>{accountabilityLink[lang]}</a>
          </p>
          <OtherLanguage lang={lang} />
        </main>
      </body>
    </html>,
  );
}
