/**
 * Builds the resolver map for the whole schema from the entity model: generic lookups, searches,
 * creates and updates for the root fields, link / connection resolvers for every stored type,
 * and the named special resolvers where Fluent is not conventional (style §3).
 */
import { type GraphQLObjectType, getNamedType, isInterfaceType, isObjectType } from 'graphql';
import { commandOf, SPECIAL_MUTATIONS } from '../domain/commands/run-command.js';
import { classifyField, type FieldClass } from '../domain/field-kinds.js';
import { buildPredicate } from '../domain/filters.js';
import type { Model } from '../domain/model.js';
import { pageArgsOf, pageRecords } from '../domain/paging.js';
import { isEntityRecord, isLinkRef, linkTo, type EntityRecord } from '../domain/store/store.js';
import { searchRoot } from '../domain/search.js';
import type { FieldResolver as Resolver, ResolverMap } from './attach-resolvers.js';
import type { GraphQLContext } from './context.js';
import { isRecord, propertyOf } from '../lib/guards.js';
import { DERIVED_FIELDS } from './special/derived-fields.js';
import { SPECIAL_RESOLVERS } from './special/index.js';

export function buildResolvers(model: Model): { resolvers: ResolverMap; classes: Map<string, FieldClass> } {
  const { schema } = model;
  const specials = new Set([...Object.keys(SPECIAL_RESOLVERS), ...SPECIAL_MUTATIONS]);
  const classes = new Map<string, FieldClass>();
  const resolvers: ResolverMap = {};

  for (const root of ['Query', 'Mutation'] as const) {
    const type = root === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
    const map: Record<string, Resolver> = {};
    for (const field of Object.values(type.getFields())) {
      const cls = classifyField(model, field, root, specials);
      classes.set(`${root}.${field.name}`, cls);
      if (root === 'Mutation') {
        // Every mutation is a domain command; graphql-js has already coerced its arguments.
        const command = commandOf(model, field);
        map[field.name] = (_p, args, ctx) => command(ctx.account, args, ctx.user);
        continue;
      }
      switch (cls.kind) {
        case 'lookup':
          map[field.name] = (_p, args, ctx) => lookup(ctx, cls.typename, args);
          break;
        case 'search':
          map[field.name] = (_p, args, ctx) => searchRoot(ctx.account, model.concreteTypes(cls.node), field.args, args);
          break;
        case 'create':
        case 'update':
          throw new Error(`${root}.${field.name}: a query classified as a mutation`);
        case 'special': {
          const special = SPECIAL_RESOLVERS[`${root}.${field.name}`];
          if (!special) throw new Error(`${root}.${field.name} fits no convention and has no special resolver (server/graphql/special/)`);
          map[field.name] = special;
          break;
        }
        default: {
          const exhaustive: never = cls;
          throw new Error(`unclassified ${String(exhaustive)}`);
        }
      }
    }
    resolvers[root] = map;
  }

  // Object types: links, lists of links, connections, derived fields.
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__') || t.name === 'Query' || t.name === 'Mutation') continue;
    if (isInterfaceType(t)) {
      resolvers[t.name] = (v) => {
        const typename = propertyOf(v, '__typename');
        return typeof typename === 'string' ? typename : undefined;
      };
      continue;
    }
    if (!isObjectType(t)) continue;
    const map = objectResolvers(model, t);
    if (Object.keys(map).length) resolvers[t.name] = map;
  }
  return { resolvers, classes };
}

function objectResolvers(model: Model, type: GraphQLObjectType): Record<string, Resolver> {
  const map: Record<string, Resolver> = {};
  const entity = model.entities[type.name];
  for (const field of Object.values(type.getFields())) {
    const derived = DERIVED_FIELDS[`${type.name}.${field.name}`];
    if (derived) {
      // Derived fields belong to entity types, whose values are stored records.
      map[field.name] = (parent, args, ctx) => (isEntityRecord(parent) ? derived(parent, args, ctx) : null);
      continue;
    }
    const kind = entity?.fields[field.name];
    const named = getNamedType(field.type);
    if (named.name === 'WorkflowLink' && entity) {
      // `workflow: WorkflowLink` is the entity's own workflowRef/workflowVersion [schema].
      map[field.name] = (parent) => {
        const ref = propertyOf(parent, 'workflowRef');
        const version = propertyOf(parent, 'workflowVersion');
        return propertyOf(parent, field.name) ?? (ref == null ? null : { ref, version: version == null ? null : Number(version) });
      };
    } else if (kind?.kind === 'connection') {
      const nodeTypes = model.concreteTypes(kind.node);
      map[field.name] = (parent, args, ctx) => {
        const value = propertyOf(parent, field.name);
        const members = (Array.isArray(value) ? value : []).filter(isLinkRef);
        const store = ctx.account.store;
        const seen = new Map<string, EntityRecord>();
        for (const m of members) {
          const r = store.resolve(m);
          if (r) seen.set(`${r.__typename}:${r.id}`, r);
        }
        if (isEntityRecord(parent)) for (const nt of nodeTypes) for (const r of store.linkedFrom(linkTo(parent), nt)) seen.set(`${r.__typename}:${r.id}`, r);
        const predicate = buildPredicate(store, field.args, args);
        return pageRecords([...seen.values()].filter(predicate), pageArgsOf(args), ctx.account.paging);
      };
    } else if (kind?.kind === 'link') {
      map[field.name] = (parent, _a, ctx) => {
        const v = propertyOf(parent, field.name) ?? (field.name.endsWith('Link') ? propertyOf(parent, field.name.slice(0, -4)) : undefined);
        return isLinkRef(v) ? ctx.account.store.resolve(v) : v;
      };
    } else if (kind?.kind === 'links') {
      const targets = model.concreteTypes(kind.target);
      map[field.name] = (parent, _a, ctx) => {
        const v = propertyOf(parent, field.name);
        if (Array.isArray(v)) return v.map((x) => (isLinkRef(x) ? ctx.account.store.resolve(x) : x));
        // Not stored on this side: the records linking here (Invoice.creditMemos ← CreditMemo.invoice).
        return isEntityRecord(parent) ? targets.flatMap((t) => ctx.account.store.linkedFrom(linkTo(parent), t)) : [];
      };
    } else if ((isObjectType(named) || isInterfaceType(named)) && model.concreteTypes(named.name).length && !entity) {
      // A value object naming an entity by key (UserRole.role = {name}) or by link.
      map[field.name] = (parent, _a, ctx) => resolveEmbedded(ctx, named.name, propertyOf(parent, field.name));
    } else if (isObjectType(named) && /Link$/.test(named.name) && !entity) {
      // A link view inside a link view (ProductLink.catalogue: CatalogueLink, OrderItemLink.order: OrderLink).
      map[field.name] = (parent, _a, ctx) => {
        const v = propertyOf(parent, field.name);
        const one = (x: unknown): unknown => (isLinkRef(x) ? (ctx.account.store.resolve(x) ?? null) : x);
        return Array.isArray(v) ? v.map(one) : one(v);
      };
    }
  }
  return map;
}

function resolveEmbedded(ctx: GraphQLContext, typename: string, value: unknown): unknown {
  const one = (v: unknown): unknown => {
    if (isLinkRef(v)) return ctx.account.store.resolve(v);
    if (isRecord(v) && !('__typename' in v)) return ctx.account.entities.findByKey(ctx.account.view, typename, v) ?? null;
    return v;
  };
  return Array.isArray(value) ? value.map(one) : one(value);
}

function lookup(ctx: GraphQLContext, typename: string, args: Record<string, unknown>): EntityRecord | null {
  const key = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));
  if (Object.keys(key).length === 0) return null;
  return ctx.account.entities.findByKey(ctx.account.view, typename, key) ?? null;
}
