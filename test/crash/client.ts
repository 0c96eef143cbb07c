/** The crash harness's view of the runtime: the office API, the mailbox, the pages' forms and the clock, over HTTP. */
import type { RuntimeProcess } from './runtime-process';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** When the SES stand-in took it, in whole seconds of wall time. */
  at: number;
}

/** Thrown for an answer the workload did not expect; a connection error (the runtime is down) is not one. */
export class Unexpected extends Error {}

export class Client {
  constructor(readonly rt: RuntimeProcess) {}

  async api(method: string, path: string, body?: unknown, idempotencyKey?: string) {
    const res = await fetch(`${this.rt.app}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.rt.token}`,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  /** A creating POST, safe to send again after a crash: the same key gets the first answer. */
  async create(path: string, body: unknown, key: string): Promise<string> {
    let res = await this.api('POST', path, body, key);
    // A request cut off by a crash stays "in progress" until its function's timeout (as in Lambda):
    // the API answers 503 until then, and a client tries again, as its message says.
    for (const until = Date.now() + 120_000; res.status === 503 && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 2000));
      res = await this.api('POST', path, body, key);
    }
    if (res.status !== 201) throw new Unexpected(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  async mail(): Promise<Mail[]> {
    const store = (await (await fetch(`${this.rt.mailbox}/store`)).json()) as { emails: any[] };
    return store.emails.map((e) => ({
      to: e.destination.to[0],
      subject: e.subject,
      text: e.body.text ?? '',
      at: Number(e.at),
    }));
  }

  async now(): Promise<number> {
    return Date.parse((await (await fetch(`${this.rt.app}/local/clock`)).json()).now);
  }

  /**
   * Move the clock to an absolute moment (sent again after a crash, it goes on from where the move stopped).
   * A move answers 503 when a step failed on the way: counted, and moved again.
   */
  async to(at: number, failures: string[]): Promise<void> {
    for (let i = 0; i < 5; i++) {
      if ((await this.now()) >= at) return;
      const res = await fetch(`${this.rt.app}/local/clock`, {
        method: 'POST',
        body: JSON.stringify({ to: new Date(at).toISOString() }),
      });
      if (res.status === 200) return;
      failures.push(`clock move to ${new Date(at).toISOString()}: ${res.status} ${await res.text()}`);
    }
    throw new Unexpected(`the clock did not reach ${new Date(at).toISOString()}`);
  }

  /** Let every step started so far finish: a clock move settles before it answers. */
  async settle(failures: string[]): Promise<void> {
    await this.to((await this.now()) + 1000, failures);
  }

  async open(link: string) {
    const res = await fetch(link);
    return { status: res.status, html: await res.text() };
  }

  /** Fill in a page's form, as a person does; false when the page has no form (already answered). */
  async submit(link: string, form: Record<string, string>): Promise<boolean> {
    const page = await this.open(link);
    const proof = /name="proof" value="([^"]+)"/.exec(page.html)?.[1];
    if (!proof) return false;
    const res = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ proof, ...form }).toString(),
    });
    if (res.status >= 500) throw new Unexpected(`${link}: ${res.status}`);
    await res.text();
    return true;
  }
}

/**
 * The personal link of a kind (`d` decision, `f` action item, `m` meeting) in an email about the flow
 * `id`: the flow's own email or a digest, which carries a link for each of several flows. The link's
 * token names its flow (base64url JSON claims with `sub`, then its signature).
 */
export function linkIn(mail: Mail, kind: 'd' | 'f' | 'm', id: string): string | undefined {
  for (const [link, token] of mail.text.matchAll(
    new RegExp(`https?://\\S+/${kind}/([A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+`, 'g'),
  )) {
    try {
      if (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).sub === id) return link;
    } catch {
      /* not a token of ours */
    }
  }
  return undefined;
}
