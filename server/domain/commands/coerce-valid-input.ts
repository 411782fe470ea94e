/**
 * The fast path of `coerce-arguments.ts`: graphql-js's `coerceInputValue` re-examines the type
 * (five `instanceOf` checks per value) and allocates a path and an error callback per field, on
 * every call; a batch or a seed runs the same few input types thousands of times. Here each
 * input type is examined once and kept as a function. It takes the same steps as graphql-js 16
 * (utilities/coerceInputValue.js) for a valid value and gives the same result; at the first
 * problem it gives up with `INVALID`, and the caller runs graphql-js for its exact messages.
 */
import { type GraphQLInputField, type GraphQLInputType, type GraphQLLeafType, isInputObjectType, isLeafType, isListType, isNonNullType } from 'graphql';
import { isRecord } from '../../lib/guards.js';

/** The value is not valid (or takes a path this file leaves to graphql-js). */
export const INVALID: unique symbol = Symbol('invalid input');

type Coerce = (value: unknown) => unknown;

const compiled = new WeakMap<GraphQLInputType, Coerce>();

/** `value` coerced to `type` (never null or undefined: the caller handles absent values), or INVALID. */
export function coerceValidInput(value: unknown, type: GraphQLInputType): unknown {
  return coercerOf(type)(value);
}

function coercerOf(type: GraphQLInputType): Coerce {
  let coerce = compiled.get(type);
  if (!coerce) {
    coerce = compile(type);
    compiled.set(type, coerce);
  }
  return coerce;
}

function compile(type: GraphQLInputType): Coerce {
  if (isNonNullType(type)) {
    const inner = coercerOf(type.ofType);
    return (value) => (value == null ? INVALID : inner(value));
  }
  if (isListType(type)) return nullable(listCoercer(type.ofType));
  if (isInputObjectType(type)) {
    // A oneOf input has checks of its own: graphql-js does those.
    if (type.isOneOf) return () => INVALID;
    return nullable(objectCoercer(() => Object.values(type.getFields())));
  }
  if (isLeafType(type)) return nullable(leafCoercer(type));
  return () => INVALID;
}

/** graphql-js: a nullable type takes null (and undefined) as null. */
const nullable =
  (coerce: Coerce): Coerce =>
  (value) =>
    value == null ? null : coerce(value);

/** graphql-js's isIterableObject: an object (not a string) with an iterator. */
const isIterableObject = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.iterator in value && typeof value[Symbol.iterator] === 'function';

/** graphql-js: an iterable object item by item, anything else as a list of one. */
function listCoercer(itemType: GraphQLInputType): Coerce {
  const item = coercerOf(itemType);
  return (value) => {
    if (!isIterableObject(value)) {
      const one = item(value);
      return one === INVALID ? INVALID : [one];
    }
    const out: unknown[] = [];
    for (const entry of value) {
      const coerced = item(entry);
      if (coerced === INVALID) return INVALID;
      out.push(coerced);
    }
    return out;
  };
}

/** graphql-js: fields in the type's order, defaults for absent ones, no field the type lacks. Fields are read on first use (input types may refer to themselves). */
function objectCoercer(fieldsOf: () => GraphQLInputField[]): Coerce {
  let fields: { name: string; coerce: Coerce; defaultValue: unknown; required: boolean }[] | undefined;
  let known: ReadonlySet<string> | undefined;
  return (value) => {
    if (!isRecord(value)) return INVALID;
    if (!fields || !known) {
      fields = fieldsOf().map((f) => ({ name: f.name, coerce: coercerOf(f.type), defaultValue: f.defaultValue, required: isNonNullType(f.type) }));
      known = new Set(fields.map((f) => f.name));
    }
    for (const key of Object.keys(value)) if (!known.has(key)) return INVALID;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const fieldValue = value[field.name];
      if (fieldValue === undefined) {
        if (field.defaultValue !== undefined) out[field.name] = field.defaultValue;
        else if (field.required) return INVALID;
        continue;
      }
      const coerced = field.coerce(fieldValue);
      if (coerced === INVALID) return INVALID;
      out[field.name] = coerced;
    }
    return out;
  };
}

/** graphql-js: the scalar's or enum's `parseValue`; a throw or `undefined` is invalid. */
function leafCoercer(type: GraphQLLeafType): Coerce {
  return (value) => {
    try {
      const parsed: unknown = type.parseValue(value);
      return parsed === undefined ? INVALID : parsed;
    } catch {
      return INVALID;
    }
  };
}
