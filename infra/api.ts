/** The HTTP API: one stage with throttling and access logs, and every route of the wiring on it. */
import { NestedStack, type Stack } from 'aws-cdk-lib';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { AllianceFunction } from './alliance-function';
import type { SignIn } from './sign-in';
import { type FunctionName, routes } from './wiring';

export function createApi(stack: Stack): HttpApi {
  const api = new HttpApi(stack, 'Api', {
    description: 'Alliantiecyclus API and decision pages',
    createDefaultStage: false,
  });
  const accessLogs = new LogGroup(stack, 'ApiAccessLogs', { retention: RetentionDays.SIX_MONTHS });
  new HttpStage(stack, 'DefaultStage', {
    httpApi: api,
    stageName: '$default',
    autoDeploy: true,
    throttle: { rateLimit: 50, burstLimit: 100 },
    accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
  });
  return api;
}

/**
 * Office routes need a Cognito token; link, session and public routes are checked by their handler.
 * The routes, their integrations and the API's permissions to invoke live in a nested stack of their
 * own: each is a CloudFormation resource, one per route, and with every flow's pages the one stack
 * would pass CloudFormation's 500 resources (a nested stack has its own 500; the API stays here).
 */
export function addRoutes(
  stack: Stack,
  api: HttpApi,
  signIn: SignIn,
  fns: Record<FunctionName, AllianceFunction>,
): NestedStack {
  const scope = new NestedStack(stack, 'Routes', { description: 'Alliantiecyclus API routes' });
  const authorizer = new HttpUserPoolAuthorizer('ProgrammeOfficeAuthorizer', signIn.userPool, {
    userPoolClients: [signIn.apiClient],
  });
  // One integration per function, shared by all of its routes, and one permission for it to be
  // invoked by this API: a permission per route (the default) made 122 of the stack's resources
  // (and grows each function's resource policy towards its 20 KB).
  const integrations = new Map<FunctionName, HttpLambdaIntegration>();
  for (const route of routes) {
    if (!integrations.has(route.fn))
      integrations.set(
        route.fn,
        new HttpLambdaIntegration(`${route.fn}Integration`, fns[route.fn], { scopePermissionToRoute: false }),
      );
    new HttpRoute(scope, `${route.method}${route.path.replace(/[^\w]/g, '-')}`, {
      httpApi: api,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: integrations.get(route.fn)!,
      ...(route.auth === 'office' ? { authorizer } : {}),
    });
  }
  return scope;
}
