/**
 * The format of a cycle template: a plan of dated phases, each one of the flows the product has
 * (or will have), with dates relative to named anchor dates or to the phase's own start, and gates
 * (a phase starts when others are done). Checked with zod when the templates load (templates.ts),
 * so a mistake in a data file stops start-up with its place named instead of surfacing mid-cycle.
 */
import * as z from 'zod/mini';
import { parseIsoDuration } from '../../platform/iso-duration';

/**
 * The flows a phase can be (`residentInput`: an input round to the residents, each answering for
 * themselves; `consultation`: a public question anyone may answer, done once its summary is out).
 */
export const PHASE_KINDS = [
  'inputRound',
  'residentInput',
  'task',
  'agendaItem',
  'approvalRound',
  'consentRound',
  'report',
  'publication',
  'consultation',
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** Who fills a phase; the office names the people and partners for each role when it starts a cycle. */
export const ROLES = [
  'programmeTeam',
  'board',
  'kerngroep',
  'opgaveteams',
  'partners',
  'residents',
  'submitter',
  'advisoryCommittee',
  'trekker',
] as const;
export type Role = (typeof ROLES)[number];

const KEY = /^[a-z][A-Za-z0-9]{0,39}$/;
const key = z.string().check(z.regex(KEY, 'use a name such as boardMeeting: letters and digits, starting lower case'));

/** A duration as the platform reads it (iso-duration.ts): P21D, -P3W, P3M; `sign` says which way it may point. */
const duration = (sign: 'any' | 'forward' | 'positive') =>
  z.string().check(
    z.refine(
      (s) => {
        const d = parseIsoDuration(s);
        if (!d) return false;
        const parts = Object.values(d);
        if (sign === 'positive') return parts.some((v) => v > 0) && parts.every((v) => v >= 0);
        return sign === 'any' || parts.every((v) => v >= 0);
      },
      `use an ISO-8601 duration such as ${sign === 'any' ? '-P21D' : 'P14D'}${sign === 'any' ? '' : ', not negative'}`,
    ),
  );

/** Words people read, Dutch first (B1), English alongside. */
const words = (max: number) =>
  z.strictObject({
    nl: z.string().check(z.minLength(1), z.maxLength(max)),
    en: z.string().check(z.minLength(1), z.maxLength(max)),
  });

/** A wall-clock time of day in Amsterdam, "17:00": the date falls on this time whatever the anchor's time is. */
const time = z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a time such as 17:00')));

/** A date relative to an anchor: `offset` after (or, negative, before) it on Amsterdam's calendar. */
export const AnchorDate = z.strictObject({ anchor: key, offset: duration('any'), time });

/**
 * When a phase starts: after the phases in `after` are done (a gate), on a date, or both, in which
 * case `when` says whether the first or the last of the two starts it.
 */
const StartRule = z
  .strictObject({
    after: z.optional(z.array(key).check(z.minLength(1))),
    on: z.optional(AnchorDate),
    when: z.optional(z.enum(['first', 'last'])),
  })
  .check(
    z.refine((s) => Boolean(s.after || s.on), 'give after (phases it waits for), on (a date), or both'),
    z.refine((s) => !(s.after && s.on) || Boolean(s.when), 'with both after and on, say when: first or last'),
    z.refine((s) => !s.when || Boolean(s.after && s.on), 'when is only for a start with both after and on'),
  );

/** The due date: relative to an anchor, or to the phase's own (planned) start. */
const DueRule = z.union([AnchorDate, z.strictObject({ afterStart: duration('forward'), time })]);

export const Phase = z.strictObject({
  key,
  kind: z.enum(PHASE_KINDS),
  role: z.enum(ROLES),
  title: words(120),
  /** What the phase asks of its role (an input round's questions, the parts of an update). */
  asks: z.optional(z.array(z.strictObject({ key, nl: z.string(), en: z.string() }))),
  start: StartRule,
  due: DueRule,
  /** The phase comes again every `every` (P6M: half-yearly), up to the plan's horizon. */
  repeat: z.optional(z.strictObject({ every: duration('positive') })),
});

export const Template = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,59}$/, 'use an id such as spuk-application')),
  name: words(120),
  description: words(1000),
  anchors: z.array(z.strictObject({ key, name: words(120) })).check(z.minLength(1)),
  phases: z.array(Phase).check(z.minLength(1)),
});

export type AnchorDate = z.infer<typeof AnchorDate>;
export type Phase = z.infer<typeof Phase>;
export type Template = z.infer<typeof Template>;
export type Words = Template['name'];
