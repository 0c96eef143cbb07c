/** The consultation flow's composition root, once per cold start: its store, the mail, the clock. */
import { DynamoConsultationStore } from './store';
import type { ConsultationDeps } from './use-cases';
import { flowDeps } from '../../engine/deps';
import { config } from '../../platform/config';

let deps: ConsultationDeps | undefined;

export function consultationDeps(): ConsultationDeps {
  if (!deps) {
    const shared = flowDeps();
    deps = { consultations: new DynamoConsultationStore(config().tableName), mail: shared, now: shared.now };
  }
  return deps;
}

let store: DynamoConsultationStore | undefined;
/** The store alone, for the export and erasure of a person (directory flow): no mailer needed. */
export const consultationStore = () => (store ??= new DynamoConsultationStore(config().tableName));
