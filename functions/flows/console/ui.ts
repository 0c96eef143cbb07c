/** The console's page frame and small form helpers. Plain server-rendered HTML, one script. */
import { html, raw, type RawHtml } from '../../platform/html';
import type { Lang } from '../../platform/time';
import { texts, type Texts } from './texts';

export interface ConsoleContext {
  lang: Lang;
  t: Texts;
  /** The signed-in user's name, when there is one. */
  user?: string;
  /** The session's form secret, for every form on the page. */
  csrf?: string;
  path: string;
}

export function contextFor(lang: Lang, path: string, user?: string, csrf?: string): ConsoleContext {
  return { lang, t: texts[lang], user, csrf, path };
}

type Section = 'overview' | 'rounds' | 'new' | 'items' | 'inputs' | 'people' | 'bodies' | 'partners' | 'none';

export function csrfField(ctx: ConsoleContext): RawHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}">`;
}

export function errorSummary(ctx: ConsoleContext, errors?: Record<string, string>): RawHtml | string {
  if (!errors || Object.keys(errors).length === 0) return '';
  return html`<div class="error-summary" role="alert" tabindex="-1"><p><strong>${ctx.t.errorsTitle}</strong></p><ul>${Object.entries(errors).map(([f, m]) => html`<li><a href="#${f}">${m}</a></li>`)}</ul></div>`;
}

export function fieldError(errors: Record<string, string> | undefined, field: string): RawHtml | string {
  return errors?.[field] ? html`<span class="error" id="${field}-error">${errors[field]}</span>` : '';
}

export function describedBy(errors: Record<string, string> | undefined, field: string, hint = false): RawHtml {
  const ids = [hint ? `${field}-hint` : '', errors?.[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  return raw(ids ? ` aria-describedby="${ids}"` : '');
}

export function layout(ctx: ConsoleContext, section: Section, title: string, body: RawHtml): string {
  const t = ctx.t;
  const link = (href: string, s: Section, label: string) =>
    html`<li><a href="${href}"${raw(section === s ? ' aria-current="page"' : '')}>${label}</a></li>`;
  const other: Lang = ctx.lang === 'nl' ? 'en' : 'nl';
  return html`<!doctype html><html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${t.brand}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/console/assets/console.css"><script src="/console/assets/console.js" defer></script></head>
<body><a class="skip" href="#main">${t.skip}</a>
<header><div class="row"><span class="brand">${t.brand}</span>
${ctx.user ? html`<nav aria-label="${t.brand}"><ul>${link('/console', 'overview', t.overview)}${link('/console/rounds', 'rounds', t.rounds)}${link('/console/rounds/new', 'new', t.newRound)}${link('/console/follow-ups', 'items', t.items)}${link('/console/input-rounds', 'inputs', t.inputs)}${link('/console/people', 'people', t.people)}${link('/console/bodies', 'bodies', t.bodies)}${link('/console/partners', 'partners', t.partners)}</ul></nav>` : ''}
<a href="/console/lang?to=${other}&amp;back=${encodeURIComponent(ctx.path)}" lang="${other}">${t.otherLang}</a>
${ctx.user ? html`<form method="post" action="/console/sign-out">${csrfField(ctx)}<button type="submit">${t.signOut}</button></form>` : ''}
</div></header>
<main id="main" tabindex="-1">${body}</main></body></html>`.value;
}
