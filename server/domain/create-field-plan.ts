/**
 * How a create input's fields are stored, worked out once per input type and entity type (issue
 * 17): each field's stored name, and whether its value is kept as given, resolved as a reference,
 * created as children or kept as a value whose keys must exist. `EntityService.createIn` read the
 * same from the schema for every field of every create (a batch of 5,000 inventory records makes
 * 10,000 creates).
 */
import { type GraphQLInputObjectType, getNamedType, isInputObjectType } from 'graphql';
import { REFERENCE_INPUT } from './entity-references.js';
import type { Model } from './model.js';
import { INPUT_FIELD_RENAMES } from './overrides.js';

export type CreateFieldPlan =
  /** A scalar, an enum or a list of them: stored as given. */
  | { out: string; kind: 'plain' }
  /** A `…Id` / `…Key` input naming another entity (`REFERENCE_INPUT`). */
  | { out: string; kind: 'reference'; named: GraphQLInputObjectType }
  /** `Create…Input` of children, created after the parent (they may need its id). */
  | { out: string; kind: 'children'; named: GraphQLInputObjectType }
  /** Any other input object (UserRoleInput, PriceInput, …): stored as given, its keys checked. */
  | { out: string; kind: 'value'; named: GraphQLInputObjectType };

/** maps input type → entity type → field name → plan */
const plans = new WeakMap<GraphQLInputObjectType, Map<string, ReadonlyMap<string, CreateFieldPlan>>>();

/** The plan of each field of `inputType` when it creates a `typename`; a field it lacks has none. */
export function createFieldPlan(model: Model, typename: string, inputType: GraphQLInputObjectType): ReadonlyMap<string, CreateFieldPlan> {
  let byTypename = plans.get(inputType);
  if (!byTypename) plans.set(inputType, (byTypename = new Map()));
  let plan = byTypename.get(typename);
  if (!plan) byTypename.set(typename, (plan = planOf(model, typename, inputType)));
  return plan;
}

function planOf(model: Model, typename: string, inputType: GraphQLInputObjectType): Map<string, CreateFieldPlan> {
  const plan = new Map<string, CreateFieldPlan>();
  for (const [name, def] of Object.entries(inputType.getFields())) {
    const out = INPUT_FIELD_RENAMES[typename]?.[name] ?? name;
    const named = getNamedType(def.type);
    if (!isInputObjectType(named)) plan.set(name, { out, kind: 'plain' });
    else if (REFERENCE_INPUT.test(named.name)) plan.set(name, { out, kind: 'reference', named });
    else if (named.name.startsWith('Create') && model.entities[typename]?.fields[out]?.kind !== 'value') plan.set(name, { out, kind: 'children', named });
    else plan.set(name, { out, kind: 'value', named });
  }
  return plan;
}
