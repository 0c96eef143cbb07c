/** Drives the local runtime the way a person and the programme office would: over HTTP. */
import { createServer } from 'node:net';
import { startLocal, type LocalOptions, type LocalRuntime } from '../../local/runtime';

/**
 * Tests and the bench run the product's retries 1000× faster than its ASL declares (the stand-in logs
 * it): a retry still happens, after a pause of milliseconds. `npm start` keeps the declared pauses.
 */
process.env.LOCAL_SFN_RETRY_SPEEDUP ??= '1000';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Fixed ports for a runtime that is stopped and started again on the same data. */
export async function freePorts() {
  return {
    http: await freePort(),
    mailbox: await freePort(),
    sfn: await freePort(),
    dynamodb: await freePort(),
    s3: await freePort(),
    scheduler: await freePort(),
  };
}

/**
 * Every test starts its clock here: a Monday, 10:00 in Amsterdam. Reminders respect quiet hours
 * and Sundays, so a clock started at the real time would make the suite depend on the day it runs.
 */
export const TEST_START = '2026-11-02T09:00:00Z';

export interface MailItem {
  to: string;
  subject: string;
  text: string;
  html: string;
  at: number;
  attachments: { filename?: string; contentType: string; content: string }[];
  /** Header name (lower case) → value, as SES would send them. */
  headers: Record<string, string>;
  /** The message's bytes, for messages the product assembles itself (calendar invitations). */
  raw?: Buffer;
}

export class Harness {
  constructor(readonly rt: LocalRuntime) {}

  static async start(opts: Partial<LocalOptions> = {}): Promise<Harness> {
    const rt = await startLocal({
      dataDir: null,
      ports: { http: 0, mailbox: 0, sfn: 0, dynamodb: 0 },
      startAt: TEST_START,
      // The demo's running cycles would send mail and start rounds in every test; their own test asks for them.
      demoCycles: false,
      ...opts,
    });
    return new Harness(rt);
  }

  async api(method: string, path: string, body?: unknown, token = this.rt.officeToken) {
    const res = await fetch(`${this.rt.urls.app}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  async mail(): Promise<MailItem[]> {
    const store = (await (await fetch(`${this.rt.urls.mailbox}/store`)).json()) as { emails: any[] };
    return store.emails.map((e: any) => ({
      to: e.destination.to[0],
      subject: e.subject,
      text: e.body.text,
      html: e.body.html,
      at: e.at,
      attachments: (e.attachments ?? []).map((a: any) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content, 'base64').toString('utf8'),
      })),
      headers: Object.fromEntries((e.headers ?? []).map((x: any) => [String(x.name).toLowerCase(), String(x.value)])),
      raw: e.raw ? Buffer.from(e.raw, 'base64') : undefined,
    }));
  }

  async mailTo(address: string, subjectPart?: string): Promise<MailItem[]> {
    return (await this.mail()).filter((m) => m.to === address && (!subjectPart || m.subject.includes(subjectPart)));
  }

  static link(mail: MailItem): string {
    const links = [...new Set(mail.text.match(/https?:\/\/\S+\/d\/[A-Za-z0-9_.-]+/g) ?? [])];
    if (links.length !== 1) throw new Error(`expected exactly one decision link, found ${links.length}`);
    return links[0];
  }

  async open(link: string, method: 'GET' | 'HEAD' = 'GET') {
    const res = await fetch(link, { method });
    return { status: res.status, headers: res.headers, html: await res.text() };
  }

  /** Open the page, fill in the form, press the button: what a person does. */
  async decide(link: string, choice: string, extra: Record<string, string> = {}) {
    const page = await this.open(link);
    const proof = /name="proof" value="([^"]+)"/.exec(page.html)?.[1];
    if (!proof) throw new Error(`no form on the page (status ${page.status})`);
    return this.post(link, { proof, choice, ...extra });
  }

  async post(link: string, form: Record<string, string>) {
    const res = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.status, html: await res.text() };
  }

  async advance(by: string) {
    const res = await fetch(`${this.rt.urls.app}/local/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceBy: by }),
    });
    if (res.status !== 200) throw new Error(`clock: ${res.status} ${await res.text()}`);
    return res.json();
  }

  /** Move the clock to a moment, letting every timer on the way fire. */
  async to(at: Date | string) {
    const res = await fetch(`${this.rt.urls.app}/local/clock`, {
      method: 'POST',
      body: JSON.stringify({ to: new Date(at).toISOString() }),
    });
    if (res.status !== 200) throw new Error(`clock: ${res.status} ${await res.text()}`);
    return res.json();
  }

  async round(id: string) {
    const res = await this.api('GET', `/api/rounds/${id}`);
    return res.body;
  }

  stop() {
    return this.rt.stop();
  }
}

/** The board's voting members in the demo data, with their addresses. */
export const BOARD = [
  ['p-anouk-de-vries', 'anouk.de.vries@example.org'],
  ['p-hamid-ouali', 'hamid.ouali@example.org'],
  ['p-ria-jansen', 'ria.jansen@example.org'],
  ['p-mehmet-yilmaz', 'mehmet.yilmaz@example.org'],
  ['p-esther-boateng', 'esther.boateng@example.org'],
  ['p-ruben-kok', 'ruben.kok@example.org'],
  ['p-marloes-dijkstra', 'marloes.dijkstra@example.org'],
] as const;
