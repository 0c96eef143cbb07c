/**
 * The link-signing keys: Secrets Manager in the cloud, a local file in local mode; never in
 * the repository. Shape: {"current":"<kid>","<kid>":"<secret of 32+ characters>", ...}: every field
 * but "current" is a key. Rotation adds a key and makes it current; older keys stay until their
 * links have expired. The flat shape is what Secrets Manager can generate.
 */
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { LinkKeys } from './link-token';
import { secrets } from './clients';

const CACHE_MS = 5 * 60 * 1000;
let cache: { at: number; keys: Promise<LinkKeys> } | undefined;

export function parseLinkKeys(json: string): LinkKeys {
  const { current, ...rest } = JSON.parse(json) as Record<string, string>;
  if (!current || typeof rest[current] !== 'string') throw new Error('link keys: "current" must name one of the keys');
  const keys = Object.fromEntries(
    Object.entries(rest).map(([kid, secret]) => [kid, Buffer.from(String(secret), 'utf8')]),
  );
  for (const [kid, key] of Object.entries(keys))
    if (key.length < 32) throw new Error(`link key ${kid} is shorter than 32 bytes`);
  return { currentKid: current, keys };
}

async function fetchKeys(source: { secretArn?: string; file?: string }): Promise<LinkKeys> {
  if (source.secretArn) {
    const res = await secrets.send(new GetSecretValueCommand({ SecretId: source.secretArn }));
    return parseLinkKeys(res.SecretString ?? '');
  }
  return parseLinkKeys(await readFile(source.file!, 'utf8'));
}

/** Keys are cached for a few minutes, so a rotation reaches warm functions without a deploy. */
export function linkKeyLoader(
  source: { secretArn?: string; file?: string },
  now = () => Date.now(),
): () => Promise<LinkKeys> {
  return () => {
    if (!cache || now() - cache.at > CACHE_MS) {
      const keys = fetchKeys(source);
      cache = { at: now(), keys };
      keys.catch(() => (cache = undefined));
    }
    return cache.keys;
  };
}
