/** The local start page: where everything is, and the demo's next steps. */
import { html } from '../functions/platform/html';
import { formatDateTime } from '../functions/platform/time';
import type { LocalRuntime } from './runtime';

export function homePage(rt: LocalRuntime, message?: string): string {
  const now = rt.clock.now().toISOString();
  return html`<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Alliantiecyclus (lokaal)</title>
<style>body{font-family:Arial,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.5}code,pre{background:#f3f3f3;padding:.1rem .3rem}pre{padding:.75rem;overflow:auto}button{font-size:1rem;padding:.5rem 1rem}</style></head>
<body><main><h1>Alliantiecyclus — lokaal</h1>
${message ? html`<p role="status"><strong>${message}</strong></p>` : ''}
<p>De klok staat op <strong>${formatDateTime(now, 'nl')}</strong> (${now}).</p>
<h2>Het programmabureau</h2><p>Open de <a href="/console">console</a> en log in met de toegangscode <code>${rt.officeToken}</code>. Daar maakt u rondes, volgt u ze live en beheert u personen en groepen.</p>
<h2>1. Bekijk de post</h2><p>Alle verstuurde e-mail staat in de <a href="${rt.urls.mailbox}">mailbox</a>. Open een uitnodiging en volg de link om te besluiten.</p>
<h2>2. Leg de SPUK-aanvraag voor aan het alliantiebestuur</h2>
<form method="post" action="/local/demo/spuk"><button type="submit">Start de goedkeuringsronde voor de SPUK-aanvraag</button></form>
<h2>3. Laat de tijd verstrijken</h2>
<form method="post" action="/local/demo/advance-1d" style="display:inline"><button type="submit">1 dag verder</button></form>
<form method="post" action="/local/demo/advance-7d" style="display:inline"><button type="submit">7 dagen verder</button></form>
<p>Herinneringen en deadlines gaan af zodra hun tijd komt.</p>
<h2>API</h2><p>Token van het programmabureau: <code>${rt.officeToken}</code></p>
<pre>curl -H "Authorization: Bearer ${rt.officeToken}" ${rt.urls.app}/api/rounds
curl ${rt.urls.app}/local/clock
curl -X POST -d '{"advanceBy":"P7D"}' ${rt.urls.app}/local/clock</pre>
<p>Step Functions: <code>${rt.urls.sfn}</code> · DynamoDB: <code>${rt.urls.dynamodb}</code></p>
</main></body></html>`.value;
}
