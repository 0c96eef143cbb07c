/**
 * An input round's page, and the office recording someone's written input on it (a letter, an
 * email, a conversation) in a round of people: checked by the API's schema, refused with the
 * fields' messages and what was typed kept, and a refusal of the round itself (the person answered
 * through their own link, or the round closed) said in words on the same page.
 */
import { asksPeople, inputRoundDeps, loadInputRound, RecordWrittenInput, recordWrittenInput } from '../../input-round';
import { directoryStore } from '../../../engine/deps';
import { ErrorSummary } from '../../../engine/ui/form';
import { ConflictError } from '../../../platform/errors';
import { isoWithOffset, wallClock } from '../../../platform/time';
import { inputPage } from '../flow-pages';
import { attempt, type Form, htmlReply, redirect, type Reply, type SignedInRoutes } from '../http';
import { takesInput, WrittenInputForm, type WrittenValues } from '../people-input';
import { peopleWords } from '../people-words';
import type { ConsoleContext } from '../ui';

export async function inputView(
  ctx: ConsoleContext,
  id: string,
  status: number,
  values: WrittenValues = {},
  errors?: Record<string, string>,
  notice?: string,
): Promise<Reply> {
  const deps = inputRoundDeps();
  const round = await loadInputRound(deps, id);
  const people = asksPeople(round) ? await directoryStore().getPeople(round.personIds!) : [];
  const [orgs, timeline] = await Promise.all([directoryStore().listOrganisations(), deps.inputs.listAudit(id)]);
  const below = asksPeople(round) ? (
    <WrittenInputForm ctx={ctx} round={round} people={people} now={deps.now()} v={values} errors={errors} />
  ) : (
    <ErrorSummary title={ctx.t.errorsTitle} errors={errors} />
  );
  return htmlReply(status, inputPage(ctx, round, orgs, timeline, people, below, notice));
}

function writtenValues(form: Form): WrittenValues {
  return {
    personId: form.get('personId'),
    via: form.get('via'),
    receivedAt: form.text('receivedAt'),
    text: form.text('text'),
  };
}

/** The date field as the start of that day in Amsterdam; anything else goes on as typed, for the schema to refuse. */
function receivedAt(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const day = wallClock(value);
  return Number.isNaN(day.getTime()) ? value : isoWithOffset(day);
}

const fieldMessages = (lang: ConsoleContext['lang'], fields: Record<string, string>) =>
  Object.fromEntries(Object.keys(fields).map((f) => [f, peopleWords[lang].errors[f] ?? fields[f]]));

export const writtenInputRoutes = {
  'GET /console/input-rounds/{id}': async ({ ctx, query, params }) =>
    inputView(ctx, params.id, 200, {}, undefined, query.m === 'recorded' ? peopleWords[ctx.lang].saved : undefined),
  'POST /console/input-rounds/{id}/written-input': async ({ ctx, form, session, params: { id } }) => {
    const values = writtenValues(form);
    const request = {
      personId: values.personId ?? '',
      text: values.text ?? '',
      via: values.via ?? '',
      ...(values.receivedAt ? { receivedAt: receivedAt(values.receivedAt) } : {}),
    };
    try {
      const result = await attempt<Parameters<typeof recordWrittenInput>[2]>(
        RecordWrittenInput,
        request,
        async (checked) => {
          await recordWrittenInput(inputRoundDeps(), id, checked, session.sub);
          return redirect(`/console/input-rounds/${id}?m=recorded`);
        },
      );
      if ('status' in result) return result as Reply;
      // A day still to come is refused with the other fields, not only once they are right.
      const future = request.receivedAt && Date.parse(request.receivedAt) > inputRoundDeps().now().getTime();
      const fields = future ? { ...result, receivedAt: 'future' } : result;
      return inputView(ctx, id, 400, values, fieldMessages(ctx.lang, fields));
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // Which refusal it was, from the round as it is now: closed, or the person's own answer.
      const deps = inputRoundDeps();
      const round = await loadInputRound(deps, id);
      const own = round.answers[values.personId ?? ''];
      const why = !takesInput(round, deps.now()) ? 'closed' : own && !own.recordedBy ? 'own' : 'busy';
      return inputView(ctx, id, 409, values, {
        [why === 'own' ? 'personId' : 'text']: peopleWords[ctx.lang].errors[why],
      });
    }
  },
} satisfies Partial<SignedInRoutes>;
