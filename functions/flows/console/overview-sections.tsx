/** The overview's lists of addresses to fix, flows that stopped and cycle phases back with the office, each with its action. */
import { formatDateTime } from '../../platform/time';
import { outcomeLabel } from '../approval-round';
import type { Bounced, PhaseBack, Stopped } from './overview-office';
import { overviewWords } from './overview-words';
import type { ConsoleContext } from './ui';

export interface OfficeLists {
  bounced?: Bounced[];
  stopped?: Stopped[];
  phases?: PhaseBack[];
}

export const officeListsEmpty = (l: OfficeLists) => !l.bounced?.length && !l.stopped?.length && !l.phases?.length;

export function OfficeSections(p: { ctx: ConsoleContext; lists: OfficeLists }) {
  const { lang } = p.ctx;
  const w = overviewWords[lang];
  const { bounced = [], stopped = [], phases = [] } = p.lists;
  return (
    <>
      {bounced.length ? (
        <>
          <h2>{w.bouncedTitle}</h2>
          <ul>
            {bounced.map((b) => (
              <li>
                {b.name} ({b.email}) — {w.bounced(b.kind)} ({formatDateTime(b.at, lang)}).{' '}
                <a href={`/console/people/${encodeURIComponent(b.personId)}`}>{w.fixAddress}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {stopped.length ? (
        <>
          <h2>{w.stoppedTitle}</h2>
          <ul>
            {stopped.map((s) => (
              <li>
                {w.flowName[s.flow]} “{s.title}” — {w.stoppedLine} ({formatDateTime(s.at, lang)}).
                {s.href ? (
                  <>
                    {' '}
                    <a href={s.href}>{w.look}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {phases.length ? (
        <>
          <h2>{w.phasesTitle}</h2>
          <ul>
            {phases.map((ph) => {
              const outcome = ph.outcome
                ? (outcomeLabel[lang][ph.outcome as keyof (typeof outcomeLabel)['nl']] ?? ph.outcome)
                : '';
              return (
                <li>
                  {ph.cycle}: {ph.title} — {w.why(ph.why, outcome)}. <a href={ph.href}>{w.toPhase}</a>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </>
  );
}
