/**
 * What the robustness files share: one local runtime per file (each file runs in its own process)
 * and the helpers their tests use. `h` is a live binding, set before the first test of a file runs,
 * so the tests read as they did when they were one file.
 */
import { afterAll, beforeAll } from 'vitest';
import { Harness } from '../support/local';

export let h: Harness;

/** Starts the runtime before the file's tests and stops it after them. */
export function useHarness(): void {
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(() => h.stop());
}

export const inDays = (days: number) => new Date(h.rt.clock.now().getTime() + days * 86400_000).toISOString();
export const proofOf = async (link: string) => /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1];

/** Starts a majority round of the alliance board; `body` overrides any field, `headers` are added. */
export async function start(title: string, body: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const res = await fetch(`${h.rt.urls.app}/api/rounds`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.rt.officeToken}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      title,
      summary: 's',
      bodyId: 'alliantiebestuur',
      rule: { type: 'majority' },
      deadline: inDays(10),
      ...body,
    }),
  });
  await h.rt.whenIdle();
  return { status: res.status, body: (await res.json()) as any };
}
