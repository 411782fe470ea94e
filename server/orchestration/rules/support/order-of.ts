/** The ORDER an entity belongs to: itself, or its root ORDER (fluent-platform.md §3.3). */
import type { DomainReader, EntityView } from '../../port.js';

export function orderOf(entity: Readonly<EntityView>, read: DomainReader, ruleName: string): EntityView {
  if (entity.entityType === 'ORDER') return entity;
  const order = entity.root.entityType === 'ORDER' ? read.find({ entityType: 'ORDER', id: entity.root.id, ref: entity.root.ref }) : undefined;
  if (order === undefined) {
    throw new Error(
      `${ruleName} needs an ORDER or an entity of an order; ${entity.entityType} "${entity.ref ?? entity.id}" has root ${entity.root.entityType} "${entity.root.ref ?? entity.root.id}".`,
    );
  }
  return order;
}
