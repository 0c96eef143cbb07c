/**
 * Whether what a document is for exists, and which parts it has: a round (its one part `main`), a
 * meeting (each agenda line `item-<id>`, and `minutes`), an input round (`main`, or one partner's
 * delivery `org-<organisationId>`). Read through each flow's exported store or use case.
 */
import { loadRound, roundDeps } from '../approval-round';
import { DynamoInputRoundStore } from '../input-round';
import { agendaOf, DynamoMeetingStore, type Meeting } from '../meeting';
import { config } from '../../platform/config';
import { NotFoundError, ValidationError } from '../../platform/errors';
import type { Owner } from './document';

export async function readMeeting(id: string): Promise<Meeting> {
  const meeting = await new DynamoMeetingStore(config().tableName).get(id);
  if (!meeting) throw new NotFoundError('meeting', id);
  return meeting;
}

const meetingParts = (m: Meeting) => [...agendaOf(m).map((line) => `item-${line.id}`), 'minutes'];

/** The owner as it stands: NotFoundError when it is not there, ValidationError for a part it does not have. */
export async function checkOwner(owner: Owner): Promise<void> {
  let parts: string[];
  if (owner.kind === 'round') {
    await loadRound(roundDeps(), owner.id);
    parts = ['main'];
  } else if (owner.kind === 'meeting') {
    parts = meetingParts(await readMeeting(owner.id));
  } else {
    const round = await new DynamoInputRoundStore(config().tableName).get(owner.id);
    if (!round) throw new NotFoundError('input round', owner.id);
    parts = ['main', ...round.organisationIds.map((o) => `org-${o}`)];
  }
  if (!parts.includes(owner.part)) throw new ValidationError({ part: `one of: ${parts.join(', ')}` });
}
