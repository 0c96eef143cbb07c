/**
 * `npm run bench`: speed figures, each printed next to its floor measured in the same run.
 * Not a test: nothing here fails the build; the targets are printed beside the figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { DateTime } from 'luxon';
import { functions } from '../infra/wiring';
import type { Person } from '../functions/engine/directory';
import { Harness } from '../test/support/local';

const ROOT = resolve(import.meta.dirname, '..');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const rows: [string, string, string, string][] = [];

async function addPeople(n: number, prefix: string): Promise<Person[]> {
  const { DynamoDirectory } = await import('../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  const people: Person[] = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    name: `Lid ${i}`,
    email: `${prefix}.${i}@example.org`,
    lang: 'nl',
    kind: 'resident',
    active: true,
  }));
  for (const p of people) await directory.put('person', p);
  return people;
}

async function decisionLatency(h: Harness) {
  const n = 150;
  const people = await addPeople(n, 'bench-latency');
  const res = await h.api('POST', '/api/rounds', {
    title: 'Latency',
    summary: 'x',
    approverIds: people.map((p) => p.id),
    rule: { type: 'unanimous' },
    deadline: new Date(h.rt.clock.now().getTime() + 30 * 86400_000).toISOString(),
  });
  await h.rt.whenIdle();
  const forms = [];
  for (const p of people) {
    const link = Harness.link((await h.mailTo(p.email, 'Latency'))[0]);
    forms.push({ link, proof: /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1] });
  }
  const post: number[] = [];
  for (const f of forms) {
    const t = performance.now();
    const r = await h.post(f.link, { proof: f.proof, choice: 'approve' });
    post.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`decision failed: ${r.status}`);
  }
  // Floor: one conditional write on the same local DynamoDB, through the same SDK client.
  const { dynamo } = await import('../functions/platform/clients');
  const { PutCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  await dynamo.send(new PutCommand({ TableName: 'alliance-cycle', Item: { pk: 'BENCH', sk: 'FLOOR', version: 0 } }));
  const floor: number[] = [];
  for (let v = 0; v < n; v++) {
    const t = performance.now();
    await dynamo.send(
      new UpdateCommand({
        TableName: 'alliance-cycle',
        Key: { pk: 'BENCH', sk: 'FLOOR' },
        UpdateExpression: 'SET version = :n',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': v, ':n': v + 1 },
      }),
    );
    floor.push(performance.now() - t);
  }
  rows.push([
    'decision POST p50',
    ms(pct(post, 50)),
    ms(pct(floor, 50)),
    `≤ 2× floor: ${(pct(post, 50) / pct(floor, 50)).toFixed(1)}×`,
  ]);
  rows.push(['decision POST p99', ms(pct(post, 99)), ms(pct(floor, 99)), '']);
  void res;
}

async function wholeRound(h: Harness) {
  const people = await addPeople(25, 'bench-round');
  const t = performance.now();
  const created = await h.api('POST', '/api/rounds', {
    title: 'Hele ronde',
    summary: 'x',
    approverIds: people.map((p) => p.id),
    rule: { type: 'majority' },
    deadline: new Date(h.rt.clock.now().getTime() + 10 * 86400_000).toISOString(),
    reminders: ['P3D', 'P1D'],
  });
  await h.rt.whenIdle();
  for (const p of people.slice(0, 5))
    await h.decide(Harness.link((await h.mailTo(p.email, 'Hele ronde'))[0]), 'approve');
  await h.advance('P8D');
  await h.advance('P3D');
  const wall = performance.now() - t;
  const round = await h.round(created.body.id);
  if (round.status !== 'closed') throw new Error('round did not close');
  const mails = (await h.mail()).filter((m) => m.subject.includes('Hele ronde')).length;
  rows.push([
    'whole round: 25 approvers, 2 reminders, deadline',
    ms(wall),
    '',
    `≤ 3000 ms; ${mails} emails; outcome ${round.outcome}`,
  ]);
}

/** 1,000 open action items and an input round to 200 partners, on the moved clock. */
async function flowsAtScale(h: Harness) {
  const { DynamoDirectory } = await import('../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  const partners = 200;
  for (let i = 0; i < partners; i++) {
    await directory.put('person', {
      id: `bench-contact-${i}`,
      name: `Contact ${i}`,
      email: `contact.${i}@example.org`,
      lang: 'nl',
      kind: 'partner-contact',
      active: true,
    });
    await directory.put('org', {
      id: `bench-org-${i}`,
      name: `Partner ${i}`,
      kind: 'foundation',
      contactIds: [`bench-contact-${i}`],
    });
  }
  const start = h.rt.clock.now().getTime();
  const due = new Date(start + 10 * 86400_000).toISOString();
  const t = performance.now();
  for (let i = 0; i < 1000; i++) {
    const res = await h.api('POST', '/api/follow-ups', {
      what: `Afspraak ${i}`,
      due,
      bodyId: 'kerngroep-de-punt',
      ownerOrganisationId: `bench-org-${i % partners}`,
    });
    if (res.status !== 201) throw new Error(`follow-up not created: ${res.status}`);
  }
  await h.api('POST', '/api/input-rounds', {
    title: 'Cijfers',
    request: 'Aantallen 2026',
    organisationIds: Array.from({ length: partners }, (_, i) => `bench-org-${i}`),
    deadline: due,
    reminders: ['P3D', 'P1D'],
    bodyId: 'alliantiebestuur',
  });
  await h.rt.whenIdle();
  const created = performance.now() - t;
  // Day by day from midnight in Amsterdam, so each contact's reminder messages are counted per calendar day.
  await h.to(
    DateTime.fromJSDate(h.rt.clock.now()).setZone('Europe/Amsterdam').plus({ days: 1 }).startOf('day').toJSDate(),
  );
  const REMINDER = /^(Herinnering|Reminder|Is het gelukt|Is it done|Afspraak niet|Agreement not)/;
  const COMBINED = /^(\d+) (dingen wachten|things are waiting)/;
  const seen = new Set<string>();
  let maxPerDay = 0;
  let messages = 0;
  let carried = 0;
  for (let day = 0; day < 12; day++) {
    await h.advance('P1D');
    const perContact = new Map<string, number>();
    for (const m of await h.mail()) {
      const key = `${m.to}|${m.subject}|${m.text}`;
      if (seen.has(key) || !m.to.startsWith('contact.')) continue;
      seen.add(key);
      const combined = COMBINED.exec(m.subject);
      if (!combined && !REMINDER.test(m.subject)) continue;
      messages += 1;
      carried += combined ? Number(combined[1]) : 1;
      perContact.set(m.to, (perContact.get(m.to) ?? 0) + 1);
    }
    maxPerDay = Math.max(maxPerDay, ...perContact.values());
  }
  const wall = performance.now() - t;
  const mails = (await h.mail()).filter((m) => m.to.startsWith('contact.'));
  rows.push([
    '1,000 action items + input round to 200 partners, 12 days',
    `${(wall / 1000).toFixed(1)} s (${(created / 1000).toFixed(1)} s to create)`,
    '',
    `${mails.length} emails to contacts; ${carried} reminders due went out in ${messages} reminder messages; at most ${maxPerDay} reminder message(s) per contact per day (target: 1)`,
  ]);
}

/** A year of monthly kerngroep meetings with ten theme groups, on the moved clock: the whole cycle each month. */
async function meetingYear(h: Harness) {
  const { DynamoDirectory } = await import('../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  const reps = await addPeople(10, 'bench-rep');
  for (const [i, rep] of reps.entries()) {
    await directory.put('body', {
      id: `bench-theme-${i}`,
      name: `Themagroep ${i}`,
      kind: 'theme-group',
      members: [
        { personId: rep.id, role: 'representative', voting: true },
        ...(await addPeople(3, `bench-theme-${i}-member`)).map((p) => ({
          personId: p.id,
          role: 'member' as const,
          voting: true,
        })),
      ],
    });
  }
  const [chair, secretary] = await addPeople(2, 'bench-officer');
  await directory.put('body', {
    id: 'bench-kerngroep',
    name: 'Kerngroep Bench',
    kind: 'core-group',
    members: [
      { personId: chair.id, role: 'chair', voting: false },
      ...reps.map((r, i) => ({
        personId: r.id,
        role: 'representative' as const,
        voting: true,
        representsBodyId: `bench-theme-${i}`,
      })),
    ],
  });
  const startsOn = DateTime.fromJSDate(h.rt.clock.now()).setZone('Europe/Amsterdam').plus({ days: 1 }).toISODate()!;
  const before = (await h.mail()).length;
  const t = performance.now();
  const series = await h.api('POST', '/api/meeting-series', {
    bodyId: 'bench-kerngroep',
    title: 'Kerngroep Bench',
    rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    startsOn,
    startTime: '19:00',
    durationMinutes: 120,
    chairId: chair.id,
    secretaryId: secretary.id,
  });
  if (series.status !== 201) throw new Error(`series not created: ${series.status}`);
  const proof = async (link: string) => /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];
  const link = (text: string) => /https?:\/\/\S+\/m\/[A-Za-z0-9_.-]+/.exec(text)![0];
  const ids: string[] = [];
  for (let month = 0; month < 12; month++) {
    // Each month: two theme groups send an item after the call, the secretary writes the minutes after the meeting.
    const detail = (await h.api('GET', `/api/meeting-series/${series.body.id}`)).body;
    const next = detail.meetings.find(
      (m: { phase: string | null; status: string; start: string }) =>
        m.status !== 'cancelled' && Date.parse(m.start) > h.rt.clock.now().getTime(),
    );
    const start = Date.parse(next.start);
    ids.push(next.id);
    const callSent = start - 10 * 86400_000;
    if (callSent > h.rt.clock.now().getTime()) await h.to(new Date(callSent));
    const calls = (await h.mail()).filter(
      (m) =>
        m.subject.startsWith('Agendapunten voor Kerngroep Bench') &&
        m.text.includes(DateTime.fromMillis(start).setZone('Europe/Amsterdam').setLocale('nl').toFormat('d LLLL yyyy')),
    );
    for (const call of calls.slice(0, 2)) {
      const l = link(call.text);
      await h.post(l, { proof: await proof(l), action: 'item', title: `Punt van ${call.to}`, ask: 'discuss' });
    }
    await h.to(new Date(start + 3 * 3600_000));
    const ask = (await h.mailTo(secretary.email, 'Verslag van Kerngroep Bench')).at(-1)!;
    const l = link(ask.text);
    const form = (await h.open(l)).html;
    const fields = Object.fromEntries([...form.matchAll(/name="(summary\.[^"]+)"/g)].map((x) => [x[1], 'Besproken']));
    await h.post(l, {
      proof: /name="proof" value="([^"]+)"/.exec(form)![1],
      action: 'minutes',
      ...fields,
      decisions: 'Geen',
    });
  }
  await h.advance('P7D');
  const wall = performance.now() - t;
  const mails = (await h.mail()).length - before;
  const adopted = (
    await Promise.all(ids.map(async (id) => (await h.api('GET', `/api/meetings/${id}`)).body.phase))
  ).filter((p) => p === 'adopted').length;
  rows.push([
    'a year of 12 kerngroep meetings, 10 theme groups',
    `${(wall / 1000).toFixed(1)} s`,
    '',
    `≤ 10 s; ${adopted} of ${ids.length} meetings with adopted minutes; ${mails} emails, ${(mails / ids.length).toFixed(0)} per meeting`,
  ]);
}

async function bundles() {
  // Inside the project, so the SDK (external, as the Lambda runtime provides it) resolves.
  const dir = join(ROOT, 'node_modules', '.cache', 'bench-bundles');
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export const handler = async () => null;\n');
  const importTime = (file: string) => {
    const runs = Array.from({ length: 5 }, () =>
      Number(
        execFileSync(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `const t=performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now()-t)`,
          ],
          {
            env: {
              ...process.env,
              TABLE_NAME: 't',
              MAIL_FROM: 'a@example.org',
              OFFICE_EMAIL: 'o@example.org',
              PUBLIC_BASE_URL: 'https://x',
              LINK_KEYS_FILE: '/dev/null',
              AWS_REGION: 'eu-west-1',
            },
          },
        ).toString(),
      ),
    );
    return pct(runs, 50);
  };
  const floor = importTime(empty);
  // A second floor: only the SDK clients the handlers create, which Lambda loads from its runtime.
  const sdkOnly = join(dir, 'sdk-only.mjs');
  writeFileSync(
    sdkOnly,
    [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      "import { SESv2Client } from '@aws-sdk/client-sesv2';",
      "import { SFNClient } from '@aws-sdk/client-sfn';",
      "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
      'DynamoDBDocumentClient.from(new DynamoDBClient({})); new SESv2Client({}); new SFNClient({}); new SecretsManagerClient({});',
      'export const handler = async () => null;',
    ].join('\n'),
  );
  const sdkFloor = importTime(sdkOnly);
  for (const [name, spec] of Object.entries(functions)) {
    const out = join(dir, `${name}.mjs`);
    await build({
      entryPoints: [resolve(ROOT, spec.entry)],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['@aws-sdk/*'],
      outfile: out,
      logLevel: 'silent',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    const kb = statSync(out).size / 1024;
    rows.push([
      `bundle ${name}`,
      `${kb.toFixed(0)} KB, cold import ${ms(importTime(out))}`,
      `empty ${ms(floor)}, SDK clients only ${ms(sdkFloor)}`,
      `≤ 250 KB: ${kb <= 250 ? 'yes' : 'NO'}`,
    ]);
  }
}

const h = await Harness.start({ logLevel: 'ERROR' });
try {
  // `npm run bench -- round` runs only the parts named (latency, round, meetings, scale, bundles); none: all.
  const only = process.argv.slice(2);
  const wanted = (part: string) => only.length === 0 || only.includes(part);
  if (wanted('latency')) await decisionLatency(h);
  if (wanted('round')) await wholeRound(h);
  if (wanted('meetings')) await meetingYear(h);
  if (wanted('scale')) await flowsAtScale(h);
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
