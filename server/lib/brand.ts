/**
 * Nominal ("branded") types: a `string` that is an account id is not interchangeable with one
 * that is an event id, though both are strings at run time. A brand costs nothing at run time;
 * a value gets one only through its type's named constructor, at the boundary where a plain
 * string (a URL segment, a parsed file, another layer's plain field) becomes that id.
 */
declare const brand: unique symbol;

export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/** For the named constructors only (`accountIdOf`, …): marks `value` as a `B`. */
export function branded<B extends Brand<string, string>>(value: string): B {
  // The one place a brand is given: it exists only in the type system, so there is nothing to check.
  return value as B;
}
