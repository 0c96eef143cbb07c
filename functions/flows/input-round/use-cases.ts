/**
 * Use cases of input rounds (uitvraag): the office creates a round, the workflow lets time act
 * (reminders, at the deadline the summary and the escalations), each partner answers through its
 * contacts' links and each person asked through their own, and the office records written input.
 * Handlers and other flows import them from here.
 */
export { openInputLink, type InputFormResult, type InputLinkView, submitInput } from './answers';
export { type CreateInputRoundRequest, createInputRound } from './create-input-round';
export { answerLink } from './input-access';
export { advanceInput, openInput, parkInput } from './input-steps';
export { cancelInputRound, moveInputDeadline } from './office-actions';
export type { InputRoundDeps, InputRoundStore } from './ports';
export { recordWrittenInput, type WrittenInputRequest } from './written-input';
