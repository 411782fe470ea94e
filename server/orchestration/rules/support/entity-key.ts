/** The `EntityKey` of an entity snapshot: what effects use to address it. */
import type { EntityKey, EntityView } from '../../port.js';

export const entityKey = (entity: Readonly<EntityView>): EntityKey => ({
  entityType: entity.entityType,
  id: entity.id,
  ref: entity.ref,
});
