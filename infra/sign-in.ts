/**
 * The programme office signs in with Cognito: MFA for every account and no self sign-up, because
 * the office can start rounds and read everyone's decisions.
 */
import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  type UserPoolClient,
  type UserPoolDomain,
  UserPool,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';

export interface SignIn {
  userPool: UserPool;
  /** The client whose tokens the HTTP API's authorizer accepts on /api. */
  apiClient: UserPoolClient;
  domain: UserPoolDomain;
}

export function createSignIn(stack: Stack, domainPrefix: string): SignIn {
  const userPool = new UserPool(stack, 'ProgrammeOffice', {
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    mfa: Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    passwordPolicy: {
      minLength: 12,
      requireDigits: true,
      requireLowercase: true,
      requireUppercase: true,
      requireSymbols: true,
    },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    featurePlan: FeaturePlan.ESSENTIALS,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const apiClient = userPool.addClient('ApiClient', {
    authFlows: { userSrp: true },
    preventUserExistenceErrors: true,
  });
  // Hosted sign-in for the console (authorization code with PKCE, no client secret).
  const domain = userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix } });
  return { userPool, apiClient, domain };
}

/** The console's browser client; made once the public address is known, for its callback URLs. */
export function addConsoleClient(userPool: UserPool, publicBaseUrl: string): UserPoolClient {
  return userPool.addClient('ConsoleWeb', {
    generateSecret: false,
    preventUserExistenceErrors: true,
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
      callbackUrls: [`${publicBaseUrl}/console/callback`],
      logoutUrls: [`${publicBaseUrl}/console/sign-in`],
    },
    supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
  });
}
