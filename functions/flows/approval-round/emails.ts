/** The emails of an approval round, as plain text and HTML in the recipient's language. */
import { DateTime } from 'luxon';
import { html, raw, type RawHtml } from '../../platform/html';
import { systemSign, type FlowRecipient } from '../../engine/flow-email';
import { carriedObjections, currentTally, stageDeadline, type Round, type Vote } from './round';
import { choiceLabel, outcomeSentence, ruleSentence, t, tallyLine } from './texts';
import type { Choice, Outcome, Tally } from './rules';
import { formatDateTime, type Lang } from '../../platform/time';
import type { EmailContent, Recipient } from '../../engine/email';

function layout(body: RawHtml): string {
  return html`<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px">${body}</body></html>`
    .value;
}

function documentsText(round: Round, lang: Lang): string {
  if (round.documents.length === 0) return '';
  return `\n${t[lang].documentsHeading}:\n${round.documents.map((d) => `- ${d.title}: ${d.url}`).join('\n')}\n`;
}

function documentsHtml(round: Round, lang: Lang): RawHtml | string {
  if (round.documents.length === 0) return '';
  return html`<h2 style="font-size:18px">${t[lang].documentsHeading}</h2><ul>${round.documents.map((d) => html`<li><a href="${d.url}">${d.title}</a></li>`)}</ul>`;
}

function objectionsBlock(round: Round, lang: Lang): { text: string; html: RawHtml | string } {
  const objections = carriedObjections(round);
  if (round.stage !== 'majority' || objections.length === 0) return { text: '', html: '' };
  return {
    text: `\n${t[lang].objectionsHeading}:\n${objections.map((o) => `- ${o.reason}`).join('\n')}\n`,
    html: html`<h2 style="font-size:18px">${t[lang].objectionsHeading}</h2><ul>${objections.map((o) => html`<li>${o.reason}</li>`)}</ul>`,
  };
}

/** Why a later stage started: an objection that remained, or too little agreement (no consensus). */
function laterStage(round: Round): 'objection' | 'no-consensus' | null {
  if (round.stage !== 'majority' || round.stages.length === 0) return null;
  return carriedObjections(round).length > 0 ? 'objection' : 'no-consensus';
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
  kind: 'invite' | 'reminder',
  now: Date,
  vote?: Vote,
): EmailContent {
  const m = t[to.lang];
  const later = laterStage(round);
  const subject =
    kind === 'reminder'
      ? m.reminderSubject(round.title)
      : later === 'objection'
        ? m.majorityStageSubject(round.title)
        : later === 'no-consensus'
          ? m.noConsensusSubject(round.title)
          : m.inviteSubject(round.title);
  const closesIn =
    DateTime.fromISO(stageDeadline(round)).toRelative({ base: DateTime.fromJSDate(now), locale: to.lang }) ?? '';
  const intro =
    kind === 'reminder'
      ? `${m.reminderIntro} ${m.closesIn(closesIn)}`
      : later === 'objection'
        ? m.majorityStageIntro
        : later === 'no-consensus'
          ? m.noConsensusIntro
          : m.inviteIntro;
  const when = formatDateTime(stageDeadline(round), to.lang);
  // What the majority stage counts for this member until they change it. A member whose vote
  // already counts is not asked to decide: one sentence says until when they can change it.
  const carried = Boolean(later && kind === 'invite' && vote?.carried);
  const deadline = carried ? m.countedChange(when) : m.deadlineLine(when);
  const counted =
    !later || kind !== 'invite'
      ? []
      : vote?.carried
        ? [m.counted(choiceLabel[to.lang][vote.choice])]
        : vote
          ? []
          : [m.notCounted];
  const linkLine = carried ? m.countedLinkLine : m.linkLine;
  const rule = `${m.ruleHeading}: ${ruleSentence(round.rule, round.stage, to.lang)}`;
  const objections = objectionsBlock(round, to.lang);
  const text = [
    m.greeting(to.name),
    '',
    intro,
    '',
    round.title,
    round.summary,
    objections.text,
    ...counted,
    deadline,
    '',
    rule,
    documentsText(round, to.lang),
    linkLine,
    link,
    '',
    m.personalLink,
    '',
    m.signature,
  ].join('\n');
  const body = html`<p>${m.greeting(to.name)}</p><p>${intro}</p>
<h1 style="font-size:20px">${round.title}</h1><p>${round.summary}</p>${objections.html}
${counted.map((l) => html`<p>${l}</p>`)}
<p><strong>${deadline}</strong></p><p>${rule}</p>${documentsHtml(round, to.lang)}
<p>${linkLine}</p><p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#00549f;color:#fff;text-decoration:none;border-radius:4px">${m.linkButton}</a></p>
<p style="font-size:14px;color:#555">${m.personalLink}</p><p>${raw(m.signature.replace('\n', '<br>'))}</p>`;
  return { subject, text, html: layout(body) };
}

export function receiptEmail(round: Round, to: Recipient, choice: Choice, at: string): EmailContent {
  const m = t[to.lang];
  const intro = m.receiptIntro(choiceLabel[to.lang][choice], formatDateTime(at, to.lang));
  const text = [
    m.greeting(to.name),
    '',
    round.title,
    '',
    intro,
    m.receiptChange,
    '',
    m.receiptNotYou,
    '',
    m.signature,
  ].join('\n');
  const body = html`<p>${m.greeting(to.name)}</p><h1 style="font-size:20px">${round.title}</h1><p>${intro}</p><p>${m.receiptChange}</p><p><strong>${m.receiptNotYou}</strong></p><p>${raw(m.signature.replace('\n', '<br>'))}</p>`;
  return { subject: m.receiptSubject(round.title), text, html: layout(body) };
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
  const greeting = to.office ? '' : html`<p>${m.greeting(to.name)}</p>`;
  const body = html`${greeting}<h1 style="font-size:20px">${round.title}</h1><p><strong>${intro}</strong></p>
<h2 style="font-size:18px">${m.tallyHeading}</h2><p>${tallyLine(tally, to.lang)}</p>\
<p>${raw(signature.replace('\n', '<br>'))}</p>`;
  return { subject: m.outcomeSubject(round.title, outcome), text, html: layout(body) };
}
