/**
 * What the office sends for events, and what a resident's registration form holds. Checked by zod
 * with the shared field messages (platform/validation.ts), as on every route.
 */
import * as z from 'zod/mini';
import { EVENT_KINDS, MAX_PEOPLE, NEEDS } from './event';
import { isoWithOffset, text, webAddress } from '../../platform/schemas';

const when = z
  .strictObject({ start: isoWithOffset, end: isoWithOffset })
  .check(z.refine((w) => Date.parse(w.end) > Date.parse(w.start), 'the end must be after the start'));

/** One event, or a series: the same event on up to 12 dates (`dates` instead of `start` and `end`). */
export const CreateEvent = z
  .strictObject({
    kind: z.enum(EVENT_KINDS),
    title: text(3, 200),
    theme: text(2, 200),
    description: text(3, 4000, true),
    place: text(2, 200),
    address: text(2, 300),
    start: z.optional(isoWithOffset),
    end: z.optional(isoWithOffset),
    dates: z.optional(z.array(when).check(z.minLength(1), z.maxLength(12))),
    accessibility: text(3, 1000, true),
    languages: z.array(text(2, 60)).check(z.minLength(1), z.maxLength(12)),
    capacity: z.int().check(z.minimum(1), z.maximum(500)),
  })
  .check(
    z.refine(
      (e) => (e.dates ? !e.start && !e.end : Boolean(e.start && e.end && Date.parse(e.end) > Date.parse(e.start))),
      'give either start and end (the end after the start) or dates',
    ),
  );
export type CreateEvent = z.infer<typeof CreateEvent>;

/** What was heard at the event, or what was done with it (with links to the decisions and action items). */
export const Outcome = z.strictObject({
  text: text(3, 4000, true),
  links: z._default(
    z.array(z.strictObject({ title: text(2, 200), url: webAddress(/^https?$/) })).check(z.maxLength(10)),
    [],
  ),
});
export type Outcome = z.infer<typeof Outcome>;

export const CancelEvent = z.strictObject({ reason: text(3, 1000, true) });

const needs = z.array(z.enum(NEEDS)).check(z.maxLength(NEEDS.length));
const people = z.int().check(z.minimum(1), z.maximum(MAX_PEOPLE));

/** The public registration form, after its fields were read (pages.tsx words the errors). */
export const RegistrationForm = z.strictObject({
  name: text(2, 100),
  email: z.pipe(text(3, 254), z.email()),
  people,
  needs,
  language: z.optional(text(2, 60)),
  lang: z.enum(['nl', 'en']),
  consent: z.boolean(),
});

export const ChangeForm = z.strictObject({ people, needs, language: z.optional(text(2, 60)) });
