/**
 * A ref is unique within the scope its lookup query uses (`order(ref)`: per account;
 * `standardProduct(ref, catalogue)`: per catalogue). A second record with the same ref in the
 * same scope is C0121E (fluent-platform.md §2.10).
 */
import { SimError } from './errors.js';
import type { Model } from './model.js';
import { isNonNullRef, namedTypeOf } from './schema-table.js';
import { isLinkRef, type EntityRecord } from './store/store.js';
import type { Transaction } from './transaction.js';

type Scope = { types: string[]; fields: string[] };

/** Builds the check for a model; the scopes are read from its lookup queries once, on first use. */
export function uniqueRefCheck(model: Model): (tx: Transaction, record: EntityRecord) => void {
  let scopes: Map<string, Scope | null> | undefined;
  const scopeOf = (typename: string): Scope | null => {
    scopes ??= lookupScopes(model);
    return scopes.get(typename) ?? null;
  };
  return (tx, record) => {
    const scope = scopeOf(record.__typename);
    const ref = record['ref'];
    if (!scope || typeof ref !== 'string') return;
    const siblings = scope.types.flatMap((t) => tx.candidates(t, ref));
    const clash = siblings.find((s) =>
      s.id !== record.id || s.__typename !== record.__typename ? scope.fields.every((f) => sameLink(s[f], record[f])) : false,
    );
    if (clash) {
      throw new SimError(
        'DUPLICATE_ENTITY',
        `C0121E: ${record.__typename} with ref "${record['ref']}" already exists${scope.fields.length ? ` in this ${scope.fields.join('/')}` : ''}`,
      );
    }
  };
}

/**
 * Every `x(ref, …)` lookup query: the types it returns and the other required arguments (the
 * scope). Read off the schema table (`Model.queryFields`): a start seeds without building the
 * Query type's 128 fields and their arguments.
 */
function lookupScopes(model: Model): Map<string, Scope | null> {
  const scopes = new Map<string, Scope | null>();
  for (const f of model.queryFields) {
    const args = f.args ?? [];
    const argNames = args.map((a) => a.name);
    if (!argNames.includes('ref') || argNames.includes('first')) continue;
    const types = model.concreteTypes(namedTypeOf(f.type));
    const fields = args.filter((a) => a.name !== 'ref' && a.name !== 'id' && isNonNullRef(a.type)).map((a) => a.name);
    for (const t of types) if (!scopes.has(t)) scopes.set(t, { types, fields });
  }
  return scopes;
}

function sameLink(a: unknown, b: unknown): boolean {
  if (isLinkRef(a) && isLinkRef(b)) return a.__link === b.__link && a.id === b.id;
  return a === b;
}
