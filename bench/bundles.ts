/** Bundle sizes and cold imports of every function, next to an empty module and the SDK clients alone. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { functions } from '../infra/wiring';
import { ms, pct, ROOT_DIR as ROOT, rows } from './common';

export async function bundles() {
  // Inside the project, so the SDK (external, as the Lambda runtime provides it) resolves.
  const dir = join(ROOT, 'node_modules', '.cache', 'bench-bundles');
  mkdirSync(dir, { recursive: true });
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export const handler = async () => null;\n');
  const importTime = (file: string) => {
    const runs = Array.from({ length: 5 }, () =>
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
      ),
    );
    return pct(runs, 50);
  };
  const floor = importTime(empty);
  // A second floor: only the SDK clients the handlers create, which Lambda loads from its runtime.
  const sdkOnly = join(dir, 'sdk-only.mjs');
  writeFileSync(
    sdkOnly,
    [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      "import { SESv2Client } from '@aws-sdk/client-sesv2';",
      "import { SFNClient } from '@aws-sdk/client-sfn';",
      "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
      'DynamoDBDocumentClient.from(new DynamoDBClient({})); new SESv2Client({});',
      'new SFNClient({}); new SecretsManagerClient({});',
      'export const handler = async () => null;',
    ].join('\n'),
  );
  const sdkFloor = importTime(sdkOnly);
  for (const [name, spec] of Object.entries(functions)) {
    const out = join(dir, `${name}.mjs`);
    await build({
      entryPoints: [resolve(ROOT, spec.entry)],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['@aws-sdk/*'],
      outfile: out,
      logLevel: 'silent',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    const kb = statSync(out).size / 1024;
    const cold = importTime(out);
    // Issue #12: each function's cold import within 50 ms of the SDK clients alone.
    rows.push([
      `bundle ${name}`,
      `${kb.toFixed(0)} KB, cold import ${ms(cold)}`,
      `empty ${ms(floor)}, SDK clients only ${ms(sdkFloor)}`,
      `≤ 250 KB: ${kb <= 250 ? 'yes' : 'NO'}; cold ≤ floor + 50 ms: ${cold <= sdkFloor + 50 ? 'yes' : 'NO'}`,
      kb <= 250 && cold <= sdkFloor + 50 ? 'pass' : 'FAIL',
    ]);
  }
}
