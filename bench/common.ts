/** What every bench part shares: the result rows, percentiles, and people in the local directory. */
import { resolve } from 'node:path';
import type { Person } from '../functions/engine/directory';

export const ROOT_DIR = resolve(import.meta.dirname, '..');
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
export const ms = (x: number) => `${x.toFixed(1)} ms`;
/** measure, figure, floor, target, and pass or FAIL where the row has a target: one table at the end. */
export type Row = [measure: string, figure: string, floor: string, target: string, verdict?: string];
export const rows: Row[] = [];

export async function addPeople(n: number, prefix: string): Promise<Person[]> {
  const { DynamoDirectory } = await import('../functions/engine/directory-store');
  const directory = new DynamoDirectory('alliance-cycle');
  const people: Person[] = Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    name: `Lid ${i}`,
    email: `${prefix}.${i}@example.org`,
    lang: 'nl',
    kind: 'resident',
    active: true,
  }));
  for (const p of people) await directory.put('person', p);
  return people;
}
