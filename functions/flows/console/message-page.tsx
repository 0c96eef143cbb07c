/** A console page that says one thing (an error, an expired form), shared by every console function. */
import { type ConsoleContext, consolePage } from './ui';

/** A page that says one thing: what went wrong, or that the form expired; with the way back. */
export function messagePage(ctx: ConsoleContext, title: string, text: string): string {
  const body = (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/console">{ctx.t.overview}</a>
      </p>
    </>
  );
  return consolePage(ctx, 'none', title, body);
}
