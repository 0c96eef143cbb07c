/**
 * Pages and emails are JSX rendered by hono/jsx: typed components, and every string or number
 * placed in the markup is escaped. Only `trusted()` puts markup in as it is, for our own constants.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';

export type { Child };
export type Markup = JSX.Element;

/** Our components are synchronous; an async one would render as "[object Promise]", so refuse it. */
export function render(node: Markup | Child): string {
  if (node instanceof Promise) throw new TypeError('An async component cannot be rendered into a page');
  return node === null || node === undefined || typeof node === 'boolean' ? '' : String(node);
}

/** A whole HTML document: JSX has no doctype, so it is written in front. */
export function renderDocument(node: Markup): string {
  return `<!doctype html>${render(node)}`;
}

/** Markup we wrote ourselves (a style sheet, a line break in a constant), never user text. */
export const trusted = (markup: string) => raw(markup);
