/**
 * Makes the local SES mailbox keep what AWS would send. aws-ses-v2-local parses a raw message
 * into its parts and forgets the message itself and its headers; SES sends the raw message as
 * it is. So next to the parts, the mailbox keeps the raw message (`raw`, base64) and its
 * headers, and tests can check the bytes that would go out (line ends, List-Unsubscribe).
 * Simple messages keep their `Headers` in the stand-in already.
 *
 * It can also hold the stand-in to an account's maximum sending rate (`setMaxSendRate`), as SES
 * does: over it a send is refused with a throttling error and nothing is stored.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';

interface Response {
  status(code: number): Response;
  set(field: string, value: string): Response;
  send(body: unknown): unknown;
}
type Handler = (req: { body?: { Content?: { Raw?: { Data?: string } } } }, res: Response, next: unknown) => unknown;
interface StoredEmail {
  headers?: { name: string; value: string }[];
  raw?: string;
}

// The same module objects the stand-in's server uses (require's cache), so replacing an export reaches it.
const require = createRequire(import.meta.url);
const sendEmailModule = require('aws-ses-v2-local/dist/v2/sendEmail.js') as { default: Handler };
const store = require('aws-ses-v2-local/dist/store.js') as { saveEmail: (email: StoredEmail) => void };

/** The raw message of the request being handled, through the stand-in's own awaits. */
const rawOfRequest = new AsyncLocalStorage<string>();
let installed = false;

/** The header block of a raw message as name/value pairs, folded lines joined. */
export function rawHeaders(raw: Buffer): { name: string; value: string }[] {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  return block.split(/\r?\n/).flatMap((line) => {
    const at = line.indexOf(':');
    return at > 0 ? [{ name: line.slice(0, at).trim(), value: line.slice(at + 1).trim() }] : [];
  });
}

/**
 * SES's maximum sending rate as a token bucket: `perSecond` sends a second, sustained, and bursts of
 * up to one second's worth ("you can exceed it for short bursts", the SES guide says, without a
 * number). Time is the local clock's, so a moved clock has let the time pass, as it would in SES.
 */
export class SendRate {
  private tokens: number;
  private at: number;

  constructor(
    readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = Math.max(1, perSecond);
    this.at = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(Math.max(1, this.perSecond), this.tokens + ((t - this.at) / 1000) * this.perSecond);
    this.at = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

let rate: SendRate | undefined;
let refused = 0;

/** How many sends the rate has refused in this process (each attempt the SDK makes counts). */
export const refusedSends = () => refused;

/**
 * Hold every send to `perSecond` (none: no limit, the default, as an account whose rate is never
 * reached); `now` is the local clock. Over it SES v2 answers 429 `TooManyRequestsException`
 * ("Maximum sending rate exceeded."), which the SDK's standard retry mode treats as throttling.
 */
export function setMaxSendRate(perSecond: number | undefined, now: () => number = Date.now): void {
  rate = perSecond && perSecond > 0 ? new SendRate(perSecond, now) : undefined;
}

/** Before the stand-in starts (it reads its handlers when it builds its routes). Once per process. */
export function keepRawMessages(): void {
  if (installed) return;
  installed = true;
  const handle = sendEmailModule.default;
  sendEmailModule.default = (req, res, next) => {
    if (rate && !rate.take() && ++refused)
      return res
        .status(429)
        .set('x-amzn-errortype', 'TooManyRequestsException')
        .send({ message: 'Maximum sending rate exceeded.' });
    const raw = req.body?.Content?.Raw?.Data;
    return raw ? rawOfRequest.run(raw, () => handle(req, res, next)) : handle(req, res, next);
  };
  const save = store.saveEmail;
  store.saveEmail = (email) => {
    const raw = rawOfRequest.getStore();
    save(raw ? { ...email, raw, headers: rawHeaders(Buffer.from(raw, 'base64')) } : email);
  };
}
