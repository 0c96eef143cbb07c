/**
 * `npm run bench`: speed figures, each printed next to its floor measured in the same run.
 * Not a test: it is not part of the build, and the targets are printed beside the figures; a part
 * that did not do what its row says (items sent, minutes adopted) stops the run with an error.
 */
import { BUNDLE_BUDGET_KB } from '../infra/bundling';
import { Harness } from '../test/support/local';
import { bundles } from './bundles';
import { costRow, metered } from './cost';
import { rows } from './common';
import { decisionLatency } from './latency';
import { meetingYear } from './meetings';
import { dueReminders } from './reminders';
import { wholeRound } from './round';
import { pagingAtScale } from './paging';
import { flowsAtScale } from './scale';

// `npm run bench -- round` runs only the parts named (latency, round, meetings, scale, reminders, journal,
// paging, bundles); none: all. `npm run bench -- bundles` alone starts no local runtime.
const only = process.argv.slice(2);
const wanted = (part: string) => only.length === 0 || only.includes(part);
if (['latency', 'round', 'meetings', 'scale', 'reminders', 'journal', 'paging'].some(wanted)) {
  const h = await Harness.start({ logLevel: 'ERROR' });
  try {
    if (wanted('latency')) await decisionLatency(h);
    if (wanted('round')) rows.push(costRow(await metered(h, () => wholeRound(h))));
    if (wanted('meetings')) await meetingYear(h);
    if (wanted('scale')) await flowsAtScale(h);
    if (wanted('reminders')) await dueReminders(h);
    if (wanted('paging')) await pagingAtScale(h);
    if (wanted('journal')) await (await import('./journal')).journalRestart();
  } finally {
    await h.stop();
  }
}
const overBudget = wanted('bundles') ? await bundles() : [];

// One markdown table, ready to paste into docs/benchmark.md: row, target, measured, floor, pass/fail.
const cell = (c: string | undefined) => (c ?? '').replaceAll('|', '\\|');
const load = (await import('node:os')).loadavg()[0].toFixed(1);
console.log(
  `${new Date().toISOString().slice(0, 16)} UTC, ${(await import('node:os')).cpus().length} cores, load ${load}\n`,
);
console.log('| row | target | measured | floor | pass/fail |');
console.log('|---|---|---|---|---|');
for (const [measure, figure, floor, target, verdict] of rows)
  console.log(`| ${[measure, target, figure, floor, verdict].map(cell).join(' | ')} |`);
// Issue #12's size budget is a hard limit: the run fails (after its table) when any bundle is over it.
if (overBudget.length > 0) {
  console.error(`\nFAILED: bundles over the ${BUNDLE_BUDGET_KB} KB budget: ${overBudget.join(', ')}`);
  process.exit(1);
}
process.exit(0);
