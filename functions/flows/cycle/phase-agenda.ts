/**
 * An `agendaItem` phase: the cycle puts its item on the board's meeting on the phase's due date
 * (for the SPUK application: the board meeting of the anchor date) through the meeting flow's own
 * use case, and the phase is done once that meeting was held with it. A meeting cancelled, or the
 * item moved to next month by the chair, hands the phase back to the office.
 */
import type { FlowState, StartRequest } from './run';
import { agendaItemState, DynamoMeetingStore, placeOnAgenda, withdrawFromAgenda } from '../meeting';
import { ValidationError } from '../../platform/errors';
import { config } from '../../platform/config';
import { now } from '../../platform/clock';

/** The flow's id on the phase: the meeting and the item in it, as the console links to the meeting. */
const SEPARATOR = '#';

let store: DynamoMeetingStore | undefined;
const deps = () => {
  store ??= new DynamoMeetingStore(config().tableName);
  return { meetings: store, now };
};

/** Every agenda phase of the shipped templates is the board's (alliantiebestuur) meeting. */
export async function startAgendaItem(req: StartRequest, boardId: string, actor: string, key: string): Promise<string> {
  // The item's id from the cycle and the phase: a retried step finds the item it placed.
  const itemId = `i-${actor.replace(/[^\w-]/g, '-')}-${key}`;
  const { meetingId } = await placeOnAgenda(deps(), {
    bodyId: boardId,
    on: req.due,
    itemId,
    title: req.title,
    explanation: req.request,
    broughtBy: 'Het programmabureau',
    submittedBy: actor,
  });
  return `${meetingId}${SEPARATOR}${itemId}`;
}

const parts = (id: string) => {
  const at = id.lastIndexOf(SEPARATOR);
  return [id.slice(0, at), id.slice(at + 1)] as const;
};

export async function readAgendaItem(id: string): Promise<FlowState> {
  const s = await agendaItemState(deps(), ...parts(id));
  if (s.ended === 'held') return { ended: 'done', at: s.at };
  return { ended: s.ended, ...(s.due ? { due: s.due } : {}) };
}

/**
 * A moved due date does not move a meeting: the item stays on the meeting it is on, and the phase
 * shows the move as refused (facts.moveRefused), so the office puts it on another meeting itself.
 */
export async function moveAgendaItem(): Promise<never> {
  throw new ValidationError({
    due: 'het agendapunt staat al op een vergadering; zet het zelf op een andere vergadering',
  });
}

/** A cancelled cycle takes its item off an agenda still being filled. */
export async function stopAgendaItem(id: string): Promise<void> {
  await withdrawFromAgenda(deps(), ...parts(id));
}
