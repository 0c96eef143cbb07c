/**
 * What other flows may use of this flow: its use cases, its composition root and the model
 * they read. Everything else in this folder is the flow's own (the linter holds other flows to this file).
 */
export { inputRoundDeps, pageInputRounds } from './deps';
export { loadInput as loadInputRound, respondentFor } from './input-access';
// A partner's delivered file goes with their answer, through their own link (documents flow).
export { partnerOfLink } from './answers';
export {
  asksPeople,
  type InputRound,
  pendingPartners,
  respondentsOf,
  WRITTEN_VIA,
  type WrittenVia,
} from './input-round';
export { CreateInputRound, CreatePeopleInputRound, RecordWrittenInput } from './schemas';
export {
  type InputRoundDeps,
  answerLink,
  cancelInputRound,
  createInputRound,
  moveInputDeadline,
  recordWrittenInput,
} from './use-cases';
export { inputRequestMail } from './emails';
export { inputWords } from './texts';
export { erasePersonInput, type PersonInput, type PersonInputDeps, personInput } from './personal-input';
export { DynamoInputRoundStore } from './store';
// The calendar (functions/flows/calendar) reads input rounds by their deadline.
export { inputRoundsDueIn } from './calendar';
