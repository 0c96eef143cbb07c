/** The meeting workflow's task steps: let time act, and wait for an answer, a change or the next moment. */
import { workflowStepsHandler } from '../../engine/workflow-steps';
import { composeWithCalendar } from './calendar-mime';
import { meetingDeps } from './deps';
import { advanceMeeting, parkMeeting } from './use-cases';

export const handler = workflowStepsHandler('meetingId', () => meetingDeps(composeWithCalendar), {
  advance: advanceMeeting,
  park: parkMeeting,
  continueAs: (deps, id, name) => deps.workflow.startMeeting(id, name),
});
