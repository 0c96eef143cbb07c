/**
 * Consultations from the console: the list, one with its answers, and publishing the summary and
 * what was done with it (post/redirect/get; the counts of emails sent in the notice). The API's
 * schemas and use cases behind them, so the console does what the API would.
 */
import {
  consultationDeps,
  listConsultations,
  PublishOutcome,
  publishOutcome,
  PublishSummary,
  publishSummary,
  readConsultation,
} from '../../consultation';
import { ConflictError } from '../../../platform/errors';
import type { RouteTable } from '../../../platform/http';
import { consultationConsolePage, consultationsPage, type PublishFormState } from '../consultation-pages';
import { consultationWords } from '../consultation-words';
import { attempt, htmlReply, redirect, type Handler, type Reply, type SignedInRequest } from '../http';

/** "Besluit | https://…" per line; null when a line is not so. */
function parseLinks(text: string): { title: string; url: string }[] | null {
  const out: { title: string; url: string }[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [title, url] = line.split('|').map((s) => s.trim());
    if (!title || !url || !/^https?:\/\//.test(url)) return null;
    out.push({ title, url });
  }
  return out;
}

async function publish(req: SignedInRequest, kind: 'summary' | 'outcome'): Promise<Reply> {
  const { ctx, form, params, session } = req;
  const w = consultationWords[ctx.lang];
  const deps = consultationDeps();
  const text = form.text('text');
  const linksText = form.text('links');
  const state: PublishFormState = { kind, text, links: linksText, errors: {} };
  const again = async (status: number, errors: Record<string, string>) =>
    htmlReply(
      status,
      consultationConsolePage(ctx, await readConsultation(deps, params.id), deps.now(), {
        state: { ...state, errors },
      }),
    );
  const links = kind === 'outcome' ? parseLinks(linksText) : [];
  if (!links) return again(400, { 'outcome-links': w.errors.links });
  const request = { version: Number(form.get('version')), text, ...(kind === 'outcome' ? { links } : {}) };
  try {
    const result = await attempt<PublishSummary & PublishOutcome>(
      kind === 'summary' ? PublishSummary : PublishOutcome,
      request,
      async (checked) => {
        const run = kind === 'summary' ? publishSummary : publishOutcome;
        const { mailed } = await run(deps, params.id, checked, session.sub);
        return redirect(`/console/consultations/${params.id}?m=${mailed}`);
      },
    );
    return 'status' in result ? (result as Reply) : again(400, { [`${kind}-text`]: w.errors.text });
  } catch (err) {
    if (err instanceof ConflictError) return again(409, { [`${kind}-text`]: w.errors.conflict });
    throw err;
  }
}

export const consultationRoutes: RouteTable<'consultationConsole', Handler, 'session'> = {
  'GET /console/consultations': async ({ ctx }) => {
    const deps = consultationDeps();
    const all = await listConsultations(deps);
    const counted = await Promise.all(
      all.map(async (c) => ({ ...c, count: (await deps.consultations.answers(c.id)).length })),
    );
    return htmlReply(200, consultationsPage(ctx, counted, deps.now()));
  },
  'GET /console/consultations/{id}': async ({ ctx, params, query }) => {
    const deps = consultationDeps();
    const c = await readConsultation(deps, params.id);
    const sent = query.m && /^\d{1,6}$/.test(query.m) ? Number(query.m) : undefined;
    const message = sent === undefined ? undefined : consultationWords[ctx.lang].published(sent);
    return htmlReply(200, consultationConsolePage(ctx, c, deps.now(), { message }));
  },
  'POST /console/consultations/{id}/summary': (req) => publish(req, 'summary'),
  'POST /console/consultations/{id}/outcome': (req) => publish(req, 'outcome'),
};
