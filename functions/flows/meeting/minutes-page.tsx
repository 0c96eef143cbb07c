/** The minutes on a meeting's page: the draft, an objection, the chair's review, and the secretary's form. */
import { Options } from '../../engine/ui/form';
import { formatDateTime } from '../../platform/time';
import { agendaOf } from './agenda';
import { ButtonForm, type PageContext, PostForm } from './page-form';

/** The agenda line's name: the item's title, or the standing item in words. */
const lineName = (c: PageContext, l: ReturnType<typeof agendaOf>[number]) =>
  l.item ? l.item.title : c.mw.standing[l.standing!];

export function DraftMinutes({ c }: { c: PageContext }) {
  const minutes = c.m.minutes!;
  const { w } = c;
  return (
    <>
      <h2>{w.draft}</h2>
      <ol>
        {agendaOf(c.m).map((l) => (
          <li>
            <strong>{lineName(c, l)}</strong>: {minutes.summaries[l.id] ?? ''}
          </li>
        ))}
      </ol>
      <p>
        <strong>{w.decisions}:</strong> {minutes.decisions}
      </p>
      {minutes.actionItems.length ? (
        <>
          <h3>{w.actions}</h3>
          <ul>
            {minutes.actionItems.map((a) => (
              <li>
                {a.what} — {formatDateTime(a.due, c.lang)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export const ObjectionForm = ({ c }: { c: PageContext }) => (
  <PostForm c={c} action="object">
    <fieldset>
      <legend>{c.w.object}</legend>
      <label for="reason">{c.w.reason}</label>
      <textarea id="reason" name="reason" rows={3} maxlength={1000} required>
        {c.typed('reason')}
      </textarea>
      <button type="submit">{c.w.send}</button>
    </fieldset>
  </PostForm>
);

export const ChairReview = ({ c }: { c: PageContext }) => (
  <>
    <h2>{c.w.objections}</h2>
    <ul>
      {c.m.objections.map((o) => (
        <li>{o.reason}</li>
      ))}
    </ul>
    <ButtonForm c={c} action="adopt" label={c.w.adopt} />
    <ButtonForm c={c} action="send-back" label={c.w.sendBack} />
  </>
);

/** Who can own an action item: active partners first, then active people. */
function ownerOptions(c: PageContext) {
  return [
    ...(c.v.orgs ?? []).filter((o) => o.active !== false).map((o) => ({ value: `org:${o.id}`, label: o.name })),
    ...(c.v.people ?? []).filter((p) => p.active).map((p) => ({ value: `person:${p.id}`, label: p.name })),
  ];
}

function ActionRow({ c, i, owners }: { c: PageContext; i: number; owners: ReturnType<typeof ownerOptions> }) {
  const { w } = c;
  return (
    <div>
      <label for={`a${i}.what`}>
        {w.what} {i + 1}
      </label>
      <input type="text" id={`a${i}.what`} name={`a${i}.what`} maxlength={300} value={c.typed(`a${i}.what`)} />
      <label for={`a${i}.owner`}>{w.owner}</label>
      <select id={`a${i}.owner`} name={`a${i}.owner`}>
        <option value="">{w.choose}</option>
        <Options options={owners} selected={c.typed(`a${i}.owner`)} />
      </select>
      <label for={`a${i}.due`}>{w.due}</label>
      <input type="date" id={`a${i}.due`} name={`a${i}.due`} value={c.typed(`a${i}.due`)} />
    </div>
  );
}

/** The secretary's minutes: per agenda line what was discussed, the decisions, and up to five action items. */
export function MinutesForm({ c }: { c: PageContext }) {
  const { w } = c;
  const owners = ownerOptions(c);
  return (
    <PostForm c={c} action="minutes">
      <h2>{w.minutesTitle}</h2>
      <p class="notice">{w.publicNote}</p>
      {agendaOf(c.m).map((l) => (
        <>
          <label for={`summary.${l.id}`}>
            {lineName(c, l)} — {w.summary}
          </label>
          <textarea id={`summary.${l.id}`} name={`summary.${l.id}`} rows={2} maxlength={3000}>
            {c.typed(`summary.${l.id}`)}
          </textarea>
        </>
      ))}
      <label for="decisions">{w.decisions}</label>
      <textarea id="decisions" name="decisions" rows={3} maxlength={5000}>
        {c.typed('decisions')}
      </textarea>
      <fieldset>
        <legend>{w.actions}</legend>
        <p>{w.actionsHint}</p>
        {[0, 1, 2, 3, 4].map((i) => (
          <ActionRow c={c} i={i} owners={owners} />
        ))}
      </fieldset>
      <button type="submit">{w.sendMinutes}</button>
    </PostForm>
  );
}
