/**
 * The workflow steps handler's log keys belong to one invocation: a warm function (or, locally,
 * every function in one process) must not print one document's id on the next invocation's lines.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workflowStepsHandler } from '../../functions/engine/workflow-steps';
import { logger } from '../../functions/platform/logger';

const context = { functionName: 'steps', awsRequestId: 'r-1' } as never;

afterEach(() => vi.restoreAllMocks());

describe('the workflow steps handler', () => {
  it("logs the document's id and step during its invocation only", async () => {
    const lines: string[] = [];
    for (const stream of [process.stdout, process.stderr])
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
    const handler = workflowStepsHandler('itemId', () => ({ now: () => new Date() }), {
      advance: async () => {
        logger.error('inside the step');
        return { done: true };
      },
      park: async () => {},
    });
    await handler({ step: 'advance', itemId: 'item-a' }, context);
    logger.error('after the step');
    const inside = lines.find((l) => l.includes('inside the step'));
    const after = lines.find((l) => l.includes('after the step'));
    expect(inside).toContain('"itemId":"item-a"');
    expect(inside).toContain('"step":"advance"');
    expect(after).toBeDefined();
    expect(after).not.toContain('item-a');
    expect(after).not.toContain('"step"');
  });
});
