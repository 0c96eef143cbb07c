/** Bundle sizes and cold imports of every function, next to an empty module and the SDK clients alone. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_BUDGET_KB, esbuildOptions } from '../infra/bundling';
import { functions } from '../infra/wiring';
import { ms, pct, ROOT_DIR as ROOT, rows } from './common';

/** Measures every function; returns those whose bundle is over the budget (the run then fails, after its table). */
export async function bundles(): Promise<string[]> {
  const over: string[] = [];
  // Inside the project, so the SDK (external, as the Lambda runtime provides it) resolves.
  const dir = join(ROOT, 'node_modules', '.cache', 'bench-bundles');
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export const handler = async () => null;\n');
  /** One cold import in a fresh Node process, in milliseconds. */
  const importOnce = (file: string) =>
    Number(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const t=performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now()-t)`,
        ],
        {
          env: {
            ...process.env,
            TABLE_NAME: 't',
            MAIL_FROM: 'a@example.org',
            OFFICE_EMAIL: 'o@example.org',
            PUBLIC_BASE_URL: 'https://x',
            LINK_KEYS_FILE: '/dev/null',
            AWS_REGION: 'eu-west-1',
          },
        },
      ).toString(),
    );
  const RUNS = 5;
  const median = (xs: number[]) => pct(xs, 50);
  const importTime = (file: string) => median(Array.from({ length: RUNS }, () => importOnce(file)));
  const floor = importTime(empty);
  // A second floor: only the SDK clients the handlers create (every one in functions/), which Lambda loads
  // from its runtime.
  const sdkOnly = join(dir, 'sdk-only.mjs');
  writeFileSync(
    sdkOnly,
    [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      "import { SESv2Client } from '@aws-sdk/client-sesv2';",
      "import { SFNClient } from '@aws-sdk/client-sfn';",
      "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
      "import { SchedulerClient } from '@aws-sdk/client-scheduler';",
      'DynamoDBDocumentClient.from(new DynamoDBClient({})); new SESv2Client({});',
      'new SFNClient({}); new SecretsManagerClient({}); new SchedulerClient({});',
      'export const handler = async () => null;',
    ].join('\n'),
  );
  /**
   * The function's cold import and the SDK floor's, run by turns: on a loaded machine a floor taken
   * once at the start says little about a function measured minutes later. The verdict is the median
   * of the paired differences.
   */
  const pairedWithFloor = (file: string) => {
    const pairs = Array.from({ length: RUNS }, () => [importOnce(sdkOnly), importOnce(file)] as const);
    return {
      floor: median(pairs.map(([f]) => f)),
      cold: median(pairs.map(([, c]) => c)),
      over: median(pairs.map(([f, c]) => c - f)),
    };
  };
  for (const [name, spec] of Object.entries(functions)) {
    const out = join(dir, `${name}.mjs`);
    // The CDK's own options (infra/bundling.ts), one file with no chunks: that file is all the handler loads.
    await build({ ...esbuildOptions(resolve(ROOT, spec.entry)), outfile: out, logLevel: 'silent' });
    const kb = statSync(out).size / 1024;
    const fits = kb <= BUNDLE_BUDGET_KB;
    if (!fits) over.push(`${name} (${kb.toFixed(1)} KB)`);
    console.log(`bundle ${name}: ${kb.toFixed(1)} KB${fits ? '' : ` — OVER the ${BUNDLE_BUDGET_KB} KB budget`}`);
    const { floor: sdkFloor, cold, over: overFloor } = pairedWithFloor(out);
    // Issue #12: each function's cold import within 50 ms of the SDK clients alone.
    rows.push([
      `bundle ${name}`,
      `${kb.toFixed(0)} KB, cold import ${ms(cold)} (${ms(overFloor)} over the SDK clients, paired runs)`,
      `empty ${ms(floor)}, SDK clients only ${ms(sdkFloor)}`,
      `≤ ${BUNDLE_BUDGET_KB} KB: ${fits ? 'yes' : 'NO'}; cold ≤ floor + 50 ms: ${overFloor <= 50 ? 'yes' : 'NO'}`,
      fits && overFloor <= 50 ? 'pass' : 'FAIL',
    ]);
  }
  return over;
}
