/**
 * `npm ci` on the system Node 20 must not print warnings the README does not explain: every
 * package whose `engines` exclude Node 20 must be named in the README's note on EBADENGINE, and the
 * project itself must accept Node 20 (its scripts run on the Node 22 it installs).
 */
import { readFileSync } from 'node:fs';
import { satisfies } from 'semver';
import { expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

it('names in the README every package that warns EBADENGINE on Node 20.19, and the project is not one', () => {
  const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
  const warns = Object.entries(lock.packages)
    .filter(([, p]) => p.engines?.node && !satisfies('20.19.0', p.engines.node))
    .map(([path]) => path.replace(/^.*node_modules\//, ''));
  expect(warns).not.toContain('');
  const readme = read('README.md');
  const note = readme.split('\n\n').find((paragraph) => paragraph.includes('EBADENGINE')) ?? '';
  for (const name of warns) expect(note, `README's EBADENGINE note should name ${name}`).toContain(`\`${name}\``);
  expect(readme).toContain('Node.js (20.19 or newer');
});
