/**
 * The pages behind an action item's link: the owner's answer, the project leader's decision on a
 * later date, and the short notice after either. Plain forms, no scripts, in the person's language.
 */
import { lateSince, type ActionItem } from './follow-up';
import { followUpWords } from './texts';
import { Hidden } from '../../engine/ui/form';
import { linkPage } from '../../engine/page-layout';
import { formatDateTime, type Lang } from '../../platform/time';

type Words = (typeof followUpWords)[Lang];
/** Field name → a message key of the texts (or, for a key the texts lack, the message itself). */
type Errors = Record<string, string> | undefined;

/** What is pending about the date: the later date asked for, and lateness counted from the agreed date. */
function DateState(p: { item: ActionItem; lang: Lang; now: Date; forOwner: boolean }) {
  const m = followUpWords[p.lang];
  const late = lateSince(p.item, p.now);
  const r = p.item.requestedDue;
  const asked = p.forOwner && p.item.status === 'awaiting-approval' && r;
  return (
    <>
      {asked ? <p class="notice">{m.asked(formatDateTime(asked.due, p.lang), asked.reason)}</p> : null}
      {late ? <p class="error">{m.lateSince(formatDateTime(late, p.lang))}</p> : null}
    </>
  );
}

/** A field's error, just above the field, so the owner sees what to put right where it is. */
function Problem(p: { m: Words; errors: Errors; field: string }) {
  const key = p.errors?.[p.field];
  return key ? <p class="error">{p.m.errors[key] ?? key}</p> : null;
}

/** One of the four answers; the first is required, so the browser asks for a choice before sending. */
const Answer = (p: { value: string; label: string; required?: boolean }) => (
  <label>
    <input type="radio" name="answer" value={p.value} required={p.required} /> {p.label}
  </label>
);

/** The text that goes with an answer: the result, the reason for more time, or what is needed. */
function Explain(p: { m: Words; errors: Errors; id: 'result' | 'reason' | 'needs'; label: string }) {
  return (
    <>
      <label for={p.id}>{p.label}</label>
      <Problem m={p.m} errors={p.errors} field={p.id} />
      <textarea id={p.id} name={p.id} rows={2} maxlength={500}></textarea>
    </>
  );
}

function AnswerForm(p: { m: Words; action: string; proof: string; errors: Errors }) {
  const { m, errors } = p;
  return (
    <form method="post" action={p.action}>
      <Hidden name="proof" value={p.proof} />
      <Problem m={m} errors={errors} field="proof" />
      <fieldset>
        <legend>{m.choose}</legend>
        <Problem m={m} errors={errors} field="answer" />
        <Answer value="done" label={m.done} required />
        <Explain m={m} errors={errors} id="result" label={m.result} />
        <Answer value="more-time" label={m.moreTime} />
        <label for="due">{m.newDate}</label>
        <Problem m={m} errors={errors} field="due" />
        <input type="date" id="due" name="due" />
        <Explain m={m} errors={errors} id="reason" label={m.reason} />
        <Answer value="not-mine" label={m.notMine} />
        <Answer value="blocked" label={m.blocked} />
        <Explain m={m} errors={errors} id="needs" label={m.needs} />
      </fieldset>
      <button type="submit">{m.send}</button>
    </form>
  );
}

export function ownerPage(
  item: ActionItem,
  lang: Lang,
  action: string,
  proof: string,
  now: Date,
  errors?: Record<string, string>,
): string {
  const m = followUpWords[lang];
  return linkPage(
    lang,
    m.pageTitle,
    <>
      <h1>{item.what}</h1>
      {item.details?.split('\n').map((l) => (l.trim() ? <p>{l}</p> : null))}
      <p>
        <strong>{m.due}:</strong> {formatDateTime(item.due, lang)}
      </p>
      <DateState item={item} lang={lang} now={now} forOwner />
      <AnswerForm m={m} action={action} proof={proof} errors={errors} />
    </>,
  );
}

export function approvalPage(item: ActionItem, lang: Lang, action: string, proof: string, now: Date): string {
  const m = followUpWords[lang];
  const requested = item.requestedDue!;
  return linkPage(
    lang,
    m.approvalTitle,
    <>
      <h1>{m.approvalTitle}</h1>
      <p>{item.what}</p>
      <p>{m.approval(formatDateTime(requested.due, lang), requested.reason)}</p>
      <p>{m.originalDue(formatDateTime(item.due, lang))}</p>
      <DateState item={item} lang={lang} now={now} forOwner={false} />
      <form method="post" action={action}>
        <Hidden name="proof" value={proof} />
        {/* A space between the buttons: the shared link-page style gives them no margin. */}
        <button type="submit" name="decision" value="approve">
          {m.approve}
        </button>{' '}
        <button type="submit" name="decision" value="reject">
          {m.reject}
        </button>
      </form>
    </>,
  );
}

export function followUpMessagePage(lang: Lang, text: string): string {
  return linkPage(lang, followUpWords[lang].pageTitle, <p class="notice">{text}</p>);
}
