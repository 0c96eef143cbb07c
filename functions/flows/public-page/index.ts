/**
 * What other flows may use of this flow: its use cases, its composition root and the model
 * they read. Everything else in this folder is the flow's own (the linter holds other flows to this file).
 */
export { publicMinutesLines } from './minutes';
// The events' and consultations' public frames link to /verantwoording with the same words.
export { accountabilityLink } from './public-list-page';
