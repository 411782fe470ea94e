/**
 * `globalinventory.NotifyVirtualCataloguesOnNetworksMatch` (Inventory Reference Module, accepts
 * INVENTORY_POSITION, and INVENTORY_CATALOGUE for `InventoryChanged`, where the position is the
 * one of the `inventoryPosition` record, §2.1): sends props.eventName (e.g. `VirtualCatalogueEvent`)
 * with the attributes `productRef` and `locationRef` to every virtual catalogue fed by the
 * position's inventory catalogue whose networks include the position's location
 * (workflow-contracts.md §2.1, §3.1). It sends nothing unless the position is ACTIVE ("no VP until
 * IP is ACTIVE", §2.1; the default workflow's CREATE ruleset notifies once it activates one).
 * [inferred]: only ACTIVE catalogues are notified; a catalogue naming no network covers every
 * location.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { batchPositionIn, batchPositionOf } from './support/batch-position.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.NotifyVirtualCataloguesOnNetworksMatch';

export const notifyVirtualCataloguesOnNetworksMatch = defineRule({
  name: NAME,
  aliases: ['commongi.NotifyVirtualCataloguesOnNetworksMatch'],
  inferred: 'only ACTIVE catalogues; one naming no network covers every location',
  description: 'Sends props.eventName (productRef, locationRef) to each virtual catalogue whose networks hold the position location.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION' && entity.entityType !== 'INVENTORY_CATALOGUE') {
      throw new Error(`${NAME} runs on INVENTORY_POSITION or INVENTORY_CATALOGUE, not ${entity.entityType}.`);
    }
    const position = entity.entityType === 'INVENTORY_CATALOGUE' ? batchPositionIn(read, entity, batchPositionOf(event, NAME)) : entity;
    if (position?.status !== 'ACTIVE') return [];
    const productRef = String(position.fields['productRef']);
    const locationRef = String(position.fields['locationRef']);
    const attributes = { productRef, locationRef, inventoryPositionRef: position.ref };
    return read
      .virtualCataloguesCovering(position.root.ref ?? '', locationRef)
      .filter((catalogue) => catalogue.status === 'ACTIVE')
      .map((catalogue) => emit({ ...eventFor(catalogue, props.eventName, event), attributes }));
  },
});
