/**
 * `npm run bench`: speed figures, each printed next to its floor measured in the same run.
 * Not a test: it is not part of the build, and the targets are printed beside the figures; a part
 * that did not do what its row says (items sent, minutes adopted) stops the run with an error.
 */
import { Harness } from '../test/support/local';
import { bundles } from './bundles';
import { rows } from './common';
import { decisionLatency } from './latency';
import { meetingYear } from './meetings';
import { wholeRound } from './round';
import { flowsAtScale } from './scale';

const h = await Harness.start({ logLevel: 'ERROR' });
try {
  // `npm run bench -- round` runs only the parts named (latency, round, meetings, scale, journal, bundles); none: all.
  const only = process.argv.slice(2);
  const wanted = (part: string) => only.length === 0 || only.includes(part);
  if (wanted('latency')) await decisionLatency(h);
  if (wanted('round')) await wholeRound(h);
  if (wanted('meetings')) await meetingYear(h);
  if (wanted('scale')) await flowsAtScale(h);
  if (wanted('journal')) await (await import('./journal')).journalRestart();
} finally {
  await h.stop();
}
if (process.argv.length <= 2 || process.argv.includes('bundles')) await bundles();

const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...[['measure', 'figure', 'floor', 'target'], ...rows].map((r) => r[i].length)),
);
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log(line(['measure', 'figure', 'floor', 'target']));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
process.exit(0);
