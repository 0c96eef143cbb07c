/**
 * What other flows may use of public events: the directory's export and erasure of a person's
 * registrations. Everything else in this folder is the flow's own.
 */
export { eventDeps } from './deps';
export {
  eraseRegistrationsOfAddress,
  type PersonEventDeps,
  type PersonRegistration,
  registrationsOfAddress,
} from './personal';
export { DynamoEventStore } from './store';
// The console's event pages read the office's use cases.
export { freePlaces, type PublicEvent, waitingList } from './event';
export { listEvents, readEvent, recordOutcome } from './office';
export { Outcome } from './schemas';
// The calendar (functions/flows/calendar) reads the events of a window by their start.
export { type EventInWindow, eventsIn } from './calendar';
