/** What other flows may use of consultations: the directory's export and erasure of a person. */
export { type Consultation, type Answer } from './consultation';
export { consultationStore } from './deps';
export { type ConsultationAnswerExport, consultationAnswersOf, eraseConsultationAnswers } from './privacy';
