/**
 * The crash harness's checks once every flow should have finished: each flow's outcome through the
 * API, the mail ledger (MAIL# records and `mail:` audit entries in DynamoDB) against what arrived at
 * the SES stand-in, what each person was owed, and every execution's status.
 */
import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { ListExecutionsCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { TABLE_NAME } from '../../local/runtime-constants';
import { BOARD } from '../support/local';
import type { Client, Mail } from './client';
import { AGENDA, type Created, ITEMS, MEETING_TITLE, ROUNDS } from './workload';

const OFFICE = 'programmabureau@example.org';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface AuditResult {
  ok: boolean;
  report: string[];
}

/** Every item of the table: the harness audits it all, as an auditor would, not as the product reads. */
async function tableItems(endpoint: string) {
  const db = new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials });
  const items: Record<string, any>[] = [];
  for await (const page of paginateScan({ client: db }, { TableName: TABLE_NAME }))
    items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
  return items;
}

async function executions(endpoint: string) {
  const sfn = new SFNClient({ endpoint, region: 'eu-west-1', credentials });
  const out: { machine: string; name: string; status: string }[] = [];
  for (const m of (await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? [])
    for (const e of (await sfn.send(new ListExecutionsCommand({ stateMachineArn: m.stateMachineArn }))).executions ??
      [])
      out.push({ machine: m.name ?? '', name: e.name ?? '', status: e.status ?? '' });
  return out;
}

const count = <T>(list: T[], key: (t: T) => string) => {
  const m = new Map<string, number>();
  for (const t of list) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
};

export async function audit(c: Client, created: Created): Promise<AuditResult> {
  const problems: string[] = [];
  const report: string[] = [];
  const mail = await c.mail();

  // Outcomes.
  for (const r of ROUNDS) {
    const round = (await c.api('GET', `/api/rounds/${created.rounds[r.title]}`)).body;
    if (round.status !== 'closed' || round.outcome !== r.outcome)
      problems.push(`round ${r.title}: ${round.status} ${round.outcome}, expected closed ${r.outcome}`);
  }
  for (const item of ITEMS) {
    const f = (await c.api('GET', `/api/follow-ups/${created.items[item.what]}`)).body;
    if (f.status !== 'done') problems.push(`action item ${item.what}: ${f.status}, expected done`);
  }
  const meetingId = created.meetingId;
  const meeting = (await c.api('GET', `/api/meetings/${meetingId}`)).body;
  const titles = (meeting?.items ?? []).map((i: any) => i.title);
  if (meeting?.phase !== 'abandoned' || AGENDA.some((a) => !titles.includes(a.title)))
    problems.push(`meeting ${meetingId}: phase ${meeting?.phase}, items ${titles.join(', ')}`);

  // One flow per create: a create cut off by a crash and sent again under its Idempotency-Key makes
  // no second one (a second action item would also send its owner a second reminder).
  let madeTwice = 0;
  const lists = [
    { path: '/api/rounds', list: 'rounds', field: 'title', names: ROUNDS.map((r) => r.title) },
    { path: '/api/follow-ups', list: 'followUps', field: 'what', names: ITEMS.map((i) => i.what) },
    { path: '/api/meeting-series', list: 'series', field: 'title', names: [MEETING_TITLE] },
  ];
  for (const { path, list, field, names } of lists) {
    const all = ((await c.api('GET', path)).body[list] ?? []) as Record<string, any>[];
    for (const name of names) {
      const made = all.filter((x) => x[field] === name);
      if (made.length === 1) continue;
      madeTwice += Math.max(0, made.length - 1);
      problems.push(`created: ${made.length} under ${path} named ${name} (${made.map((x) => x.id).join(', ')})`);
    }
  }

  // The ledger against the mailbox: every `mail:` entry on an audit trail is an email SES took.
  const items = await tableItems(c.rt.dynamodb);
  const people = new Map<string, string>(
    ((await c.api('GET', '/api/people')).body.people as any[]).map((p) => [p.id, p.email]),
  );
  // Outbox records carry a state; a MAIL# item without one is a plain claim (reminders, through the budget).
  const unfinished = items.filter((i) => String(i.sk).startsWith('MAIL#') && i.state && i.state !== 'sent');
  for (const u of unfinished) problems.push(`ledger: ${u.sk} of ${u.pk} is ${u.state} (${u.lastError ?? 'no error'})`);
  const entries = items.filter((i) => String(i.sk).startsWith('mail:'));
  // A combined reminder message is one email with an entry on each flow's trail it carried (its
  // `message` in common): counted once.
  const sent = [...new Map(entries.map((e) => [e.details?.message ?? `${e.pk}/${e.sk}`, e])).values()];
  const addressOf = (e: any) => (e.details?.office ? OFFICE : people.get(e.details?.personId));
  const ledgerTo = count(sent, (e) => addressOf(e) ?? `unknown ${e.details?.to}`);
  const arrivedTo = count(mail, (m) => m.to);
  let lost = 0;
  for (const [to, n] of ledgerTo) {
    const got = arrivedTo.get(to) ?? 0;
    if (got < n) {
      lost += n - got;
      problems.push(`ledger: ${n} emails to ${to} on the ledger, ${got} arrived`);
    }
  }

  // What each person was owed, and the outcome emails: exactly one each.
  const owed: { to: string; subject: RegExp; outcome?: { roundId: string; personId: string } }[] = [];
  for (const r of ROUNDS) {
    // A receipt for each counted vote: a vote after the outcome was certain (the round closed) counts not.
    const round = (await c.api('GET', `/api/rounds/${created.rounds[r.title]}`)).body;
    const counted = new Set(round.approvers.filter((a: any) => a.state === 'responded').map((a: any) => a.personId));
    for (const [personId, address] of BOARD) {
      owed.push({ to: address, subject: new RegExp(`^(Uw besluit gevraagd|Your decision is requested): ${r.title}$`) });
      owed.push({
        to: address,
        subject: new RegExp(`^(Besluit|Decision): ${r.title} `),
        outcome: { roundId: created.rounds[r.title], personId },
      });
      if (counted.has(personId))
        owed.push({ to: address, subject: new RegExp(`^(Ontvangen|Received): .*${r.title}$`) });
    }
  }
  for (const item of ITEMS) owed.push({ to: item.address, subject: new RegExp(`^(Ontvangen|Received): ${item.what}`) });
  for (const a of AGENDA) owed.push({ to: a.from, subject: new RegExp(`${MEETING_TITLE}`) });
  /**
   * SES takes no idempotency key: a process killed after SES took an email and before its record says
   * so leaves the record pending, and the sweeper sends it again (docs/architecture.md, "When mail
   * fails"). An outcome sent twice is that window only when the ledger and the kills show it: one
   * record, sent by a second attempt, two copies, the first taken by SES at most 3 s before a kill.
   * Any other second outcome (two records, two sends without a kill between) is a failure.
   */
  const inWindow = (o: { roundId: string; personId: string }, copies: Mail[]) => {
    const record = items.find((i) => i.pk === `ROUND#${o.roundId}` && i.sk === `MAIL#outcome:${o.personId}`);
    if (copies.length !== 2 || record?.state !== 'sent' || !(record.attempts >= 2)) return false;
    const [first, second] = copies.map((m) => m.at * 1000);
    return c.rt.killTimes.some((k) => k >= first && k < first + 3000 && second >= k - 1000);
  };
  let missing = 0;
  let duplicateOutcomes = 0;
  let windowOutcomes = 0;
  for (const o of owed) {
    const copies = mail.filter((m: Mail) => m.to === o.to && o.subject.test(m.subject));
    const n = copies.length;
    if (n === 0) {
      missing++;
      problems.push(`owed: no email to ${o.to} matching ${o.subject}`);
    }
    if (o.outcome && n > 1) {
      if (inWindow(o.outcome, copies)) windowOutcomes += 1;
      else {
        duplicateOutcomes += n - 1;
        problems.push(`outcome: ${n} emails to ${o.to} matching ${o.subject}`);
      }
    }
  }
  const keys = count(mail, (m) => `${m.to}|${m.subject}|${m.text}`);
  const duplicates = [...keys.values()].reduce((s, n) => s + n - 1, 0);
  // Which they are, so the figure can be read: the same text again on a later day (a reminder that
  // still holds) is not a duplicate send; one sent twice inside the window is.
  const again = [...keys].filter(([, n]) => n > 1).map(([k, n]) => `${n}× ${k.split('|').slice(0, 2).join(': ')}`);

  // Executions: none failed, timed out or aborted; every one of the workload's flows finished.
  const runs = await executions(`http://127.0.0.1:${c.rt.ports.sfn}`);
  const bad = runs.filter((e) => ['FAILED', 'TIMED_OUT', 'ABORTED'].includes(e.status));
  for (const e of bad) problems.push(`execution ${e.machine}/${e.name}: ${e.status}`);
  const ours = new Set([...Object.values(created.rounds), ...Object.values(created.items), meetingId]);
  const stuck = runs.filter((e) => ours.has(e.name) && e.status === 'RUNNING');
  for (const e of stuck) problems.push(`execution ${e.machine}/${e.name}: still RUNNING`);

  report.push(
    `flows: ${ROUNDS.length} rounds, ${ITEMS.length} action items, 1 meeting; executions ${runs.length}, ` +
      `failed/timed out/aborted ${bad.length}, ours still running ${stuck.length}, made twice ${madeTwice}`,
    `emails: on the ledger ${sent.length}, arrived ${mail.length}, ledger records unfinished ${unfinished.length}, ` +
      `lost ${lost}; owed ${owed.length}, missing ${missing}; duplicate outcomes ${duplicateOutcomes}, ` +
      `outcomes sent again after a kill between SES and their record ${windowOutcomes}, ` +
      `other emails with the same text ${duplicates - duplicateOutcomes - windowOutcomes}`,
    ...again.map((a) => `  same text: ${a}`),
    ...problems.map((p) => `  FAIL ${p}`),
    problems.length ? `FAIL crash harness: ${problems.length} problems` : 'PASS crash harness',
  );
  return { ok: problems.length === 0, report };
}
