/** A small inventory world for the inventory-library rule tests: catalogues, a position, its product and location. */
import type { EntityView } from '../../../server/orchestration/port.js';
import { entity } from './fake-reader.js';

export const INVENTORY_CATALOGUE = entity({ entityType: 'INVENTORY_CATALOGUE', id: 'ic1', ref: 'DEFAULT:1', status: 'ACTIVE' });
export const PRODUCT_CATALOGUE = entity({ entityType: 'PRODUCT_CATALOGUE', id: 'pc1', ref: 'PC:MASTER:1', status: 'ACTIVE' });

export const position = (status: string, productRef = 'SKU-1', locationRef = 'LOC-1'): EntityView =>
  entity({
    entityType: 'INVENTORY_POSITION',
    id: 'ip1',
    ref: `${productRef}:${locationRef}`,
    status,
    root: { entityType: 'INVENTORY_CATALOGUE', id: 'ic1', ref: 'DEFAULT:1' },
    fields: { productRef, locationRef },
  });

export const product = (status: string, ref = 'SKU-1', catalogue: EntityView = PRODUCT_CATALOGUE): EntityView =>
  entity({
    entityType: 'PRODUCT',
    id: `p-${ref}-${catalogue.id}`,
    ref,
    status,
    root: { entityType: 'PRODUCT_CATALOGUE', id: catalogue.id, ref: catalogue.ref },
  });

export const location = (status: string, ref = 'LOC-1'): EntityView => entity({ entityType: 'LOCATION', id: `l-${ref}`, ref, status });
