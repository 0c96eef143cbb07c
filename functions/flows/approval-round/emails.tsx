/** The emails of an approval round, as plain text and HTML in the recipient's language. */
import type { EmailContent, Recipient } from '../../engine/email';
import { type FlowRecipient, systemSign } from '../../engine/flow-email';
import { EmailButton, Lines, renderEmail } from '../../engine/ui/email';
import { formatDateTime, type Lang, relativeTime } from '../../platform/time';
import { carriedObjections, currentTally, type Round, stageDeadline, type Vote } from './round';
import type { Choice, Outcome, Tally } from './rules';
import { choiceLabel, outcomeSentence, ruleSentence, t, tallyLine } from './texts';

const H1 = 'font-size:20px';
const H2 = 'font-size:18px';

/** A heading with a list, in text: an empty string when there is nothing to list. */
function listText(heading: string, items: string[]): string {
  return items.length === 0 ? '' : `\n${heading}:\n${items.map((i) => `- ${i}`).join('\n')}\n`;
}

function Documents(p: { round: Round; lang: Lang }) {
  if (p.round.documents.length === 0) return null;
  return (
    <>
      <h2 style={H2}>{t[p.lang].documentsHeading}</h2>
      <ul>
        {p.round.documents.map((d) => (
          <li>
            <a href={d.url}>{d.title}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The objections that led to the majority stage, which every member reads before voting. */
function shownObjections(round: Round): string[] {
  return round.stage === 'majority' ? carriedObjections(round).map((o) => o.reason) : [];
}

function Objections(p: { reasons: string[]; lang: Lang }) {
  if (p.reasons.length === 0) return null;
  return (
    <>
      <h2 style={H2}>{t[p.lang].objectionsHeading}</h2>
      <ul>
        {p.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
    </>
  );
}

/** Why a later stage started: an objection that remained, or too little agreement (no consensus). */
function laterStage(round: Round): 'objection' | 'no-consensus' | null {
  if (round.stage !== 'majority' || round.stages.length === 0) return null;
  return carriedObjections(round).length > 0 ? 'objection' : 'no-consensus';
}

type Kind = 'invite' | 'reminder';

function subjectAndIntro(round: Round, lang: Lang, kind: Kind, now: Date): { subject: string; intro: string } {
  const m = t[lang];
  const later = laterStage(round);
  if (kind === 'reminder') {
    const closesIn = relativeTime(stageDeadline(round), now, lang);
    return { subject: m.reminderSubject(round.title), intro: `${m.reminderIntro} ${m.closesIn(closesIn)}` };
  }
  if (later === 'objection') return { subject: m.majorityStageSubject(round.title), intro: m.majorityStageIntro };
  if (later === 'no-consensus') return { subject: m.noConsensusSubject(round.title), intro: m.noConsensusIntro };
  return { subject: m.inviteSubject(round.title), intro: m.inviteIntro };
}

/**
 * What the majority stage counts for this member until they change it. A member whose vote
 * already counts is not asked to decide: one sentence says until when they can change it.
 */
function countedLines(round: Round, lang: Lang, kind: Kind, vote?: Vote) {
  const m = t[lang];
  const later = laterStage(round);
  const when = formatDateTime(stageDeadline(round), lang);
  const carried = Boolean(later && kind === 'invite' && vote?.carried);
  const counted =
    !later || kind !== 'invite'
      ? []
      : vote?.carried
        ? [m.counted(choiceLabel[lang][vote.choice])]
        : vote
          ? []
          : [m.notCounted];
  return {
    counted,
    deadline: carried ? m.countedChange(when) : m.deadlineLine(when),
    linkLine: carried ? m.countedLinkLine : m.linkLine,
  };
}

/**
 * Invitation (also used for the majority stage and for a fresh link). One link, to the decision
 * page. In the majority stage, `vote` is the member's answer carried over from the consent stage:
 * the email says what is counted for them and how to change it.
 */
export function invitationEmail(
  round: Round,
  to: Recipient,
  link: string,
  kind: Kind,
  now: Date,
  vote?: Vote,
): EmailContent {
  const m = t[to.lang];
  const { subject, intro } = subjectAndIntro(round, to.lang, kind, now);
  const { counted, deadline, linkLine } = countedLines(round, to.lang, kind, vote);
  const rule = `${m.ruleHeading}: ${ruleSentence(round.rule, round.stage, to.lang)}`;
  const objections = shownObjections(round);
  const documents = round.documents.map((d) => `${d.title}: ${d.url}`);
  const text = [
    ...[m.greeting(to.name), '', intro, '', round.title, round.summary],
    listText(m.objectionsHeading, objections),
    ...[...counted, deadline, '', rule],
    listText(m.documentsHeading, documents),
    ...[linkLine, link, '', m.personalLink, '', m.signature],
  ].join('\n');
  const html = renderEmail(
    <>
      <p>{m.greeting(to.name)}</p>
      <p>{intro}</p>
      <h1 style={H1}>{round.title}</h1>
      <p>{round.summary}</p>
      <Objections reasons={objections} lang={to.lang} />
      {counted.map((l) => (
        <p>{l}</p>
      ))}
      <p>
        <strong>{deadline}</strong>
      </p>
      <p>{rule}</p>
      <Documents round={round} lang={to.lang} />
      <p>{linkLine}</p>
      <p>
        <EmailButton href={link} label={m.linkButton} />
      </p>
      <p style="font-size:14px;color:#555">{m.personalLink}</p>
      <p>
        <Lines text={m.signature} />
      </p>
    </>,
  );
  return { subject, text, html };
}

export function receiptEmail(round: Round, to: Recipient, choice: Choice, at: string): EmailContent {
  const m = t[to.lang];
  const intro = m.receiptIntro(choiceLabel[to.lang][choice], formatDateTime(at, to.lang));
  const text = [m.greeting(to.name), '', round.title, '', intro, m.receiptChange, '', m.receiptNotYou, '', m.signature];
  const html = renderEmail(
    <>
      <p>{m.greeting(to.name)}</p>
      <h1 style={H1}>{round.title}</h1>
      <p>{intro}</p>
      <p>{m.receiptChange}</p>
      <p>
        <strong>{m.receiptNotYou}</strong>
      </p>
      <p>
        <Lines text={m.signature} />
      </p>
    </>,
  );
  return { subject: m.receiptSubject(round.title), text: text.join('\n'), html };
}

export function outcomeEmail(round: Round, to: FlowRecipient): EmailContent {
  const m = t[to.lang];
  // The office's own copy: no greeting, and signed by the system rather than by the office itself.
  const hello = to.office ? [] : [m.greeting(to.name), ''];
  const signature = to.office ? systemSign[to.lang] : m.signature;
  const outcome = round.outcome as Outcome;
  const tally: Tally = round.stages.at(-1)?.tally ?? currentTally(round);
  const intro =
    outcome === 'cancelled'
      ? m.cancelledIntro(round.cancelReason ?? '')
      : m.outcomeIntro(outcomeSentence[to.lang][outcome]);
  const stages = round.stages.map((s) => `- ${formatDateTime(s.endedAt, to.lang)}: ${tallyLine(s.tally, to.lang)}`);
  const text = [...hello, round.title, '', intro, '', `${m.tallyHeading}:`, ...stages, '', signature].join('\n');
  const html = renderEmail(
    <>
      {to.office ? null : <p>{m.greeting(to.name)}</p>}
      <h1 style={H1}>{round.title}</h1>
      <p>
        <strong>{intro}</strong>
      </p>
      <h2 style={H2}>{m.tallyHeading}</h2>
      <p>{tallyLine(tally, to.lang)}</p>
      <p>
        <Lines text={signature} />
      </p>
    </>,
  );
  return { subject: m.outcomeSubject(round.title, outcome), text, html };
}
