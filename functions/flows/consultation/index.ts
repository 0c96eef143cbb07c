/** What other flows may use of consultations: the directory's export and erasure of a person. */
export { type Consultation, type Answer } from './consultation';
export { consultationStore } from './deps';
export { type ConsultationAnswerExport, consultationAnswersOf, eraseConsultationAnswers } from './privacy';
export { consultationDeps } from './deps';
export { PublishOutcome, PublishSummary } from './schemas';
export { listConsultations, publishOutcome, publishSummary, readConsultation } from './use-cases';
