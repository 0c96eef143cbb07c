/** Shared defaults for every function: Node 22 on ARM, ESM bundle by local esbuild, tracing on. */
import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { resolve } from 'node:path';
import { BUNDLING } from './bundling';
import type { FunctionSpec } from './wiring';

const ROOT = resolve(import.meta.dirname, '..');

export class AllianceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, spec: FunctionSpec, environment: Record<string, string>) {
    super(scope, id, {
      entry: resolve(ROOT, spec.entry),
      handler: 'handler',
      description: spec.description,
      // The same Node major as local mode and the tests, so both run the same code.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      reservedConcurrentExecutions: spec.reservedConcurrency,
      tracing: Tracing.ACTIVE,
      environment: { ...environment, NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: 'alliance-cycle' },
      logGroup: new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.SIX_MONTHS }),
      depsLockFilePath: resolve(ROOT, 'package-lock.json'),
      projectRoot: ROOT,
      bundling: {
        format: OutputFormat.ESM,
        // infra/bundling.ts: the options the bench and the bundle-size test measure with.
        minify: BUNDLING.minify,
        target: BUNDLING.target,
        mainFields: [...BUNDLING.mainFields],
        externalModules: [...BUNDLING.external],
        banner: BUNDLING.banner,
        // A separate index.mjs.map, read through NODE_OPTIONS above; not part of the code Lambda loads.
        sourceMap: true,
        forceDockerBundling: false,
      },
    });
  }
}
