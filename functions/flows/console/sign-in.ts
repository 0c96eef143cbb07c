/**
 * Signing in to the console. In the cloud: Cognito's hosted sign-in (authorization code with
 * PKCE), the ID token verified against the user pool. In local mode: the office access code.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';

export interface CognitoSettings {
  domain: string;
  clientId: string;
  userPoolId: string;
  redirectUri: string;
}

export function cognitoSettings(publicBaseUrl: string): CognitoSettings | null {
  const { COGNITO_DOMAIN: domain, COGNITO_CLIENT_ID: clientId, COGNITO_USER_POOL_ID: userPoolId } = process.env;
  if (!domain || !clientId || !userPoolId) return null;
  return { domain: domain.replace(/\/$/, ''), clientId, userPoolId, redirectUri: `${publicBaseUrl}/console/callback` };
}

export function localCodeMatches(given: string): boolean {
  const expected = process.env.CONSOLE_SIGN_IN_CODE;
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(s: CognitoSettings, state: string, challenge: string): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: s.clientId,
    redirect_uri: s.redirectUri,
    scope: 'openid email',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${s.domain}/oauth2/authorize?${q}`;
}

let verifier: ReturnType<typeof CognitoJwtVerifier.create> | undefined;

/** Exchange the code for tokens and verify the ID token; returns who signed in, or null. */
export async function completeCognitoSignIn(
  s: CognitoSettings,
  code: string,
  codeVerifier: string,
): Promise<{ sub: string; name: string } | null> {
  const res = await fetch(`${s.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: s.clientId,
      code,
      redirect_uri: s.redirectUri,
      code_verifier: codeVerifier,
    }).toString(),
  });
  if (!res.ok) return null;
  const { id_token: idToken } = (await res.json()) as { id_token?: string };
  if (!idToken) return null;
  verifier ??= CognitoJwtVerifier.create({ userPoolId: s.userPoolId, tokenUse: 'id', clientId: s.clientId });
  try {
    const claims = await verifier.verify(idToken);
    return {
      sub: String(claims['cognito:username'] ?? claims.sub),
      name: String(claims.email ?? claims['cognito:username'] ?? claims.sub),
    };
  } catch {
    return null;
  }
}
