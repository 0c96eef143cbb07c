/**
 * Input validation with zod/mini (the tree-shakable build: a fraction of the bundle size), with
 * one error map for every schema, so every route answers the same plain field messages, and
 * failures turned into a ValidationError with a message per field. Messages a schema names
 * itself (the `text` helper, refinements) win over the map.
 */
import * as z from 'zod/mini';
import { ValidationError } from './errors';

const TYPES: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be an object with fields',
};

type Issue = z.core.$ZodRawIssue;

type Word = 'at least' | 'at most';

function sizeMessage(issue: Issue & { origin?: string }, word: Word, limit: number | bigint, inclusive: boolean) {
  const n = Number(limit);
  if (issue.origin === 'string') return `must be ${word} ${n} characters`;
  if (issue.origin === 'array' || issue.origin === 'set') return `must have ${word} ${n} item${n === 1 ? '' : 's'}`;
  if (inclusive) return `must be ${word} ${n}`;
  return word === 'at least' ? `must be more than ${n}` : `must be less than ${n}`;
}

/** The one error map: plain words per kind of problem, never zod's "Invalid input: expected …". */
export function fieldMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return TYPES[issue.expected] ?? 'has the wrong type';
    case 'too_small':
      return sizeMessage(issue, 'at least', issue.minimum, issue.inclusive !== false);
    case 'too_big':
      return sizeMessage(issue, 'at most', issue.maximum, issue.inclusive !== false);
    case 'invalid_format':
      return issue.format === 'url' ? 'must be a web address starting with https://' : 'is not in the expected form';
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union': {
      // A discriminated union names the values it knows (e.g. the rule types).
      const options = (issue as { options?: unknown[] }).options;
      return options?.length ? `must be one of: ${options.map(String).join(', ')}` : 'is not one of the known choices';
    }
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return 'is not a known field';
    default:
      return 'is not valid';
  }
}

z.config({ customError: fieldMessage });

export function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    // Unknown fields are reported on the field itself, not on the object that holds it.
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys) fields[path ? `${path}.${key}` : key] ??= 'is not a known field';
    else fields[path || 'body'] ??= issue.message;
  }
  throw new ValidationError(fields);
}
