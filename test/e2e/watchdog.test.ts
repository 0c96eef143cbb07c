/**
 * The flows' watchdog end to end on the local runtime (engine/watchdog.ts): an action item and an
 * input round whose execution stopped are carried on by the daily watchdog, and one that cannot
 * be carried on is handed to the office once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, MACHINE } from './follow-up-support';
import { Harness } from '../support/local';
import { invokeFunction } from '../../local/lambda';
import { DynamoItemStore } from '../../functions/flows/follow-up/store';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../functions/platform/clients';
import { config } from '../../functions/platform/config';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

const INPUT_MACHINE = MACHINE.replace('followUp', 'inputRound');
const execution = (machine: string, name: string) => `${machine.replace(':stateMachine:', ':execution:')}:${name}`;
const running = (machine: string) => h.rt.sfn.listExecutions(machine, 'RUNNING').map((e) => e.name);
const timelineKinds = async (path: string) =>
  ((await h.api('GET', path)).body.timeline as { kind: string }[]).map((t) => t.kind);

describe('the watchdog of action items and input rounds', () => {
  it('carries on a stopped action item: the owner still gets the reminder and the status question', async () => {
    const id = await createItem(h, 'Buurtbudget verdelen', '2026-11-20T17:00:00+01:00');
    h.rt.sfn.stopExecution(execution(MACHINE, id));
    expect(running(MACHINE)).not.toContain(id);
    // Reminder 7 days before the due date (13 November, 17:00 and a moment: sent in the quarter past
    // 18:00, the budget's next whole hour); the watchdog runs at midnight UTC.
    await h.to('2026-11-13T18:30:00+01:00');
    expect(running(MACHINE).filter((n) => n.startsWith(`${id}--r`))).toHaveLength(1);
    expect(await h.mailTo('marloes.dijkstra@example.org', 'Herinnering: Buurtbudget')).toHaveLength(1);
    await h.to('2026-11-20T18:30:00+01:00');
    expect(await h.mailTo('marloes.dijkstra@example.org', 'Is het gelukt? Buurtbudget')).toHaveLength(1);
    expect(await timelineKinds(`/api/follow-ups/${id}`)).toContain('watchdog-restarted');
    expect(await h.mailTo('programmabureau@example.org', 'Loopt niet meer vanzelf')).toHaveLength(0);
  });

  it('carries on an input round whose execution failed, and it closes at its deadline', async () => {
    const res = await h.api('POST', '/api/input-rounds', {
      title: 'Cijfers wijkagenda',
      request: 'Hoeveel bewoners deden mee?',
      organisationIds: ['woon'],
      deadline: new Date(h.rt.clock.now().getTime() + 5 * 86400_000).toISOString(),
      reminders: [],
      escalate: false,
      bodyId: 'alliantiebestuur',
    });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await h.rt.whenIdle();
    // FAILED as a step failing for good leaves it: through the local interpreter's own ending of a run.
    const rec = h.rt.sfn.describeExecution(execution(INPUT_MACHINE, id));
    h.rt.sfn['end'](rec, { status: 'FAILED', error: 'States.TaskFailed', cause: 'test' });
    expect(running(INPUT_MACHINE)).not.toContain(id);
    await h.advance('P6D');
    expect((await h.api('GET', `/api/input-rounds/${id}`)).body.status).toBe('closed');
    expect(await h.mailTo('programmabureau@example.org', 'Overzicht uitvraag: Cijfers wijkagenda')).toHaveLength(1);
    // The new execution opens the round again; the invitation is on the mail ledger and is not sent twice.
    expect(await h.mailTo('ruben.kok@example.org', 'Gevraagd: Cijfers wijkagenda')).toHaveLength(1);
  });

  it('hands an item that stopped again after being carried on to the office, once over later runs', async () => {
    const id = await createItem(h, 'Speeltuin opknappen', '2027-03-01T17:00:00+01:00');
    h.rt.sfn.stopExecution(execution(MACHINE, id));
    await h.advance('P1D');
    const restarted = running(MACHINE).filter((n) => n.startsWith(`${id}--r`));
    expect(restarted).toHaveLength(1);
    h.rt.sfn.stopExecution(execution(MACHINE, restarted[0]));
    await h.advance('P1D');
    await h.advance('P1D');
    expect(await h.mailTo('programmabureau@example.org', 'Loopt niet meer vanzelf: Speeltuin opknappen')).toHaveLength(
      1,
    );
    expect(running(MACHINE).filter((n) => n.startsWith(id))).toHaveLength(0);
    const kinds = await timelineKinds(`/api/follow-ups/${id}`);
    expect(kinds.filter((k) => k === 'watchdog-handed-to-office')).toHaveLength(1);
  });

  it('wakes a running item whose parked moment passed over an hour ago, as if its timer was missed', async () => {
    const id = await createItem(h, 'Bankjes plaatsen', '2027-06-01T17:00:00+01:00');
    await h.advance('PT2H'); // past the hour a new item's first start may take
    const items = new DynamoItemStore(config().tableName);
    const planned = await items.parkedUntil(id);
    expect(Date.parse(planned!)).toBeGreaterThan(h.rt.clock.now().getTime());
    // The missed timer: the stored wake moment is put two hours back; the workflow still waits on its token.
    const past = new Date(h.rt.clock.now().getTime() - 2 * 3600_000).toISOString();
    await dynamo.send(
      new UpdateCommand({
        TableName: config().tableName,
        Key: { pk: `ITEM#${id}`, sk: 'ITEM' },
        UpdateExpression: 'SET wakeAt = :w',
        ExpressionAttributeValues: { ':w': past },
      }),
    );
    const report = (await invokeFunction('followUpWatchdog', {})) as { woken: string[]; restarted: string[] };
    expect(report.woken).toContain(id);
    expect(report.restarted).not.toContain(id);
    await h.rt.whenIdle();
    // Woken, the workflow looked again and parked for its real next moment, in the same execution.
    expect(await items.parkedUntil(id)).toBe(planned);
    expect(running(MACHINE)).toContain(id);
  });
});
