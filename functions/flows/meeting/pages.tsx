/** The page behind a meeting link, for a member, the secretary or the chair. Plain HTML, no scripts. */
import type { Organisation, Person } from '../../engine/directory';
import { linkPage } from '../../engine/page-layout';
import { Choice, Hidden } from '../../engine/ui/form';
import { formatDateTime, type Lang } from '../../platform/time';
import { agendaOf } from './agenda';
import { MeetingFiles, type MeetingFile } from './files-section';
import { agendaDeadlineOf, type Meeting } from './meeting';
import { ChairReview, DraftMinutes, MinutesForm, ObjectionForm } from './minutes-page';
import { ButtonForm, type PageContext, PostForm } from './page-form';
import { pageWords } from './page-texts';
import { meetingWords } from './texts';

export interface MeetingPageModel {
  role: 'meeting' | 'minutes' | 'chair';
  meeting: Meeting;
  person: Person;
  proof: string;
  groupId?: string;
  notice?: string;
  errors?: Record<string, string>;
  /** What was typed into a refused form, to fill it in again. */
  values?: Record<string, string>;
  action: string;
  /** For the secretary's action item rows: who can own one. */
  people?: Person[];
  /** The meeting's documents, each through this person's link. */
  files?: MeetingFile[];
  orgs?: Organisation[];
}

/** The refused fields in words: an action item row's field by its place ("Actiepunt 1, wie doet het"), not its name. */
function Errors({ c }: { c: PageContext }) {
  const { w } = c;
  const fieldLabel = (f: string) => {
    const row = /^a(\d+)\.(\w+)$/.exec(f);
    return row && w.fields[row[2]] ? `${w.actionItem(Number(row[1]) + 1)}, ${w.fields[row[2]]}: ` : '';
  };
  if (!c.v.errors) return null;
  return (
    <div class="error" role="alert">
      {Object.entries(c.v.errors).map(([f, e]) => (
        <p>
          {fieldLabel(f)}
          {w.errors[e] ?? e}
        </p>
      ))}
    </div>
  );
}

/** Title, when and where (with the online link), and what the last answer did. */
function Head({ c }: { c: PageContext }) {
  const { m, w, lang } = c;
  return (
    <>
      <h1>{m.title}</h1>
      <p>
        <strong>{w.when}:</strong> {formatDateTime(m.start, lang)}
        {m.location ? (
          <>
            {' · '}
            <strong>{w.where}:</strong> {m.location}
          </>
        ) : null}
        {m.onlineUrl ? (
          <>
            {' · '}
            <strong>{w.online}:</strong>{' '}
            <a href={m.onlineUrl} rel="noreferrer">
              {m.onlineUrl}
            </a>
          </>
        ) : null}
      </p>
      {c.v.notice ? (
        <p class="notice" role="status">
          {w.notices[c.v.notice]}
        </p>
      ) : null}
      <Errors c={c} />
    </>
  );
}

function Agenda({ c }: { c: PageContext }) {
  const { mw } = c;
  return (
    <>
      <h2>{c.w.agenda}</h2>
      <ol>
        {agendaOf(c.m).map((l) => (
          <li>
            {l.item ? (
              <>
                {l.item.title}{' '}
                <em>
                  ({mw.asks[l.item.ask]}; {l.item.broughtBy})
                </em>
              </>
            ) : (
              mw.standing[l.standing!]
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** A new agenda item: on time while the agenda is open, afterwards for the chair to place. */
function ItemForm({ c }: { c: PageContext }) {
  const { m, w, lang } = c;
  const ask = c.v.values?.ask;
  return (
    <PostForm c={c} action="item">
      <fieldset>
        <legend>{w.addItem}</legend>
        <p>{m.phase === 'agenda' ? w.deadline(formatDateTime(agendaDeadlineOf(m), lang)) : w.afterDeadline}</p>
        <label for="title">{w.itemTitle}</label>
        <input type="text" id="title" name="title" maxlength={200} required value={c.typed('title')} />
        <label for="explanation">{w.explanation}</label>
        <textarea id="explanation" name="explanation" rows={3} maxlength={2000}>
          {c.typed('explanation')}
        </textarea>
        <label for="broughtBy">{w.broughtBy}</label>
        <input
          type="text"
          id="broughtBy"
          name="broughtBy"
          maxlength={120}
          value={c.typed('broughtBy', c.v.person.name)}
        />
        <fieldset>
          <legend>{w.ask}</legend>
          {(['inform', 'discuss', 'decide'] as const).map((a) => (
            <Choice type="radio" name="ask" value={a} checked={(ask ?? 'discuss') === a} label={c.mw.asks[a]} />
          ))}
        </fieldset>
        <button type="submit">{w.send}</button>
      </fieldset>
    </PostForm>
  );
}

/** Before the meeting: the agenda, a new item, "nothing this time" for a theme group, and who comes. */
function BeforeTheMeeting({ c }: { c: PageContext }) {
  const { m, w, v } = c;
  return (
    <>
      <Agenda c={c} />
      <ItemForm c={c} />
      {v.groupId && m.phase === 'agenda' && v.role === 'meeting' ? (
        <ButtonForm c={c} action="nothing" label={w.nothing} />
      ) : null}
      {m.declined.includes(v.person.id) ? (
        <PostForm c={c} action="attend">
          <p>{w.declinedNote}</p>
          <button type="submit">{w.attend}</button>
        </PostForm>
      ) : m.phase === 'invited' ? (
        <ButtonForm c={c} action="decline" label={w.decline} />
      ) : null}
    </>
  );
}

/** The chair places each item sent in after the deadline: on this agenda, or to the next meeting. */
function LateItems({ c }: { c: PageContext }) {
  const undecided = c.m.items.filter((i) => i.late && !i.chair);
  if (!undecided.length) return null;
  return (
    <>
      <h2>{c.w.late}</h2>
      {undecided.map((i) => (
        <PostForm c={c} action="late">
          <Hidden name="itemId" value={i.id} />
          <p>
            <strong>{i.title}</strong> ({i.broughtBy})<br />
            {i.explanation}
          </p>
          <button type="submit" name="decision" value="accept">
            {c.w.accept}
          </button>
          <button type="submit" name="decision" value="next-meeting">
            {c.w.nextMonth}
          </button>
        </PostForm>
      ))}
    </>
  );
}

const context = (v: MeetingPageModel, lang: Lang): PageContext => ({
  v,
  m: v.meeting,
  lang,
  w: pageWords[lang],
  mw: meetingWords[lang],
  typed: (name, fallback = '') => v.values?.[name] ?? fallback,
});

/** What each role may do in each phase; a closed meeting (not adopted) only says so. */
function MeetingBody({ c }: { c: PageContext }) {
  const { m, v } = c;
  if (m.status === 'closed' && m.phase !== 'adopted') return <p class="notice">{c.w.closed}</p>;
  const withMinutes = m.minutes && (m.phase === 'review' || m.phase === 'chair-review' || m.phase === 'adopted');
  // Not to the one who wrote the draft: they change it through the chair, not by objecting.
  const mayObject = m.phase === 'review' && v.role !== 'minutes' && m.minutes?.by !== v.person.id;
  return (
    <>
      {m.phase === 'agenda' || m.phase === 'invited' ? <BeforeTheMeeting c={c} /> : null}
      {v.role === 'chair' ? <LateItems c={c} /> : null}
      {withMinutes ? <DraftMinutes c={c} /> : null}
      {withMinutes && mayObject ? <ObjectionForm c={c} /> : null}
      {withMinutes && m.phase === 'chair-review' && v.role === 'chair' ? <ChairReview c={c} /> : null}
      {v.role === 'minutes' && m.phase === 'minutes' ? <MinutesForm c={c} /> : null}
    </>
  );
}

export function meetingPage(v: MeetingPageModel): string {
  const c = context(v, v.person.lang);
  return linkPage(
    c.lang,
    c.m.title,
    <>
      <Head c={c} />
      <MeetingFiles
        meeting={c.m}
        files={v.files ?? []}
        lang={c.lang}
        addHref={v.role === 'minutes' && c.m.status === 'open' ? `${v.action}/documents` : undefined}
      />
      <MeetingBody c={c} />
    </>,
  );
}
