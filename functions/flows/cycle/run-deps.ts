/** The cycle workflow's composition root: the cycle's deps and the flows its phases start (phase-flows.ts). */
import { cycleDeps } from './deps';
import { phaseFlows } from './phase-flows';
import type { CycleRunDeps } from './run';

let deps: CycleRunDeps | undefined;

export function cycleRunDeps(): CycleRunDeps {
  deps ??= { ...cycleDeps(), flows: phaseFlows() };
  return deps;
}
