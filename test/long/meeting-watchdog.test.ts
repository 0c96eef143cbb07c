/**
 * The meeting watchdog end to end (flows/meeting/watchdog.ts on engine/watchdog.ts): a meeting whose
 * workflow stopped is carried on by a new execution and its members still get the call for agenda
 * items; one that stops again is handed to the office once. Its own runtime: the dates are the series'.
 * In test/long (npm run test:long): ten days on the moved clock take about 25 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/local';
import { kerngroepSeries } from '../support/meetings';

const MACHINE = 'arn:aws:states:eu-west-1:000000000000:stateMachine:alliance-cycle-meeting';
const execution = (name: string) => `${MACHINE.replace(':stateMachine:', ':execution:')}:${name}`;
const running = () => h.rt.sfn.listExecutions(MACHINE, 'RUNNING').map((e) => e.name);

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.stop());

describe('the meeting watchdog', () => {
  it('carries on a stopped meeting, then hands it to the office when it stops again', async () => {
    const series = await h.api('POST', '/api/meeting-series', kerngroepSeries('Kerngroep waakhond'));
    expect(series.status).toBe(201);
    await h.rt.whenIdle();
    // The meeting of 8 December is planned 16 days ahead (its call for agenda items, 14 days, and a margin).
    await h.to('2026-11-23T10:00:00+01:00');
    const id = running().find((n) => n.startsWith(`${series.body.id}--`));
    expect(id).toBeDefined();
    h.rt.sfn.stopExecution(execution(id!));
    expect(running()).not.toContain(id);

    // The watchdog runs at midnight UTC: a new execution goes on from the meeting's document.
    await h.to('2026-11-25T10:00:00+01:00');
    const restarted = running().filter((n) => n.startsWith(`${id}--r`));
    expect(restarted).toHaveLength(1);
    expect(await h.mailTo('aisha.toure@example.org', 'Agendapunten voor Kerngroep waakhond')).toHaveLength(1);
    expect(await h.mailTo('programmabureau@example.org', 'Loopt niet meer vanzelf')).toHaveLength(0);

    // Stopped again: the office is told once, over the following days too.
    h.rt.sfn.stopExecution(execution(restarted[0]));
    await h.advance('P1D');
    await h.advance('P1D');
    await h.advance('P1D');
    const notices = await h.mailTo('programmabureau@example.org', 'Loopt niet meer vanzelf: Kerngroep waakhond van');
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toContain('dinsdag 8 december 2026');
    expect(running().filter((n) => n.startsWith(id!))).toHaveLength(0);
  });
});
