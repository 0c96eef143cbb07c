/** What other flows may use of consultations: the directory's export and erasure of a person. */
export { type Answer, type Consultation, deadlineRefusal, expandAreas } from './consultation';
export { consultationStore } from './deps';
export { type ConsultationAnswerExport, consultationAnswersOf, eraseConsultationAnswers } from './privacy';
export { consultationDeps } from './deps';
export { CreateConsultation, PublishOutcome, PublishSummary } from './schemas';
export { createConsultation, listConsultations, publishOutcome, publishSummary, readConsultation } from './use-cases';
export {
  cancelConsultation,
  moveConsultationDeadline,
  phaseConsultationState,
  startPhaseConsultation,
} from './phase';
