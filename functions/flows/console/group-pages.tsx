/** Console pages for groups (bodies): the list with a form to add one, and a group with its members. */
import type { Body, Membership, Person } from '../../engine/directory';
import { Choice, ErrorSummary, FieldError, type FieldErrors, Hidden, type Option, Options } from '../../engine/ui/form';
import { InputField, named, SelectField, worded } from './fields';
import { type ConsoleContext, consolePage, PostForm, InactiveBadge, type ListPageProps, StatusNotice } from './ui';

export const BODY_KINDS = ['board', 'core-group', 'theme-group', 'plenary'] as const;
export const ROLES = ['chair', 'secretary', 'member', 'representative', 'substitute'] as const;

export function bodiesPage(
  ctx: ConsoleContext,
  bodies: Body[],
  errors?: FieldErrors,
  paging?: ListPageProps['paging'],
): string {
  const t = ctx.t;
  const card = (b: Body) => (
    <div class="card">
      <h2>
        <a href={`/console/bodies/${b.id}`}>{b.name}</a>
      </h2>
      <p>
        {t.bodyKinds[b.kind]} · {t.memberCount(b.members.length)}
        <InactiveBadge ctx={ctx} inactive={b.active === false} separator=" · " />
      </p>
    </div>
  );
  const body = (
    <>
      <h1>{t.bodies}</h1>
      <ErrorSummary title={t.errorsTitle} errors={errors} />
      {paging?.search}
      <div class="cards">{bodies.map(card)}</div>
      {paging?.pager}
      <h2>{t.addGroup}</h2>
      <PostForm ctx={ctx} action="/console/bodies" novalidate>
        <InputField type="text" id="name" label={t.groupName} errors={errors} required maxlength={160} />
        <SelectField id="kind" label={t.kind} options={worded(BODY_KINDS, t.bodyKinds)} selected="theme-group" />
        <button type="submit">{t.addGroup}</button>
      </PostForm>
    </>
  );
  return consolePage(ctx, 'bodies', t.bodies, body);
}

/** A select in a member row: its label is hidden on a wide screen (the column head says it). */
function CellSelect(p: { id: string; label: string; options: Option[]; selected?: string }) {
  return (
    <td>
      <label class="skip" for={p.id}>
        {p.label}
      </label>
      <select id={p.id} name={p.id}>
        <Options options={p.options} selected={p.selected} />
      </select>
    </td>
  );
}

/** One member's row: every field is named by the row number, the server reads them back by count. */
function MemberRow(p: {
  ctx: ConsoleContext;
  body: Body;
  bodies: Body[];
  m: Membership;
  i: number;
  name: (id: string) => string;
}) {
  const { t } = p.ctx;
  const { m, i } = p;
  const none = { value: '', label: t.none };
  const others = p.body.members.filter((o) => o.personId !== m.personId);
  return (
    <tr>
      <th scope="row">
        {p.name(m.personId)}
        <Hidden name={`m${i}.personId`} value={m.personId} />
      </th>
      <CellSelect id={`m${i}.role`} label={t.role} options={worded(ROLES, t.roles)} selected={m.role} />
      <td>
        <Choice
          type="checkbox"
          name={`m${i}.voting`}
          value="yes"
          checked={m.voting}
          label={<span class="skip">{t.voting}</span>}
        />
      </td>
      <CellSelect
        id={`m${i}.represents`}
        label={t.represents}
        options={[none, ...named(p.bodies.filter((b) => b.id !== p.body.id))]}
        selected={m.representsBodyId ?? ''}
      />
      <CellSelect
        id={`m${i}.substituteFor`}
        label={t.substituteFor}
        options={[none, ...others.map((o) => ({ value: o.personId, label: p.name(o.personId) }))]}
        selected={m.substituteFor ?? ''}
      />
      <td>
        <Choice
          type="checkbox"
          name={`m${i}.remove`}
          value="yes"
          checked={false}
          label={<span class="skip">{t.remove}</span>}
        />
      </td>
    </tr>
  );
}

/** The group's name, kind and whether it still takes part, behind a disclosure: changed rarely. */
function GroupSettings(p: { ctx: ConsoleContext; body: Body; errors?: FieldErrors }) {
  const { ctx, body, errors } = p;
  const t = ctx.t;
  return (
    <details open={Boolean(errors?.name)}>
      <summary>
        {t.edit}: {t.groupName.toLowerCase()}, {t.kind.toLowerCase()}, {t.active.toLowerCase()}
      </summary>
      <PostForm ctx={ctx} action={`/console/bodies/${body.id}/settings`} novalidate>
        <Hidden name="version" value={String(body.version ?? 0)} />
        <InputField
          type="text"
          id="name"
          label={t.groupName}
          errors={errors}
          value={body.name}
          required
          maxlength={160}
        />
        <SelectField id="kind" label={t.kind} options={worded(BODY_KINDS, t.bodyKinds)} selected={body.kind} />
        <Choice type="checkbox" name="active" value="yes" checked={body.active !== false} label={t.active} />
        <button type="submit">{t.save}</button>
      </PostForm>
    </details>
  );
}

export function bodyPage(
  ctx: ConsoleContext,
  body: Body,
  people: Person[],
  bodies: Body[],
  message?: string,
  errors?: FieldErrors,
): string {
  const t = ctx.t;
  const names = new Map(people.map((p) => [p.id, p.name]));
  const name = (id: string) => names.get(id) ?? id;
  const members = new Set(body.members.map((m) => m.personId));
  const addable = people.filter((p) => p.active && !members.has(p.id));
  const head = [t.name, t.role, t.voting, t.represents, t.substituteFor, t.remove];
  const page = (
    <>
      <h1>{body.name}</h1>
      <StatusNotice message={message} />
      <ErrorSummary title={t.errorsTitle} errors={errors} />
      <GroupSettings ctx={ctx} body={body} errors={errors} />
      <PostForm ctx={ctx} action={`/console/bodies/${body.id}`}>
        <Hidden name="count" value={String(body.members.length)} />
        <Hidden name="version" value={String(body.version ?? 0)} />
        <h2>{t.members}</h2>
        {/* Not the shared Table: each row is headed by the member's name, and it stacks on a phone. */}
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                {head.map((h) => (
                  <th scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.members.map((m, i) => (
                <MemberRow ctx={ctx} body={body} bodies={bodies} m={m} i={i} name={name} />
              ))}
            </tbody>
          </table>
        </div>
        <h2>{t.addMember}</h2>
        <label for="add.personId">{t.person}</label>
        <FieldError errors={errors} id="add.personId" />
        <select id="add.personId" name="add.personId">
          <Options options={[{ value: '', label: t.none }, ...named(addable)]} />
        </select>
        <SelectField id="add.role" label={t.role} options={worded(ROLES, t.roles)} selected="member" />
        <Choice type="checkbox" name="add.voting" value="yes" checked label={t.voting} />
        <button type="submit">{t.save}</button>
      </PostForm>
    </>
  );
  return consolePage(ctx, 'bodies', body.name, page);
}
