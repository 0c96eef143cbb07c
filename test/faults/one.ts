/**
 * One scenario in its own process (the runtime's handlers read their endpoints from process.env,
 * so two runtimes cannot share a process): prints its figures as one JSON line for run.ts.
 */
import { FaultRun, type Figures, outageName } from './fault-run';
import { scenarios } from './scenarios';

const scenario = scenarios[Number(process.argv[2])];
const name = `${outageName(scenario.outage)} during ${scenario.kind}`;
let figures: Figures;
const run = await FaultRun.start(scenario.outage);
try {
  const expected = await scenario.run(run);
  await run.recover(expected);
  figures = await run.figures(name, expected);
} catch (err) {
  figures = { ...(await run.figures(name, [])), problems: [`the scenario broke off: ${String(err)}`] };
} finally {
  await run.stop();
}
console.log(`FIGURES ${JSON.stringify(figures!)}`);
process.exit(0);
