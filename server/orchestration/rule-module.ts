/**
 * The Fluent plugin ("module") a built-in rule belongs to, from its namespace, for /_sim/rules and
 * the README rule table. Namespaces as real workflows write them (real-world-usage.md): `core`,
 * `order`, `fulfilment`, `globalinventory` are Fluent's reference modules (docs.fluentcommerce.com
 * building-blocks pages name the plugin); `commonv2`, `commongi` and `base` are the older shared
 * libraries whose rules carry the same names.
 */
const MODULES: Readonly<Record<string, string>> = {
  core: 'Core Reference Module',
  order: 'Order Reference Module',
  fulfilment: 'Fulfilment Reference Module',
  globalinventory: 'Inventory Reference Module',
  inventory: 'Inventory Reference Module',
  commonv2: 'commonv2 library (order and fulfilment)',
  commongi: 'commongi library (global inventory)',
  base: 'FLUENTRETAIL.base library (legacy)',
};

/** `globalinventory.CreateCategory` → `Inventory Reference Module`; unknown namespaces as written. */
export function ruleModule(ruleName: string): string {
  const namespace = ruleName.split('.')[0] ?? ruleName;
  return MODULES[namespace] ?? namespace;
}
