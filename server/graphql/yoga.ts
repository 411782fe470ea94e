/**
 * The GraphQL endpoint: graphql-yoga over the executable schema, GraphiQL on `GET /graphql`,
 * the account and user taken from the authenticated request; query limits in query-limits.ts.
 */
import type { Request, Response } from 'express';
import { createYoga } from 'graphql-yoga';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from './context.js';
import { maskError } from './errors.js';
import { useQueryLimits, type QueryLimits } from './query-limits.js';

export function createGraphQLHandler(schema: GraphQLSchema, limits: QueryLimits) {
  return createYoga<{ req: Request; res: Response }, GraphQLContext>({
    schema,
    plugins: [useQueryLimits(limits)],
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'fluent-sim GraphiQL', defaultQuery: '{ me { id username primaryRetailer { id ref } } }' },
    // The GraphiQL page with its scripts and styles inlined, so it works offline; loaded on the
    // first visit because the bundle takes a few hundred ms to import.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    maskedErrors: { maskError },
    // Express types `res.locals` loosely; the authentication in front of /graphql put the account
    // and user there (http/middleware/auth.ts, http/lean-routes.ts).
    context: ({ res }): GraphQLContext => ({ account: res.locals['account'], user: res.locals['user'] }),
    logging: false,
  });
}
