/**
 * The SES stand-in's mailbox survives a crash: once SES accepted an email (answered 200), it is in the
 * mailbox after a restart, as in AWS, where an accepted email is delivered whatever the sender does next.
 * Found by the crash harness (npm run crash): a SIGKILL within a second of a send lost the email.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import sesLocal from 'aws-ses-v2-local';
import store from 'aws-ses-v2-local/dist/store.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistMailbox, restoreMailbox, stampMailWith } from '../../local/mailbox';

const sesServer = ((sesLocal as any).default ?? sesLocal) as typeof sesLocal;
const dir = mkdtempSync(join(tmpdir(), 'alliance-mailbox-'));
const file = join(dir, 'mailbox.json');
let server: Server;
let ses: SESv2Client;

beforeAll(async () => {
  restoreMailbox(file);
  server = (await sesServer({ host: '127.0.0.1', port: 0 })) as unknown as Server;
  ses = new SESv2Client({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = (subject: string) =>
  ses.send(
    new SendEmailCommand({
      FromEmailAddress: 'noreply@example.org',
      Destination: { ToAddresses: ['a@example.org'] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: 'tekst' } } } },
    }),
  );
const subjects = () => store.getStoreReadonly().emails.map((e: { subject: string }) => e.subject);

describe('the local mailbox across a crash', () => {
  it('keeps an accepted email without waiting for the next snapshot', async () => {
    await send('Eerste');
    // A crash now: no snapshot was written. The next start reads what is on disk.
    restoreMailbox(file);
    expect(subjects()).toEqual(['Eerste']);
  });

  it('keeps each email once across a snapshot, also when a crash fell between snapshot and log', async () => {
    persistMailbox(file);
    await send('Tweede');
    restoreMailbox(file);
    expect(subjects()).toEqual(['Eerste', 'Tweede']);
    persistMailbox(file);
    restoreMailbox(file);
    expect(subjects()).toEqual(['Eerste', 'Tweede']);
  });

  it('stamps each new email with the local clock’s time, and keeps the stamp across a restart', async () => {
    let clock = new Date('2027-01-04T09:00:00Z');
    stampMailWith(() => clock);
    await send('Derde');
    clock = new Date('2027-02-01T09:00:00Z');
    restoreMailbox(file);
    const stamps = store.getStoreReadonly().emails.map((e) => [e.subject, (e as { sentAt?: string }).sentAt]);
    expect(stamps.at(-1)).toEqual(['Derde', '2027-01-04T09:00:00.000Z']);
    // Emails from before the stamp existed are not given the time of the restart.
    expect(stamps.slice(0, 2).map(([, at]) => at)).toEqual([undefined, undefined]);
  });
});
