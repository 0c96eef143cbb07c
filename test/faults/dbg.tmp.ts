import {
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { FaultRun } from './fault-run';
import { clockMoveDuringDbOutage } from './scenarios/database';
const run = await FaultRun.start({ service: 'dynamodb', mode: 'blackhole', seconds: 8 });
const t0 = Date.now();
const origSet = run.proxy.set.bind(run.proxy);
run.proxy.set = (m) => {
  console.log('proxy', m, ((Date.now() - t0) / 1000).toFixed(1), run.h.rt.clock.now().toISOString());
  origSet(m);
};
const origMove = run.move.bind(run);
run.move = async (b) => {
  const s = await origMove(b);
  console.log('move', JSON.stringify(b), s, ((Date.now() - t0) / 1000).toFixed(1));
  return s;
};
const exp = await clockMoveDuringDbOutage(run);
await run.recover(exp, ['PT1H']);
const sfn = new SFNClient({ endpoint: run.h.rt.urls.sfn, region: 'eu-west-1' });
for (const sm of (await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? []) {
  for (const e of (
    await sfn.send(new ListExecutionsCommand({ stateMachineArn: sm.stateMachineArn, statusFilter: 'FAILED' }))
  ).executions ?? []) {
    const { events = [] } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: e.executionArn, maxResults: 500 }),
    );
    for (const x of events.slice(-40))
      console.log(x.timestamp?.toISOString(), x.type, (x.lambdaFunctionFailedEventDetails?.cause ?? '').slice(0, 80));
  }
}
console.log(run.problems);
await run.stop();
process.exit(0);
