/**
 * `globalinventory.NotifyVirtualCataloguesOnNetworksMatch` (Inventory Reference Module, accepts
 * INVENTORY_POSITION): sends props.eventName (e.g. `VirtualCatalogueEvent`) with the attributes
 * `productRef` and `locationRef` to every virtual catalogue fed by the position's inventory
 * catalogue whose networks include the position's location (workflow-contracts.md §2.1, §3.1).
 * It sends nothing for an INACTIVE position. [inferred]: only ACTIVE catalogues are notified; a catalogue naming no network covers every
 * location; a CREATED position notifies too, since the InventoryChanged ruleset activates it in the
 * same execution (the platform waits for ACTIVE, §2.3).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.NotifyVirtualCataloguesOnNetworksMatch';

export const notifyVirtualCataloguesOnNetworksMatch = defineRule({
  name: NAME,
  aliases: ['commongi.NotifyVirtualCataloguesOnNetworksMatch'],
  inferred: 'only ACTIVE catalogues; one naming no network covers every location; CREATED positions notify too',
  description: 'Sends props.eventName (productRef, locationRef) to each virtual catalogue whose networks hold the position location.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    if (entity.status === 'INACTIVE') return [];
    const productRef = String(entity.fields['productRef']);
    const locationRef = String(entity.fields['locationRef']);
    return read
      .virtualCataloguesCovering(entity.root.ref ?? '', locationRef)
      .filter((catalogue) => catalogue.status === 'ACTIVE')
      .map((catalogue) => emit({ ...eventFor(catalogue, props.eventName, event), attributes: { productRef, locationRef, inventoryPositionRef: entity.ref } }));
  },
});
