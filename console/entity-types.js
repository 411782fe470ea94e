// The entity types the console lists, each with its GraphQL list query (ref/status filters and
// cursor paging as the platform has them) and the fields and children of its detail page.
const ATTRS = 'attributes { name type value }';

export const ENTITY_TYPES = {
  ORDER: {
    label: 'Orders',
    list: 'orders',
    byId: 'orderById',
    root: true,
    columns: 'id ref type status createdOn',
    detail: `id ref type status workflowRef workflowVersion createdOn updatedOn totalPrice ${ATTRS}
      customer { id ref firstName lastName }
      items(first: 100) { edges { node { id ref status quantity price } } }
      fulfilments(first: 100) { edges { node { id ref type status deliveryType } } }`,
  },
  FULFILMENT: {
    label: 'Fulfilments',
    list: 'fulfilments',
    byId: 'fulfilmentById',
    columns: 'id ref type status createdOn',
    detail: `id ref type status deliveryType workflowRef workflowVersion createdOn updatedOn ${ATTRS}
      order { id ref type workflowRef workflowVersion } fromLocation { ref }
      items(first: 100) { edges { node { id ref status requestedQuantity filledQuantity rejectedQuantity } } }`,
  },
  LOCATION: {
    label: 'Locations',
    list: 'locations',
    byId: 'locationById',
    root: true,
    columns: 'id ref type status createdOn',
    detail: `id ref type status name workflowRef workflowVersion createdOn updatedOn ${ATTRS}`,
  },
  PRODUCT: {
    label: 'Products (variant)',
    list: 'variantProducts',
    root: false,
    columns: 'id ref type status createdOn catalogue { ref }',
    detail: `id ref type status name gtin workflowRef workflowVersion createdOn updatedOn catalogue { ref } ${ATTRS}`,
  },
  STANDARD_PRODUCT: {
    label: 'Products (standard)',
    list: 'standardProducts',
    columns: 'id ref type status createdOn catalogue { ref }',
    detail: `id ref type status name gtin workflowRef workflowVersion createdOn updatedOn catalogue { ref } ${ATTRS}`,
  },
  INVENTORY_POSITION: {
    label: 'Inventory positions',
    list: 'inventoryPositions',
    columns: 'id ref type status createdOn catalogue { ref }',
    detail: `id ref type status productRef locationRef onHand workflowRef workflowVersion createdOn updatedOn catalogue { ref } ${ATTRS}`,
  },
  CUSTOMER: {
    label: 'Customers',
    list: 'customers',
    byId: 'customerById',
    columns: 'id ref status createdOn',
    detail: `id ref status firstName lastName username primaryEmail primaryPhone country createdOn updatedOn ${ATTRS}`,
  },
};

/** The Event API entity type of a console type (products are PRODUCT whatever their kind). */
export function eventEntityType(type) {
  return type === 'STANDARD_PRODUCT' ? 'PRODUCT' : type;
}
