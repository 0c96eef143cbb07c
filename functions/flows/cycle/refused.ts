/**
 * A plan or a change to it that cannot be: a ValidationError (so the one error map answers 400 with
 * a message per field, as for every route), its field messages in Dutch, the programme office's
 * language, and the same in English alongside for an API caller that asks for English.
 */
import type { Refusal } from './texts';
import { ConflictError, ValidationError } from '../../platform/errors';

export class CycleRefused extends ValidationError {
  override name = 'CycleRefused';
  readonly en: Record<string, string>;
  constructor(readonly refusals: Refusal[]) {
    super(Object.fromEntries(refusals.map((r) => [r.field, r.nl])));
    this.en = Object.fromEntries(refusals.map((r) => [r.field, r.en]));
  }
}

/** Throws when there is anything to refuse. */
export function refuseIf(refusals: Refusal[]): void {
  if (refusals.length) throw new CycleRefused(refusals);
}

/** A 409 of the cycle (changed since read, or ended): the Dutch message, and the English alongside. */
export class CycleConflict extends ConflictError {
  override name = 'CycleConflict';
  constructor(
    readonly nl: string,
    readonly en: string,
  ) {
    super(nl);
  }
}
