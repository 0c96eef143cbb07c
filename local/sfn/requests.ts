/** The checks StartExecution and SendTaskSuccess make on what they are sent, with AWS's error codes. */
import type { Json } from './callbacks';
import { PAYLOAD_LIMIT_BYTES, SfnError } from './errors';

function parse(text: string, field: string, code: string, message: string): Json {
  if (Buffer.byteLength(text, 'utf8') > PAYLOAD_LIMIT_BYTES)
    throw new SfnError(
      'ValidationException',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: ` +
        `Member must have length less than or equal to ${PAYLOAD_LIMIT_BYTES}`,
    );
  try {
    return JSON.parse(text);
  } catch {
    throw new SfnError(code, message);
  }
}

export const executionInput = (input: string) =>
  parse(input, 'input', 'InvalidExecutionInput', 'Input is not valid JSON');

export const taskOutput = (output: string) => parse(output, 'output', 'InvalidOutput', 'Output is not valid JSON');

export function checkExecutionName(name: string): void {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new SfnError('InvalidName', `Invalid execution name: ${name}`);
}
