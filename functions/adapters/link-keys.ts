/**
 * The link-signing keys: Secrets Manager in the cloud, a local file in local mode; never in
 * the repository. Shape: {"current":"<kid>","keys":{"<kid>":"<base64 secret>", ...}}. Rotation
 * adds a key and makes it current; older keys stay until their links have expired.
 */
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { LinkKeys } from '../domain/link-token';
import { secrets } from '../lib/clients';

const CACHE_MS = 5 * 60 * 1000;
let cache: { at: number; keys: Promise<LinkKeys> } | undefined;

export function parseLinkKeys(json: string): LinkKeys {
  const parsed = JSON.parse(json) as { current?: string; keys?: Record<string, string> };
  if (!parsed.current || !parsed.keys?.[parsed.current]) throw new Error('link keys: "current" must name one of "keys"');
  const keys = Object.fromEntries(Object.entries(parsed.keys).map(([kid, b64]) => [kid, Buffer.from(b64, 'base64')]));
  for (const [kid, key] of Object.entries(keys)) if (key.length < 32) throw new Error(`link key ${kid} is shorter than 32 bytes`);
  return { currentKid: parsed.current, keys };
}

async function fetchKeys(source: { secretArn?: string; file?: string }): Promise<LinkKeys> {
  if (source.secretArn) {
    const res = await secrets.send(new GetSecretValueCommand({ SecretId: source.secretArn }));
    return parseLinkKeys(res.SecretString ?? '');
  }
  return parseLinkKeys(await readFile(source.file!, 'utf8'));
}

/** Keys are cached for a few minutes, so a rotation reaches warm functions without a deploy. */
export function linkKeyLoader(source: { secretArn?: string; file?: string }, now = () => Date.now()): () => Promise<LinkKeys> {
  return () => {
    if (!cache || now() - cache.at > CACHE_MS) {
      const keys = fetchKeys(source);
      cache = { at: now(), keys };
      keys.catch(() => (cache = undefined));
    }
    return cache.keys;
  };
}

export function clearLinkKeyCache(): void {
  cache = undefined;
}
