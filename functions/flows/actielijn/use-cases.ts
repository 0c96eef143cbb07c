/**
 * The office's use cases for actielijnen: create, read, list, change the fields, write a new current
 * state; and the one other flows use, recordProgress: the monitoring cycle's trekker update becomes
 * the current state. Plain code on ports (no AWS), like cycle/office.ts.
 */
import { type Actielijn, type ActielijnStatus, type StateUpdate, withState } from './actielijn';
import type { AddState, CreateActielijn, UpdateActielijn } from './schemas';
import type { AuditEntry, Directory, VersionedDocs } from '../../engine/ports';
import { mutateVersioned } from '../../engine/versioned-write';
import { ConflictError, KEY_REUSED_MESSAGE, NotFoundError, ValidationError } from '../../platform/errors';
import { idForKey, requestHash } from '../../platform/keyed-create';

export type ActielijnStore = Pick<
  VersionedDocs<Actielijn, ActielijnStatus>,
  'create' | 'get' | 'list' | 'save' | 'appendAudit' | 'listAudit'
>;

export interface ActielijnDeps {
  actielijnen: ActielijnStore;
  directory: Pick<Directory, 'getPerson' | 'listOrganisations'>;
  now: () => Date;
}

export async function loadActielijn(deps: Pick<ActielijnDeps, 'actielijnen'>, id: string): Promise<Actielijn> {
  const a = await deps.actielijnen.get(id);
  if (!a) throw new NotFoundError('actielijn', id);
  return a;
}

export const listActielijnen = (deps: Pick<ActielijnDeps, 'actielijnen'>, status?: ActielijnStatus) =>
  deps.actielijnen.list(status);

export async function readActielijn(deps: ActielijnDeps, id: string): Promise<Actielijn & { timeline: AuditEntry[] }> {
  const a = await loadActielijn(deps, id);
  return { ...a, timeline: await deps.actielijnen.listAudit(id) };
}

const auditKey = (version: number, what: string) => `v${String(version).padStart(6, '0')}:${what}`;

const audit = (deps: ActielijnDeps, a: Actielijn, what: string, actor: string, details?: object) =>
  deps.actielijnen.appendAudit(a.id, {
    key: auditKey(a.version, what),
    at: deps.now().toISOString(),
    kind: what,
    actor,
    details: details as Record<string, unknown>,
  });

/** The trekkers and the contact person are in the directory (a trekker by its organisation, active). */
async function directoryRefusals(
  deps: ActielijnDeps,
  req: Pick<UpdateActielijn, 'trekkerOrganisationIds' | 'contactPersonId'>,
): Promise<void> {
  const fields: Record<string, string> = {};
  if (req.trekkerOrganisationIds) {
    const orgs = new Map((await deps.directory.listOrganisations()).map((o) => [o.id, o]));
    const unknown = req.trekkerOrganisationIds.filter((id) => orgs.get(id)?.active === false || !orgs.has(id));
    if (unknown.length) fields.trekkerOrganisationIds = `unknown organisation ${unknown.join(', ')}`;
  }
  if (req.contactPersonId && !(await deps.directory.getPerson(req.contactPersonId))?.active)
    fields.contactPersonId = `unknown person ${req.contactPersonId}`;
  if (Object.keys(fields).length) throw new ValidationError(fields);
}

/**
 * Create an actielijn. Under an Idempotency-Key the id derives from the caller and the key and it
 * keeps the request's hash, so the same request again finds it; another request under the key is a 409.
 */
export async function createActielijn(
  deps: ActielijnDeps,
  req: CreateActielijn,
  actor: string,
  options: { idempotencyKey?: string } = {},
): Promise<Actielijn> {
  const { idempotencyKey } = options;
  const id = idForKey('al', actor, idempotencyKey);
  const hash = idempotencyKey ? requestHash(req) : undefined;
  if (idempotencyKey) {
    const existing = await deps.actielijnen.get(id);
    if (existing) {
      if (existing.requestHash !== hash) throw new ConflictError(KEY_REUSED_MESSAGE);
      await audit(deps, existing, 'created', existing.createdBy);
      return existing;
    }
  }
  await directoryRefusals(deps, req);
  const at = deps.now().toISOString();
  const { currentState, ...fields } = req;
  const a: Actielijn = {
    ...fields,
    trekkerOrganisationIds: [...new Set(fields.trekkerOrganisationIds)],
    id,
    status: 'active',
    stateHistory: currentState ? [{ at, text: currentState, by: actor }] : [],
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    version: 1,
    ...(hash ? { requestHash: hash } : {}),
  };
  try {
    await deps.actielijnen.create(a);
  } catch (err) {
    // The same request twice at once: the other stored it first; answer with that one.
    if (!(idempotencyKey && err instanceof ConflictError)) throw err;
    return createActielijn(deps, req, actor, options);
  }
  await audit(deps, a, 'created', actor);
  return a;
}

const conflict = (read: number, now: number) =>
  new ConflictError(`actielijn changed since version ${read} (now version ${now}); read it again and retry`);

/** One conditional write on the version the office read; a write in between is a 409, not a retry. */
async function onVersion(deps: ActielijnDeps, id: string, version: number, change: (a: Actielijn) => Actielijn) {
  const a = await loadActielijn(deps, id);
  if (a.version !== version) throw conflict(version, a.version);
  const next = change(a);
  const saved = await deps.actielijnen.save(next, version);
  if (!saved.ok) throw conflict(version, (await loadActielijn(deps, id)).version);
  return next;
}

export async function updateActielijn(
  deps: ActielijnDeps,
  id: string,
  req: UpdateActielijn,
  actor: string,
): Promise<Actielijn> {
  await loadActielijn(deps, id);
  await directoryRefusals(deps, req);
  const { version, ...changes } = req;
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const next = await onVersion(deps, id, version, (a) => ({
    ...a,
    ...set,
    updatedAt: deps.now().toISOString(),
    version: a.version + 1,
  }));
  await audit(deps, next, 'updated', actor, { fields: Object.keys(set) });
  return next;
}

/** The office writes the current state itself (a conversation, a meeting's minutes). */
export async function addState(deps: ActielijnDeps, id: string, req: AddState, actor: string): Promise<Actielijn> {
  const update: StateUpdate = { at: deps.now().toISOString(), text: req.text, by: actor };
  const next = await onVersion(deps, id, req.version, (a) => withState(a, update)!);
  await audit(deps, next, 'state', actor);
  return next;
}

/**
 * A monitoring cycle's progress update becomes the current state: written on the latest version
 * (retried on a write in between), once per cycle and phase. An unknown actielijn is a NotFoundError.
 */
export async function recordProgress(deps: ActielijnDeps, id: string, update: StateUpdate): Promise<boolean> {
  const saved = await mutateVersioned(
    { load: (x) => loadActielijn(deps, x), save: (n, v) => deps.actielijnen.save(n, v) },
    id,
    (a) => withState(a, update),
  );
  if (saved) await audit(deps, saved.after, 'state', update.by, { source: update.source });
  return saved !== null;
}

/** The actielijn, or null when there is none (for a cycle that names one). */
export async function findActielijn(deps: Pick<ActielijnDeps, 'actielijnen'>, id: string): Promise<Actielijn | null> {
  return deps.actielijnen.get(id);
}
