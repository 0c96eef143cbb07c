/** What other flows may use of actielijnen: the monitoring cycle records progress, the public page reads. */
export { type Actielijn, currentState, isReported, type StateUpdate } from './actielijn';
export { actielijnDeps, pageActielijnen } from './deps';
export { DynamoActielijnStore } from './store';
export { type ActielijnDeps, findActielijn, listActielijnen, loadActielijn, recordProgress } from './use-cases';
export { type PublicActielijn, publicActielijn } from './views';
