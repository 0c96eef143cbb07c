/**
 * The public accountability page (GET /verantwoording): the answer to "what happened with it" —
 * the board's decisions, the agreements done and late, the plans' state, past events with what was
 * done with them, coming events, and consultations with their summary and outcome. Built from
 * `Accountability` alone (accountability-data.ts), which holds no personal data. Links are
 * relative (no leading slash), so they hold under a stage's path prefix too.
 */
import type { Accountability } from './accountability-data';
import { accountabilityWords } from './accountability-texts';
import { publicDate } from './cycle-words';
import { publicListPage } from './public-list-page';
import { outcomeSentence } from '../approval-round';
import type { Lang } from '../../platform/time';

const q = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

function Decisions(p: { a: Accountability; lang: Lang }) {
  const w = accountabilityWords[p.lang];
  return (
    <section>
      <h2>{w.decisions}</h2>
      {p.a.decisions.length === 0 ? <p>{w.noDecisions}</p> : null}
      {p.a.decisions.map((d) => (
        <article>
          <h3>{d.title}</h3>
          <p>{d.summary}</p>
          <p>
            <strong>{outcomeSentence[p.lang][d.outcome]}</strong> {w.decidedOn(publicDate(d.at, p.lang))} ({d.body})
          </p>
        </article>
      ))}
    </section>
  );
}

function Actions(p: { a: Accountability; lang: Lang }) {
  const w = accountabilityWords[p.lang];
  const { done, onTime, late, recentDone } = p.a.actions;
  return (
    <section>
      <h2>{w.actions}</h2>
      <p>{w.counts(done, onTime, late)}</p>
      {recentDone.length ? (
        <>
          <h3>{w.recentDone}</h3>
          <ul>
            {recentDone.map((i) => (
              <li>
                <strong>{i.what}</strong> {w.doneOn(publicDate(i.at, p.lang))}
                {i.result ? (
                  <>
                    <br />
                    {w.result}: {i.result}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.a.bodies.length ? (
        <>
          <h3>{w.bodies}</h3>
          <ul>
            {p.a.bodies.map((b) => (
              <li>
                <a href={`p/${encodeURIComponent(b.id)}${q(p.lang)}`}>{b.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Plans(p: { a: Accountability; lang: Lang }) {
  const w = accountabilityWords[p.lang];
  const { cycles: c, actielijnen: l } = p.a;
  return (
    <section>
      <h2>{w.plans}</h2>
      <p>
        {w.cycles(c.running, c.planned, c.done)} <a href={`cycli${q(p.lang)}`}>{w.cyclesLink}</a>
      </p>
      <p>
        {w.actielijnen(l.active, l.ended)} <a href={`actielijnen${q(p.lang)}`}>{w.actielijnenLink}</a>
      </p>
    </section>
  );
}

function Events(p: { a: Accountability; lang: Lang }) {
  const w = accountabilityWords[p.lang];
  const link = (id: string) => `bijeenkomsten/${encodeURIComponent(id)}${q(p.lang)}`;
  return (
    <section>
      <h2>{w.past}</h2>
      {p.a.pastEvents.length === 0 ? <p>{w.noPast}</p> : null}
      {p.a.pastEvents.map((e) => (
        <article>
          <h3>
            <a href={link(e.id)}>{e.title}</a>, {publicDate(e.start, p.lang)}
          </h3>
          <p>
            <strong>{w.did}:</strong> <span class="pre">{e.did?.text ?? w.notYet}</span>
          </p>
        </article>
      ))}
      <h2>{w.coming}</h2>
      {p.a.comingEvents.length === 0 ? <p>{w.noComing}</p> : null}
      <ul>
        {p.a.comingEvents.map((e) => (
          <li>
            <a href={link(e.id)}>{e.title}</a>, {publicDate(e.start, p.lang)}, {e.place}
          </li>
        ))}
      </ul>
      <p>
        <a href={`bijeenkomsten${q(p.lang)}`}>{w.allEvents}</a>
      </p>
    </section>
  );
}

function Consultations(p: { a: Accountability; lang: Lang }) {
  const w = accountabilityWords[p.lang];
  return (
    <section>
      <h2>{w.consultations}</h2>
      {p.a.consultations.length === 0 ? <p>{w.noConsultations}</p> : null}
      {p.a.consultations.map((c) => (
        <article>
          <h3>
            <a href={`inspraak/${encodeURIComponent(c.id)}${q(p.lang)}`}>{c.title}</a>
          </h3>
          <p>{c.question}</p>
          <p>{(c.open ? w.openUntil : w.closedOn)(publicDate(c.deadline, p.lang))}</p>
          {c.open ? null : (
            <p>
              <strong>{w.summary}:</strong> <span class="pre">{c.summary?.text ?? w.noSummary}</span>
            </p>
          )}
          {c.outcome ? (
            <p>
              <strong>{w.outcome}:</strong> <span class="pre">{c.outcome.text}</span>
            </p>
          ) : null}
        </article>
      ))}
      <p>
        <a href={`inspraak${q(p.lang)}`}>{w.allConsultations}</a>
      </p>
    </section>
  );
}

export function accountabilityPage(a: Accountability, lang: Lang): string {
  const w = accountabilityWords[lang];
  return publicListPage(
    {
      lang,
      title: w.title,
      intro: w.intro,
      none: '',
      other: { path: 'verantwoording.atom', label: w.feed },
      style: 'article{margin-top:1rem}.pre{white-space:pre-line}a{color:#00549f}',
    },
    [
      <Decisions a={a} lang={lang} />,
      <Actions a={a} lang={lang} />,
      <Plans a={a} lang={lang} />,
      <Events a={a} lang={lang} />,
      <Consultations a={a} lang={lang} />,
    ],
  );
}
