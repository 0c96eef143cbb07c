/** Input rounds on the shared watchdog (engine/watchdog.ts): their status, workflow and office notice. */
import type { InputRound } from './input-round';
import type { InputRoundDeps } from './ports';
import type { WatchedFlow } from '../../engine/watchdog';
import { tellOfficeStopped } from '../../engine/watchdog-email';

export function watchedInputRounds(
  deps: InputRoundDeps,
  runningExecutions: () => Promise<string[]>,
): WatchedFlow<InputRound> {
  return {
    store: deps.inputs,
    openStatuses: ['open'],
    runningExecutions,
    start: (id, name) => deps.workflow.startInputRound(id, name),
    resume: (token, output) => deps.workflow.resume(token, output),
    tellOffice: (round) =>
      tellOfficeStopped(deps, deps.inputs, round.id, 'De uitvraag', round.title, `/console/input-rounds/${round.id}`),
  };
}
