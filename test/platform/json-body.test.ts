/**
 * What a JSON API reads as its body (platform/http.ts jsonBody, errors mapped in http-errors.ts): JSON
 * only. A body sent as text/plain or a form is a "simple" request a browser sends to another site
 * without asking first, so an API that took it as JSON would act on a page's hidden form; it gets 415.
 */
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../functions/platform/http-errors';
import { type HttpEvent, jsonBody } from '../../functions/platform/http';

const event = (body: string | undefined, headers: Record<string, string>) =>
  ({ body, headers }) as unknown as HttpEvent;
const refusal = (e: HttpEvent) => {
  try {
    jsonBody(e);
  } catch (err) {
    return errorResponse(err);
  }
  return null;
};

describe('a JSON API body', () => {
  it('is read when it comes as application/json or a +json type, with or without a charset', () => {
    expect(jsonBody(event('{"a":1}', { 'content-type': 'application/json' }))).toEqual({ a: 1 });
    expect(jsonBody(event('{"a":1}', { 'content-type': 'application/json; charset=utf-8' }))).toEqual({ a: 1 });
    expect(jsonBody(event('{"a":1}', { 'content-type': 'application/merge-patch+json' }))).toEqual({ a: 1 });
    expect(jsonBody(event('{"a":1}', { 'Content-Type': 'Application/JSON' }))).toEqual({ a: 1 });
    // No body: nothing to refuse (a POST that needs none, such as "remind now").
    expect(jsonBody(event(undefined, { 'content-type': 'text/plain' }))).toEqual({});
  });

  it('is refused with 415 when it is text/plain, a form, or has no type, and says what to send', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = refusal(event('{"a":1}', { 'content-type': type }))!;
      expect(res.statusCode).toBe(415);
      expect(JSON.parse(res.body as string).message).toMatch(/application\/json/);
    }
    expect(refusal(event('{"a":1}', {}))?.statusCode).toBe(415);
  });

  it('that is not JSON stays a 400 by field', () => {
    const res = refusal(event('{', { 'content-type': 'application/json' }))!;
    expect(res.statusCode).toBe(400);
  });
});
