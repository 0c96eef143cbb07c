/**
 * How every function is bundled, in one place: the CDK bundles with these options
 * (infra/alliance-function.ts), and the bench and the bundle-size test measure with the very same
 * ones, so a size they report is the size that is deployed (less the source map, a separate file).
 * Plain data: no CDK imports here.
 */
import type { BuildOptions } from 'esbuild';

export const BUNDLING = {
  target: 'node22',
  minify: true,
  // ESM entry points first, as AWS advises for esbuild bundles: a package that ships both (rrule)
  // then tree-shakes, where its CommonJS build came in whole. esbuild's default for Node is main first.
  mainFields: ['module', 'main'],
  // The SDK v3 ships with the Lambda runtime; bundling it would only add size. The bench's
  // "SDK clients only" floor loads the same clients from outside the bundle.
  external: ['@aws-sdk/*'],
  // Some CommonJS dependencies call require(); ESM bundles need it defined.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;

/** Issue #12: every function's bundle (the one file its handler loads) stays within this. */
export const BUNDLE_BUDGET_KB = 250;

/** esbuild's options for one function's entry, exactly as the CDK's NodejsFunction passes them (ESM for Node). */
export function esbuildOptions(entry: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    mainFields: [...BUNDLING.mainFields],
    external: [...BUNDLING.external],
    banner: { js: BUNDLING.banner },
  };
}
