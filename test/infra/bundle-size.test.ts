/**
 * Bundle sizes, measured with the CDK's own esbuild options (infra/bundling.ts: minified, ESM entry
 * points first, the SDK left to the Lambda runtime). A dependency that drags in a second copy of the
 * SDK's HTTP stack (as importing NodeHttpHandler did: +120 KB per bundle), a development-only package
 * (luxon, now the tests' reference for dates) or a forgotten barrel import fails here, not on a cold
 * start in production. Every function stays within issue #12's 250 KB; the tighter budgets are the
 * sizes after luxon gave way to date-fns (docs/dependencies.md) plus about 8 KB of slack.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_KB, esbuildOptions } from '../../infra/bundling';
import { functions } from '../../infra/wiring';

const BUDGET_KB: Record<string, number> = {
  default: 150,
  // The console renders every page of the office, with the other flows' use cases behind them; an
  // input round of people (its page, the office's written input, both words) added 11 KB to 225.
  console: 237,
  // The console's cycle pages carry the cycle flow's use cases and its four templates with their check
  // (about 37 KB), which took the console past issue #12's 250 KB: they are a function of their own.
  cycleConsole: 186,
  // The overview reads every flow, the cycle flow's use cases too, so it is a function of its own.
  overviewConsole: 145,
  // The calendar reads every flow's dated things (with the meeting series' rules: rrule, 44 KB); its
  // feed also writes iCalendar (ical-generator, 36 KB). Each is a function of its own (148 and 151 KB).
  calendarConsole: 156,
  calendarFeed: 159,
  // The console's meeting pages carry the recurrence rules (rrule, 44 KB) and the picker's words in two
  // languages; moving and cancelling one meeting adds the calendar mail (ical-generator, 36 KB), so
  // that is a function of its own again (meeting-changes.handler.ts).
  meetingConsole: 220,
  meetingChangeConsole: 243,
  // The meetings API carries the recurrence rules (rrule, 44 KB), idempotency (42 KB) and the
  // calendar mail for moves and cancellations (ical-generator, 36 KB).
  meetingsApi: BUNDLE_BUDGET_KB,
  // The cycles API carries idempotency (38 KB) and the four templates with their check (JSON, zod);
  // paging its list (cursors, the page reader: 5 KB) took it to 166.
  cyclesApi: 170,
  // The consultations API carries idempotency (about 40 KB) and the mail ledger for the summary's mailing.
  consultationsApi: 162,
  meetingPlanner: 190,
  // Public events: the API carries idempotency (38 KB) and the calendar file of a cancellation
  // (ical-generator, 36 KB); the public pages the calendar file, the feed and the form's check (zod).
  eventsApi: 201,
  eventsPublic: 179,
  meetingSteps: 162,
};

const devOnly = Object.keys(
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, object>)
    .devDependencies,
);

describe('function bundles', () => {
  it('stay within their budgets and carry no SDK or development-only code of their own', async () => {
    for (const [name, spec] of Object.entries(functions)) {
      const out = await build({ ...esbuildOptions(spec.entry), write: false, metafile: true, logLevel: 'silent' });
      const kb = out.outputFiles[0].contents.length / 1024;
      const budget = Math.min(BUDGET_KB[name] ?? BUDGET_KB.default, BUNDLE_BUDGET_KB);
      expect(kb, `${name} is ${kb.toFixed(0)} KB`).toBeLessThanOrEqual(budget);
      const inputs = Object.keys(out.metafile.inputs);
      expect(
        inputs.filter((i) => i.includes('node_modules/@smithy/')),
        name,
      ).toEqual([]);
      const packages = new Set(inputs.flatMap((i) => i.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? []));
      expect(
        devOnly.filter((p) => packages.has(p)),
        name,
      ).toEqual([]);
    }
  }, 120_000);
});
