/** The pages behind a decision link, in the person's language. Plain HTML, no scripts. */
import type { Person } from '../../engine/directory';
import { linkPage } from '../../engine/page-layout';
import { describedBy, FieldError, type FieldErrors, FieldLabel, Hidden } from '../../engine/ui/form';
import { formatDateTime, type Lang } from '../../platform/time';
import { pageWords } from './page-texts';
import { carriedObjections, currentTally, type Round, stageDeadline, type Vote } from './round';
import type { Choice } from './rules';
import { choiceLabel, outcomeSentence, ruleSentence, tallyLine } from './texts';

/** A file the office uploaded for the round; its link opens it through the member's own link. */
export interface RoundFile {
  name: string;
  href: string;
}

/** What the round asks: title, summary, objections carried from the first stage, documents and the rule. */
function RoundSummary(p: { round: Round; lang: Lang; files?: RoundFile[] }) {
  const files = p.files ?? [];
  const w = pageWords[p.lang];
  const objections = p.round.stage === 'majority' ? carriedObjections(p.round) : [];
  return (
    <>
      <h1>{p.round.title}</h1>
      <p>{p.round.summary}</p>
      {objections.length ? (
        <>
          <h2>{w.objections}</h2>
          <ul>
            {objections.map((o) => (
              <li>{o.reason}</li>
            ))}
          </ul>
        </>
      ) : null}
      {p.round.documents.length || files.length ? (
        <>
          <h2>{w.documents}</h2>
          <ul>
            {p.round.documents.map((d) => (
              <li>
                <a href={d.url} rel="noreferrer">
                  {d.title}
                </a>
              </li>
            ))}
            {files.map((f) => (
              <li>
                <a href={f.href} rel="noreferrer">
                  {f.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{w.rule}</h2>
      <p>{ruleSentence(p.round.rule, p.round.stage, p.lang)}</p>
    </>
  );
}

export interface DecisionPageModel {
  round: Round;
  person: Person;
  vote?: Vote;
  choices: Choice[];
  proof: string;
  action: string;
  errors?: Record<string, string>;
  values?: { choice?: string; reason?: string; comment?: string };
  files?: RoundFile[];
}

/** The answer the member gave before (or carried from the first stage), and that it can still change. */
function VoteNotice(p: { round: Round; vote: Vote; lang: Lang }) {
  const w = pageWords[p.lang];
  const choice = choiceLabel[p.lang][p.vote.choice];
  return (
    <p class="notice">
      {p.vote.carried
        ? w.carried(choice, formatDateTime(stageDeadline(p.round), p.lang))
        : w.current(choice, formatDateTime(p.vote.at, p.lang))}
    </p>
  );
}

/** The error codes of the form, as the messages the member reads. */
function messagesOf(errors: Record<string, string> | undefined, lang: Lang): FieldErrors {
  if (!errors) return undefined;
  const w = pageWords[lang];
  const text: Record<string, string> = {
    choose: w.errChoose,
    'reason-required': w.errReason,
    'expired-form': w.errProof,
    'too-long': w.errLong,
  };
  return Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, text[code] ?? code]));
}

function TextField(p: { id: string; label: string; value?: string; errors: FieldErrors }) {
  return (
    <>
      <FieldLabel id={p.id} label={p.label} errors={p.errors} />
      <textarea id={p.id} name={p.id} rows={3} maxlength={500} aria-describedby={describedBy(p.errors, p.id)}>
        {p.value ?? ''}
      </textarea>
    </>
  );
}

function DecisionForm(p: { m: DecisionPageModel; errors: FieldErrors }) {
  const { m, errors } = p;
  const lang = m.person.lang;
  const w = pageWords[lang];
  const selected = m.values?.choice ?? m.vote?.choice;
  return (
    <form method="post" action={m.action}>
      <Hidden name="proof" value={m.proof} />
      <fieldset>
        <legend>{w.yourDecision}</legend>
        <FieldError errors={errors} id="choice" />
        <FieldError errors={errors} id="proof" />
        {m.choices.map((c) => (
          <label>
            <input type="radio" name="choice" value={c} checked={selected === c} required /> {choiceLabel[lang][c]}
          </label>
        ))}
      </fieldset>
      {m.choices.includes('object') ? (
        <TextField id="reason" label={w.reason} value={m.values?.reason} errors={errors} />
      ) : null}
      <TextField id="comment" label={w.comment} value={m.values?.comment} errors={errors} />
      <p>
        <button type="submit">{w.submit}</button>
      </p>
    </form>
  );
}

export function decisionPage(m: DecisionPageModel): string {
  const lang = m.person.lang;
  const w = pageWords[lang];
  return linkPage(
    lang,
    m.round.title,
    <>
      <RoundSummary round={m.round} lang={lang} files={m.files} />
      <p>
        <strong>
          {w.decideBefore}: {formatDateTime(stageDeadline(m.round), lang)}
        </strong>
      </p>
      {m.vote ? <VoteNotice round={m.round} vote={m.vote} lang={lang} /> : null}
      {m.errors ? (
        <p class="error" role="alert">
          {w.formErrors}
        </p>
      ) : null}
      <DecisionForm m={m} errors={messagesOf(m.errors, lang)} />
    </>,
  );
}

/** How a closed round ended, in one sentence: when, and what came of it. */
function closedSentence(round: Round, lang: Lang): string | null {
  if (round.status !== 'closed' || !round.outcome || !round.closedAt) return null;
  return pageWords[lang].closed(formatDateTime(round.closedAt, lang), outcomeSentence[lang][round.outcome]);
}

export function confirmationPage(round: Round, person: Person, vote: Vote, duplicate: boolean): string {
  const lang = person.lang;
  const w = pageWords[lang];
  const closed = closedSentence(round, lang);
  return linkPage(
    lang,
    round.title,
    <>
      <h1>{round.title}</h1>
      <p class="notice">
        <strong>{duplicate ? w.already : w.recorded}</strong>
      </p>
      <p>{w.youChose(choiceLabel[lang][vote.choice])}</p>
      {duplicate ? null : <p>{w.receiptSent}</p>}
      {closed ? <p>{closed}</p> : null}
    </>,
  );
}

export function closedPage(round: Round, person: Person, vote?: Vote): string {
  const lang = person.lang;
  const w = pageWords[lang];
  const tally = round.stages.at(-1)?.tally ?? currentTally(round);
  // Open past its deadline: the workflow has not settled it yet, so the outcome is still to come.
  const status =
    round.status === 'open' || !round.outcome
      ? w.deadlinePassed(formatDateTime(stageDeadline(round), lang))
      : w.closed(formatDateTime(round.closedAt ?? round.deadline, lang), outcomeSentence[lang][round.outcome]);
  return linkPage(
    lang,
    w.closedTitle,
    <>
      <h1>{w.closedTitle}</h1>
      <h2>{round.title}</h2>
      <p class="notice">{status}</p>
      {vote ? <p>{w.yourVote(choiceLabel[lang][vote.choice])}</p> : null}
      <p>
        {w.tally}: {tallyLine(tally, lang)}
      </p>
    </>,
  );
}

export function expiredPage(round: Round, person: Person, action: string, sent: boolean): string {
  const lang = person.lang;
  const w = pageWords[lang];
  return linkPage(
    lang,
    w.expiredTitle,
    <>
      <h1>{w.expiredTitle}</h1>
      <h2>{round.title}</h2>
      {sent ? (
        <p class="notice">{w.newLinkSent}</p>
      ) : (
        <>
          <p>{w.expired}</p>
          <form method="post" action={action}>
            <button type="submit">{w.newLink}</button>
          </form>
        </>
      )}
    </>,
  );
}
