/**
 * The shipped cycle templates and their check at load.
 *
 * The templates are JSON files in ./templates, not TypeScript: they are data the programme office
 * can read and propose changes to in a review without reading code, nothing in them can compute,
 * and the same format can later come from the console for a template of the office's own. JSON
 * holds no comments, so each template says what it is in its `description`, and docs/cycles.md
 * tells them in plain words. Being data, they are checked here, not by the type checker: the shape
 * (template.ts), and what a shape cannot say — unique phase keys, gates that only look back (so no
 * cycle can form), anchors declared before use. The bundler (esbuild) inlines the files, so a
 * Lambda reads no file system.
 */
import actielijn from './templates/actielijn-monitoring.json' with { type: 'json' };
import advice from './templates/half-yearly-advice.json' with { type: 'json' };
import spuk from './templates/spuk-application.json' with { type: 'json' };
import budget from './templates/yearly-budget.json' with { type: 'json' };
import { Template } from './template';
import { fieldMessage } from '../../platform/validation';

export const SHIPPED: unknown[] = [spuk, budget, advice, actielijn];

/** A template that cannot be used, with every problem found, each naming the template and the phase. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(readonly problems: string[]) {
    super(`cycle templates: ${problems.join('; ')}`);
  }
}

const anchorsUsed = (p: Template['phases'][number]): string[] =>
  [p.start.on?.anchor, 'anchor' in p.due ? p.due.anchor : undefined].filter((a): a is string => Boolean(a));

/** The problems with one template (empty when it is sound); `source` names it before its id is known. */
export const templateProblems = (raw: unknown, source: string): string[] => check(raw, source).problems;

/** The template, read once, and its problems. */
function check(raw: unknown, source: string): { template?: Template; problems: string[] } {
  // The product's one error map, so a template's problems read like every field message.
  const parsed = Template.safeParse(raw, { error: fieldMessage });
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : source;
    const problems = parsed.error.issues.map((issue) => {
      // An unknown field is named as a field of its own, not as a problem of the object holding it.
      const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys.join(', ')] : [])].map(String);
      const [first, index, ...rest] = path;
      const phase = first === 'phases' && index !== undefined ? (raw as Template).phases?.[Number(index)]?.key : null;
      const where = phase ? `phase "${phase}", ${rest.join('.') || 'phase'}` : path.join('.') || 'template';
      return `template "${id}", ${where}: ${issue.message}`;
    });
    return { problems };
  }
  const t = parsed.data;
  const problems: string[] = [];
  const say = (phase: string, message: string) => problems.push(`template "${t.id}", phase "${phase}": ${message}`);
  const declared = new Set<string>();
  for (const a of t.anchors) {
    if (declared.has(a.key)) problems.push(`template "${t.id}": anchor "${a.key}" is declared twice`);
    declared.add(a.key);
  }
  const earlier = new Map<string, Template['phases'][number]>();
  for (const p of t.phases) {
    if (earlier.has(p.key)) say(p.key, 'this key is used by an earlier phase; each phase needs its own');
    for (const a of anchorsUsed(p))
      if (!declared.has(a)) say(p.key, `uses anchor "${a}", which the template does not declare`);
    for (const before of p.start.after ?? []) {
      // Only phases listed earlier may be waited for: a gate cannot point forward, so no cycle can form.
      const waited = earlier.get(before);
      if (!waited) say(p.key, `waits for "${before}", which is not an earlier phase`);
      else if (waited.repeat) say(p.key, `waits for "${before}", which repeats: say which time with a date instead`);
    }
    earlier.set(p.key, p);
  }
  return { template: t, problems };
}

/** Every shipped template, checked, by id; throws a TemplateError naming every problem. */
export function loadTemplates(raws: unknown[] = SHIPPED): Map<string, Template> {
  const problems: string[] = [];
  const out = new Map<string, Template>();
  raws.forEach((raw, i) => {
    const { template: t, problems: found } = check(raw, `#${i + 1}`);
    problems.push(...found);
    if (found.length || !t) return;
    if (out.has(t.id)) problems.push(`template "${t.id}": another template has this id`);
    out.set(t.id, t);
  });
  if (problems.length) throw new TemplateError(problems);
  return out;
}
