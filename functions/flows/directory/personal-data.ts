/**
 * Personal data per person (AVG/GDPR): export everything the product holds about someone, or
 * erase it. Erasing keeps decisions on record under a pseudonym: the person id stays, the name and
 * address go, so a decision dossier still shows that "a member" decided, not who. The emails to
 * them in the mail outbox are found by key (the store's per-person index): the export lists them,
 * the erasure takes their address and bodies out. Their input in input rounds (a resident's own
 * words) is in the export, and the erasure takes its text out (input-round/personal-input.ts). So
 * with consultation answers given with the person's email (consultation/privacy.ts): found by the email,
 * as a resident answers without an account.
 */
import { createHash } from 'node:crypto';
import type { Person } from '../../engine/directory';
import type { PersonalMail, PersonMail } from '../../engine/mail-outbox';
import { NotFoundError } from '../../platform/errors';
import type { AuditEntry, Directory } from '../../engine/ports';
import type { RoundStore } from '../approval-round';
import {
  eraseRegistrationsOfAddress,
  type PersonEventDeps,
  type PersonRegistration,
  registrationsOfAddress,
} from '../event';
import { type ConsultationAnswerExport, consultationAnswersOf, eraseConsultationAnswers } from '../consultation';
import { erasePersonInput, type PersonInput, type PersonInputDeps, personInput } from '../input-round';

export interface PersonalDataDeps {
  directory: Directory & { savePerson(p: Person): Promise<void> };
  rounds: RoundStore;
  /** The person's emails in the mail outbox. */
  personalMail: PersonalMail;
  inputs: PersonInputDeps['inputs'];
  /** Public events: registrations made with the person's address. */
  events: PersonEventDeps['events'];
  /** Answers to public consultations, found by the person's email. */
  consultations: Parameters<typeof consultationAnswersOf>[0]['consultations'];
  now: () => Date;
}

export interface PersonalDataExport {
  person: Person;
  rounds: {
    roundId: string;
    title: string;
    status: string;
    answer: { choice: string; reason?: string; comment?: string; at: string } | null;
    earlierStages: { stage: string; result: string }[];
  }[];
  /** Input rounds that asked them, or in which they answered for a partner, with those answers. */
  inputRounds: PersonInput[];
  /** Registrations for public events made with their email address. */
  eventRegistrations: PersonRegistration[];
  /** Answers to public consultations given with their email address. */
  consultations: ConsultationAnswerExport[];
  actions: AuditEntry[];
  /** Every email to them, oldest first: to, subject, kind and state, not the body. */
  mail: PersonMail[];
}

async function roundsOf(deps: PersonalDataDeps, personId: string) {
  return (await deps.rounds.list()).filter((r) => r.approverIds.includes(personId));
}

export async function exportPersonalData(deps: PersonalDataDeps, personId: string): Promise<PersonalDataExport> {
  const person = await deps.directory.getPerson(personId);
  if (!person) throw new NotFoundError('person', personId);
  const [rounds, mail, input, eventRegistrations, consultations] = await Promise.all([
    roundsOf(deps, personId),
    deps.personalMail.ofPerson(personId),
    personInput(deps, personId),
    person.email ? registrationsOfAddress(deps, person.email) : [],
    consultationAnswersOf(deps, person.email),
  ]);
  const actions = (await Promise.all(rounds.map((r) => deps.rounds.listAudit(r.id))))
    .flat()
    .filter((e) => e.actor === personId)
    .concat(input.actions);
  return {
    person,
    rounds: rounds.map((r) => {
      const v = r.votes[personId];
      return {
        roundId: r.id,
        title: r.title,
        status: r.status,
        answer: v ? { choice: v.choice, reason: v.reason, comment: v.comment, at: v.at } : null,
        earlierStages: r.stages.map((s) => ({ stage: s.stage, result: s.result })),
      };
    }),
    inputRounds: input.inputRounds,
    eventRegistrations,
    consultations,
    actions,
    mail,
  };
}

export function pseudonym(personId: string): string {
  return `Lid ${createHash('sha256').update(personId).digest('hex').slice(0, 8)}`;
}

export async function erasePersonalData(deps: PersonalDataDeps, personId: string): Promise<Person> {
  const person = await deps.directory.getPerson(personId);
  if (!person) throw new NotFoundError('person', personId);
  const erased: Person = {
    id: person.id,
    name: pseudonym(person.id),
    email: '',
    lang: person.lang,
    kind: person.kind,
    active: false,
  };
  // Registrations for public events are found by the address, so they go while it is still known.
  if (person.email) await eraseRegistrationsOfAddress(deps, person.email);
  // The address goes from the directory first, so no new email is addressed to it; then from the
  // emails already recorded. Repeating an erasure that stopped half-way finds what is left.
  // The consultation answers are found by the address, so they go before it does.
  await eraseConsultationAnswers(deps, person.email);
  await deps.directory.savePerson(erased);
  await deps.personalMail.forgetPerson(person.id, deps.now().toISOString());
  await erasePersonInput(deps, person.id);
  return erased;
}
