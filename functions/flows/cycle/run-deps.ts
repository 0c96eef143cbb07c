/** The cycle workflow's composition root: the cycle's deps, the flows its phases start (phase-flows.ts), its subject's reports. */
import { cycleDeps } from './deps';
import { phaseFlows } from './phase-flows';
import { actielijnReports } from './subject-flows';
import type { SubjectRunDeps } from './subject-run';

let deps: SubjectRunDeps | undefined;

export function cycleRunDeps(): SubjectRunDeps {
  deps ??= { ...cycleDeps(), flows: phaseFlows(), reports: actielijnReports() };
  return deps;
}
