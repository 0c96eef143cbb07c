/**
 * Burst load on the local runtime: everyone deciding at once, and the same form posted many
 * times at once. Exact tally, one outcome, one resume of the workflow, no duplicate email.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../functions/engine/directory';
import { Harness } from '../support/local';

let h: Harness;
const N = 25;
const people: Person[] = Array.from({ length: N }, (_, i) => ({
  id: `p-load-${i}`,
  name: `Bewoner ${i}`,
  email: `bewoner.${i}@example.org`,
  lang: 'nl',
  kind: 'resident',
  active: true,
}));

beforeAll(async () => {
  h = await Harness.start();
  const { DynamoDirectory } = await import('../../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  for (const p of people) await directory.put('person', p);
});
afterAll(() => h.stop());

async function startRound(title: string, rule: Record<string, unknown>) {
  const res = await h.api('POST', '/api/rounds', {
    title,
    summary: 'Iedereen tegelijk',
    approverIds: people.map((p) => p.id),
    rule,
    deadline: new Date(h.rt.clock.now().getTime() + 7 * 86400_000).toISOString(),
  });
  expect(res.status).toBe(201);
  await h.rt.whenIdle();
  return res.body.id as string;
}

async function formsFor(title: string) {
  return Promise.all(
    people.map(async (p) => {
      const link = Harness.link((await h.mailTo(p.email, title))[0]);
      const page = await h.open(link);
      return { link, proof: /name="proof" value="([^"]+)"/.exec(page.html)![1] };
    }),
  );
}

describe('everyone decides at once', () => {
  it('counts every vote exactly and closes once, resuming the workflow once (unanimous)', async () => {
    const id = await startRound('Alles tegelijk', { type: 'unanimous' });
    const forms = await formsFor('Alles tegelijk');
    const resume = vi.spyOn(h.rt.sfn, 'sendTaskSuccess');
    const results = await Promise.all(forms.map((f) => h.post(f.link, { proof: f.proof, choice: 'approve' })));
    expect(results.map((r) => r.status)).toEqual(Array(N).fill(200));
    await h.rt.whenIdle();
    const round = await h.round(id);
    expect(round).toMatchObject({ status: 'closed', outcome: 'approved' });
    expect(round.stages[0].tally).toMatchObject({ approve: N, pending: 0 });
    expect(round.timeline.filter((e: any) => e.kind === 'closed')).toHaveLength(1);
    expect(round.timeline.filter((e: any) => e.kind === 'decided')).toHaveLength(N);
    expect(resume.mock.calls.filter(([, output]) => JSON.parse(output).reason === 'decided')).toHaveLength(1);
    for (const p of people) expect(await h.mailTo(p.email, 'Besluit: Alles tegelijk')).toHaveLength(1);
  });

  it(
    'refuses votes that arrive after the round closed early, ' + 'and the tally matches what was accepted (majority)',
    async () => {
      const id = await startRound('Meerderheid tegelijk', { type: 'majority' });
      const forms = await formsFor('Meerderheid tegelijk');
      const results = await Promise.all(forms.map((f) => h.post(f.link, { proof: f.proof, choice: 'approve' })));
      const accepted = results.filter((r) => r.status === 200).length;
      expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
      await h.rt.whenIdle();
      const round = await h.round(id);
      expect(round).toMatchObject({ status: 'closed', outcome: 'approved' });
      expect(round.stages[0].tally.approve).toBe(accepted);
      expect(accepted).toBe(13);
      expect(round.timeline.filter((e: any) => e.kind === 'closed')).toHaveLength(1);
    },
  );

  it('records one decision when the same form is posted many times at once', async () => {
    const id = await startRound('Dubbel posten', { type: 'unanimous' });
    const [form] = await formsFor('Dubbel posten');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => h.post(form.link, { proof: form.proof, choice: 'approve' })),
    );
    expect(results.filter((r) => r.html.includes('Uw besluit is ontvangen'))).toHaveLength(1);
    expect(results.filter((r) => r.html.includes('Dit besluit was al ontvangen'))).toHaveLength(9);
    const round = await h.round(id);
    expect(round.timeline.filter((e: any) => e.kind === 'decided')).toHaveLength(1);
    expect(round.approvers.find((a: any) => a.personId === people[0].id)).toMatchObject({
      choice: 'approve',
      changes: 0,
    });
    expect(await h.mailTo(people[0].email, 'Ontvangen: uw besluit over Dubbel posten')).toHaveLength(1);
  });
});
