/** Changing a series' details from the console, checked by the meeting flow's schema and use case. */
import { directoryStore } from '../../../engine/deps';
import { ConflictError, ValidationError } from '../../../platform/errors';
import { parse } from '../../../platform/validation';
import { ChangeSeries, changeSeries, seriesWithRecord } from '../../meeting';
import { type Handler, htmlReply, redirect } from '../http';
import { editSeriesPage } from '../meeting-edit';
import { onForm } from '../meeting-request';
import { meetingPageWords } from '../meeting-words';
import { deps } from './meetings';

const FIELDS = ['title', 'location', 'onlineUrl', 'chairId', 'secretaryId'] as const;

export const meetingEditRoutes = {
  'GET /console/meeting-series/{id}/edit': async ({ ctx, params }) => {
    const { series } = await seriesWithRecord(deps(), params.id);
    return htmlReply(200, editSeriesPage(ctx, series, await directoryStore().listPeople()));
  },
  'POST /console/meeting-series/{id}': async ({ ctx, params, form, session }) => {
    const values = Object.fromEntries(FIELDS.map((f) => [f, form.text(f)]));
    const request = {
      version: /^\d{1,9}$/.test(form.text('version')) ? Number(form.text('version')) : 0,
      ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
    };
    const again = async (status: number, errors: Record<string, string>) => {
      const { series } = await seriesWithRecord(deps(), params.id);
      return htmlReply(status, editSeriesPage(ctx, series, await directoryStore().listPeople(), { errors, values }));
    };
    try {
      const checked = parse(ChangeSeries, request);
      const { version, ...changes } = checked;
      await changeSeries(deps(), params.id, changes, version, session.sub);
    } catch (err) {
      if (err instanceof ConflictError) return again(409, { save: meetingPageWords[ctx.lang].errors.stale });
      if (!(err instanceof ValidationError)) throw err;
      return again(400, onForm(err.fields, ctx.lang));
    }
    return redirect(`/console/meeting-series/${params.id}?m=changed`);
  },
} satisfies Record<string, Handler>;
