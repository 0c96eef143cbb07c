/**
 * Input validation with zod/mini (the tree-shakable build: a fraction of the bundle size),
 * with zod's English messages, and failures turned into a ValidationError with a message per field.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ValidationError } from '../domain/errors';

z.config(en());

export function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    // Unknown fields are reported on the field itself, not on the object that holds it.
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) fields[path ? `${path}.${key}` : key] ??= 'is not a known field';
    else fields[path || 'body'] ??= issue.message;
  }
  throw new ValidationError(fields);
}


