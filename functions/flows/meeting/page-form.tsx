/** What every part of a meeting's page is given, and the form every answer on it is sent with. */
import { Hidden } from '../../engine/ui/form';
import type { Child } from '../../platform/jsx';
import type { Lang } from '../../platform/time';
import type { Meeting } from './meeting';
import type { MeetingPageModel } from './pages';
import type { PageWords } from './page-texts';
import type { meetingWords } from './texts';

export interface PageContext {
  v: MeetingPageModel;
  m: Meeting;
  lang: Lang;
  w: PageWords;
  mw: (typeof meetingWords)[Lang];
  /** What was typed into a refused form (or the fallback), to fill the field in again. */
  typed: (name: string, fallback?: string) => string;
}

/** Each answer posts the page's form proof and names what it does. */
export const PostForm = (p: { c: PageContext; action: string; children: Child }) => (
  <form method="post" action={p.c.v.action}>
    <Hidden name="proof" value={p.c.v.proof} />
    <Hidden name="action" value={p.action} />
    {p.children}
  </form>
);

/** An answer that is one button. */
export const ButtonForm = (p: { c: PageContext; action: string; label: Child }) => (
  <PostForm c={p.c} action={p.action}>
    <button type="submit">{p.label}</button>
  </PostForm>
);
