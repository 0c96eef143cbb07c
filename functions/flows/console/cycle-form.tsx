/**
 * The form to start a cycle: first the template, then its anchor dates (a date and a time each,
 * Amsterdam time) and the people or partners for each role its phases need. Each role offers the
 * likely people first (the board's members for the board, residents for residents, the partners for
 * the partners) and everyone else folded away, so the page stays short on a phone.
 */
import { randomBytes } from 'node:crypto';
import type { Body, Organisation, Person } from '../../engine/directory';
import { Choice, FieldError, type FieldErrors, Hidden } from '../../engine/ui/form';
import type { Lang } from '../../platform/time';
import type { Role, Template } from '../cycle';
import { cycleWords } from './cycle-words';
import { InputField, stillActive } from './fields';
import { type ConsoleContext, consolePage, FormPage } from './ui';

export interface NewCycleValues {
  anchors: Record<string, { date: string; time: string }>;
  /** Per role, the chosen people's and partners' ids. */
  people: Record<string, string[]>;
  orgs: Record<string, string[]>;
}

export const anchorField = (key: string, part: 'date' | 'time') => `anchor-${key}-${part}`;
export const roleField = (role: string) => `role-${role}`;

/** The roles a template's phases need, in the order the phases come, with the phases' titles. */
export function templateRoles(t: Template, lang: Lang): [Role, string[]][] {
  const roles = new Map<Role, string[]>();
  for (const p of t.phases) roles.set(p.role, [...(roles.get(p.role) ?? []), p.title[lang]]);
  return [...roles];
}

/** Whom a role is likely filled by: its body's members, residents, the programme office. */
export function likelyPeople(role: Role, people: Person[], bodies: Body[]): Person[] {
  const members = (kind: Body['kind']) =>
    new Set(
      bodies.filter((b) => b.kind === kind && b.active !== false).flatMap((b) => b.members.map((m) => m.personId)),
    );
  const inBody = (kind: Body['kind']) => people.filter((p) => members(kind).has(p.id));
  switch (role) {
    case 'board':
      return inBody('board');
    case 'kerngroep':
      return inBody('core-group');
    case 'opgaveteams':
      return inBody('theme-group');
    case 'residents':
      return people.filter((p) => p.kind === 'resident');
    case 'programmeTeam':
    case 'submitter':
      return people.filter((p) => p.kind === 'programme-office');
    default:
      return people;
  }
}

/** A fresh form proposes the board's and the kerngroep's voting members: their rounds go to the whole body anyway. */
export function proposedValues(t: Template, bodies: Body[]): NewCycleValues {
  const voting = (kind: Body['kind']) =>
    bodies
      .filter((b) => b.kind === kind && b.active !== false)
      .flatMap((b) => b.members.filter((m) => m.voting).map((m) => m.personId));
  const people: Record<string, string[]> = {};
  for (const [role] of templateRoles(t, 'nl')) {
    if (role === 'board') people.board = voting('board');
    if (role === 'kerngroep') people.kerngroep = voting('core-group');
  }
  return { anchors: {}, people, orgs: {} };
}

/** Step one: which template. Each with its description, so the office sees what it starts. */
export function chooseTemplatePage(ctx: ConsoleContext, templates: Template[]): string {
  const w = cycleWords[ctx.lang];
  const body = (
    <>
      <h1>{w.newCycle}</h1>
      <h2>{w.chooseTemplate}</h2>
      <div class="cards">
        {templates.map((t) => (
          <div class="card">
            <h3>{t.name[ctx.lang]}</h3>
            <p>{t.description[ctx.lang]}</p>
            <a class="button" href={`/console/cycles/new?template=${encodeURIComponent(t.id)}`}>
              {w.useTemplate}
              <span class="skip">: {t.name[ctx.lang]}</span>
            </a>
          </div>
        ))}
      </div>
    </>
  );
  return consolePage(ctx, 'cycles', w.newCycle, body);
}

function Checks(p: { name: string; list: { id: string; name: string }[]; chosen: string[]; firstId?: string }) {
  return (
    <>
      {p.list.map((x, i) => (
        <Choice
          type="checkbox"
          id={i === 0 ? p.firstId : undefined}
          name={p.name}
          value={x.id}
          checked={p.chosen.includes(x.id)}
          label={x.name}
        />
      ))}
    </>
  );
}

function RoleChoice(p: {
  lang: Lang;
  role: Role;
  phases: string[];
  people: Person[];
  bodies: Body[];
  orgs: Organisation[];
  v: NewCycleValues;
  errors?: FieldErrors;
}) {
  const w = cycleWords[p.lang];
  const id = roleField(p.role);
  const chosenPeople = p.v.people[p.role] ?? [];
  const likely = p.role === 'partners' ? [] : likelyPeople(p.role, p.people, p.bodies);
  const others = p.people.filter((x) => !likely.includes(x));
  const orgs = p.role === 'partners' ? p.orgs : [];
  // Folded open when one of its people is chosen, so what was sent stays in sight.
  const othersOpen = others.some((x) => chosenPeople.includes(x.id));
  return (
    <fieldset>
      <legend id={id}>{w.roles[p.role]}</legend>
      <span class="hint">{w.roleHint(p.phases.join('; '))}</span>
      <FieldError errors={p.errors} id={id} />
      <Checks name={`orgs-${p.role}`} list={orgs} chosen={p.v.orgs[p.role] ?? []} />
      <Checks name={`people-${p.role}`} list={likely} chosen={chosenPeople} />
      {others.length ? (
        <details open={othersOpen}>
          <summary>{w.others}</summary>
          <Checks name={`people-${p.role}`} list={others} chosen={chosenPeople} />
        </details>
      ) : null}
    </fieldset>
  );
}

export function newCyclePage(
  ctx: ConsoleContext,
  t: Template,
  dir: { people: Person[]; bodies: Body[]; orgs: Organisation[] },
  v: NewCycleValues,
  errors?: FieldErrors,
): string {
  const w = cycleWords[ctx.lang];
  const people = dir.people.filter((x) => x.active);
  const orgs = stillActive(dir.orgs).filter((o) => o.contactIds.length > 0);
  const title = `${w.newCycle}: ${t.name[ctx.lang]}`;
  const body = (
    <FormPage ctx={ctx} title={title} errors={errors} action="/console/cycles">
      <Hidden name="templateId" value={t.id} />
      <Hidden name="once" value={randomBytes(18).toString('base64url')} />
      <p>{t.description[ctx.lang]}</p>
      <h2>{w.anchors}</h2>
      <p class="hint">{w.anchorsHint}</p>
      <>
        {t.anchors.map((a) => (
          <fieldset>
            <legend>{a.name[ctx.lang]}</legend>
            <InputField
              type="date"
              id={anchorField(a.key, 'date')}
              label={w.date}
              errors={errors}
              value={v.anchors[a.key]?.date ?? ''}
              required
            />
            <InputField
              type="time"
              id={anchorField(a.key, 'time')}
              label={w.time}
              value={v.anchors[a.key]?.time ?? ''}
              required
            />
          </fieldset>
        ))}
      </>
      <h2>{w.who}</h2>
      <>
        {templateRoles(t, ctx.lang).map(([role, phases]) => (
          <RoleChoice
            lang={ctx.lang}
            role={role}
            phases={phases}
            people={people}
            bodies={dir.bodies}
            orgs={orgs}
            v={v}
            errors={errors}
          />
        ))}
      </>
      <button type="submit" id="start-cycle">
        {w.start}
      </button>
    </FormPage>
  );
  return consolePage(ctx, 'cycles', title, body);
}
