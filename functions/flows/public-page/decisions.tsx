/**
 * A body's closed rounds as the public may see them: what was asked, what came of it, when, under
 * which rule, and the count. No names, comments or reasons: only numbers. A stopped round shows
 * that it was stopped (the question was public to the members), without the office's reason.
 */
import { publicWords as words } from './texts';
import { DEFAULT_QUORUM, outcomeSentence, type Round, type Rule, tallyLine } from '../approval-round';
import { formatDateTime, type Lang } from '../../platform/time';

function publicRule(rule: Rule, lang: Lang): string {
  const rules = words[lang].rules;
  const q = (share: number | undefined) => (share === undefined ? undefined : Math.round(share * 100));
  if (rule.type === 'consent') return rules.consent(q(rule.quorum));
  if (rule.type === 'majority' || rule.type === 'consensus-then-majority') {
    return rules[rule.type](q(rule.quorum ?? DEFAULT_QUORUM)!);
  }
  return rules[rule.type]();
}

/** What came of a round that reached its end: the outcome, the rule it was decided by, the count per stage. */
function Outcome(p: { round: Round; lang: Lang }) {
  const { round: r, lang } = p;
  const w = words[lang];
  // Two stages (consent, then a vote) each have their own count.
  const stageName = (i: number) => (r.stages.length > 1 ? `${i === 0 ? w.firstStage : w.vote}: ` : '');
  return (
    <>
      <p>
        <strong>{outcomeSentence[lang][r.outcome!]}</strong> {w.decidedOn(formatDateTime(r.closedAt!, lang))}
      </p>
      <p>
        {w.rule}: {publicRule(r.rule, lang)}.
      </p>
      <p>{w.count}:</p>
      <ul>
        {r.stages.map((s, i) => (
          <li>
            {stageName(i)}
            {tallyLine(s.tally, lang)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function Decisions(p: { bodyId: string; rounds: Round[]; lang: Lang }) {
  const w = words[p.lang];
  const closed = p.rounds
    .filter((r) => r.bodyId === p.bodyId && r.status === 'closed' && r.outcome && r.closedAt)
    .sort((a, b) => b.closedAt!.localeCompare(a.closedAt!));
  if (closed.length === 0) return null;
  return (
    <>
      <h2>{w.decisions}</h2>
      {closed.map((r) => (
        <section>
          <h3>{r.title}</h3>
          <p>{r.summary}</p>
          {r.outcome === 'cancelled' ? (
            <p>{w.stoppedOn(formatDateTime(r.closedAt!, p.lang))}</p>
          ) : (
            <Outcome round={r} lang={p.lang} />
          )}
        </section>
      ))}
    </>
  );
}
