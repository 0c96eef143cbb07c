/** Decision latency: posting the decision form, next to one conditional write on the same DynamoDB. */
import { Harness } from '../test/support/local';
import { addPeople, ms, pct, rows } from './common';

export async function decisionLatency(h: Harness) {
  const n = 150;
  const people = await addPeople(n, 'bench-latency');
  const res = await h.api('POST', '/api/rounds', {
    title: 'Latency',
    summary: 'x',
    approverIds: people.map((p) => p.id),
    rule: { type: 'unanimous' },
    deadline: new Date(h.rt.clock.now().getTime() + 30 * 86400_000).toISOString(),
  });
  await h.rt.whenIdle();
  const forms = [];
  for (const p of people) {
    const link = Harness.link((await h.mailTo(p.email, 'Latency'))[0]);
    forms.push({ link, proof: /name="proof" value="([^"]+)"/.exec((await h.open(link)).html)![1] });
  }
  const post: number[] = [];
  for (const f of forms) {
    const t = performance.now();
    const r = await h.post(f.link, { proof: f.proof, choice: 'approve' });
    post.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`decision failed: ${r.status}`);
  }
  // Floor: one conditional write on the same local DynamoDB, through the same SDK client.
  const { dynamo } = await import('../functions/platform/clients');
  const { PutCommand, UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  await dynamo.send(new PutCommand({ TableName: 'alliance-cycle', Item: { pk: 'BENCH', sk: 'FLOOR', version: 0 } }));
  const floor: number[] = [];
  for (let v = 0; v < n; v++) {
    const t = performance.now();
    await dynamo.send(
      new UpdateCommand({
        TableName: 'alliance-cycle',
        Key: { pk: 'BENCH', sk: 'FLOOR' },
        UpdateExpression: 'SET version = :n',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': v, ':n': v + 1 },
      }),
    );
    floor.push(performance.now() - t);
  }
  rows.push([
    'decision POST p50',
    ms(pct(post, 50)),
    ms(pct(floor, 50)),
    `≤ 2× floor: ${(pct(post, 50) / pct(floor, 50)).toFixed(1)}×`,
    pct(post, 50) <= 2 * pct(floor, 50) ? 'pass' : 'FAIL',
  ]);
  rows.push(['decision POST p99', ms(pct(post, 99)), ms(pct(floor, 99)), '']);
  void res;
}
