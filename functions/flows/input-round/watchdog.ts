/** Input rounds on the shared watchdog (engine/watchdog.ts): their status, workflow and office notice. */
import type { InputRound } from './input-round';
import type { InputRoundDeps } from './ports';
import { sendAndRecordVia } from '../../engine/mail-ledger';
import type { WatchedFlow } from '../../engine/watchdog';
import { stoppedFlowMail } from '../../engine/watchdog-email';

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
      sendAndRecordVia(
        deps,
        deps.inputs,
        round.id,
        'watchdog:office',
        deps.settings.officeEmail,
        'notice',
        stoppedFlowMail('De uitvraag', round.title, `${deps.settings.publicBaseUrl}/console/input-rounds/${round.id}`),
      ),
  };
}
