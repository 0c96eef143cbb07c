/**
 * What the cycle changes in a flow its phase started, through that flow's own exported use case:
 * its date follows the phase's moved due date, and a cancelled cycle stops it. Each flow keeps its
 * own rules, so a move it refuses (an approval round's deadline only goes later) comes back as its
 * ValidationError or ConflictError, for the cycle to show on the phase (flow-sync.ts).
 */
import type { FlowKind } from './status';
import { cancelApprovalRound, extendDeadline, roundDeps } from '../approval-round';
import { cancelFollowUp, followUpDeps, steerFollowUp } from '../follow-up';
import { cancelConsultation, consultationDeps, moveConsultationDeadline } from '../consultation';
import { cancelInputRound, inputRoundDeps, moveInputDeadline } from '../input-round';
import { moveAgendaItem, stopAgendaItem } from './phase-agenda';

/** Move the flow's own date: the action item's due date, the round's deadline. */
export async function moveFlow(kind: FlowKind, id: string, due: string, reason: string, actor: string): Promise<void> {
  if (kind === 'agendaItem') await moveAgendaItem();
  else if (kind === 'followUp') await steerFollowUp(followUpDeps(), id, { action: 'move', due, reason }, actor);
  else if (kind === 'inputRound') await moveInputDeadline(inputRoundDeps(), id, due, actor);
  else if (kind === 'consultation') await moveConsultationDeadline(consultationDeps(), id, due, actor);
  else await extendDeadline(roundDeps(), id, due, actor);
}

/** Stop the flow: nobody in it is reminded or escalated to any more. */
export async function stopFlow(kind: FlowKind, id: string, reason: string, actor: string): Promise<void> {
  if (kind === 'agendaItem') await stopAgendaItem(id);
  else if (kind === 'followUp') await cancelFollowUp(followUpDeps(), id, reason, actor);
  else if (kind === 'inputRound') await cancelInputRound(inputRoundDeps(), id, reason, actor);
  else if (kind === 'consultation') await cancelConsultation(consultationDeps(), id, reason, actor);
  else await cancelApprovalRound(roundDeps(), id, reason, actor);
}
