/**
 * Makes the local SES mailbox keep what AWS would send. aws-ses-v2-local parses a raw message
 * into its parts and forgets the message itself and its headers; SES sends the raw message as
 * it is. So next to the parts, the mailbox keeps the raw message (`raw`, base64) and its
 * headers, and tests can check the bytes that would go out (line ends, List-Unsubscribe).
 * Simple messages keep their `Headers` in the stand-in already.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';

type Handler = (req: { body?: { Content?: { Raw?: { Data?: string } } } }, res: unknown, next: unknown) => unknown;
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

/** Before the stand-in starts (it reads its handlers when it builds its routes). Once per process. */
export function keepRawMessages(): void {
  if (installed) return;
  installed = true;
  const handle = sendEmailModule.default;
  sendEmailModule.default = (req, res, next) => {
    const raw = req.body?.Content?.Raw?.Data;
    return raw ? rawOfRequest.run(raw, () => handle(req, res, next)) : handle(req, res, next);
  };
  const save = store.saveEmail;
  store.saveEmail = (email) => {
    const raw = rawOfRequest.getStore();
    save(raw ? { ...email, raw, headers: rawHeaders(Buffer.from(raw, 'base64')) } : email);
  };
}
