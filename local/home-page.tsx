/** The local start page: where everything is, and the demo's next steps. */
import { renderDocument, trusted } from '../functions/platform/jsx';
import { formatDateTime } from '../functions/platform/time';
import type { LocalRuntime } from './runtime';

const STYLE = [
  'body{font-family:Arial,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.5}',
  'code,pre{background:#f3f3f3;padding:.1rem .3rem}pre{padding:.75rem;overflow:auto}',
  'button{font-size:1rem;padding:.5rem 1rem}',
].join('');

/** A button that posts to one of local mode's demo actions (runtime.ts serves /local/demo/…). */
function DemoButton(p: { action: string; label: string; inline?: boolean }) {
  return (
    <form method="post" action={`/local/demo/${p.action}`} style={p.inline ? 'display:inline' : undefined}>
      <button type="submit">{p.label}</button>
    </form>
  );
}

function Clock(p: { now: string }) {
  return (
    <p>
      De klok staat op <strong>{formatDateTime(p.now, 'nl')}</strong> ({p.now}).
    </p>
  );
}

function Console(p: { token: string }) {
  return (
    <>
      <h2>Het programmabureau</h2>
      <p>
        Open de <a href="/console">console</a> en log in met de toegangscode <code>{p.token}</code>. Daar maakt u
        rondes, volgt u ze live en beheert u personen en groepen.
      </p>
    </>
  );
}

function DemoSteps(p: { mailbox: string }) {
  return (
    <>
      <h2>1. Bekijk de post</h2>
      <p>
        Alle verstuurde e-mail staat in de <a href={p.mailbox}>mailbox</a>. Open een uitnodiging en volg de link om te
        besluiten.
      </p>
      <h2>2. Leg de SPUK-aanvraag voor aan het alliantiebestuur</h2>
      <DemoButton action="spuk" label="Start de goedkeuringsronde voor de SPUK-aanvraag" />
      <h2>3. Laat de tijd verstrijken</h2>
      <DemoButton action="advance-1d" label="1 dag verder" inline />
      <DemoButton action="advance-7d" label="7 dagen verder" inline />
      <p>Herinneringen en deadlines gaan af zodra hun tijd komt.</p>
      <h2>4. Volg de vaste stappen van het programma</h2>
      <p>
        De volgende SPUK-aanvraag loopt al: de start en de input van bewoners zijn gedaan, de partners zijn gevraagd om
        hun bijdrage. Ook drie actielijnen vragen elk kwartaal hun voortgang. Bewoners zien dit op de openbare pagina{' '}
        <a href="/cycli">Wat doen we wanneer?</a>, het programmabureau via <code>/api/cycles</code>.
      </p>
      <h2>5. Laat bewoners meepraten</h2>
      <p>
        Bewoners van Nieuw-West kunnen reageren op een vraag over een nieuw plein, zonder account:{' '}
        <a href="/inspraak">Inspraak</a>. Het programmabureau leest de reacties en schrijft de samenvatting in de{' '}
        <a href="/console/consultations">console</a>.
      </p>
    </>
  );
}

function Api(p: { rt: LocalRuntime }) {
  const { officeToken, urls } = p.rt;
  // Lines of a shell session: a <pre> keeps the line breaks that JSX would fold into spaces.
  const examples = [
    `curl -H "Authorization: Bearer ${officeToken}" ${urls.app}/api/rounds`,
    `curl ${urls.app}/local/clock`,
    `curl -X POST -d '{"advanceBy":"P7D"}' ${urls.app}/local/clock`,
  ];
  return (
    <>
      <h2>API</h2>
      <p>
        Token van het programmabureau: <code>{officeToken}</code>
      </p>
      <pre>{examples.join('\n')}</pre>
      <p>
        Step Functions: <code>{urls.sfn}</code> · DynamoDB: <code>{urls.dynamodb}</code> · SES (alle e-mail als JSON):{' '}
        <code>{urls.mailbox}/store</code>
      </p>
    </>
  );
}

export function homePage(rt: LocalRuntime, message?: string): string {
  return renderDocument(
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>Alliantiecyclus (lokaal)</title>
        <style>{trusted(STYLE)}</style>
      </head>
      <body>
        <main>
          <h1>Alliantiecyclus — lokaal</h1>
          {message ? (
            <p role="status">
              <strong>{message}</strong>
            </p>
          ) : null}
          <Clock now={rt.clock.now().toISOString()} />
          <Console token={rt.officeToken} />
          <DemoSteps mailbox={rt.urls.mailboxPage} />
          <Api rt={rt} />
        </main>
      </body>
    </html>,
  );
}
