/**
 * Query fields that fit none of the generic conventions, by `Query.field` (the mutations that do
 * not are domain commands: `domain/commands/`). Each lives in its own
 * file named after the field (shared helpers sit beside them). A key here overrides the generic
 * classification (`field-kinds.ts`), so a conventional-looking field that Fluent answers
 * differently (`me`) is listed too.
 */
import type { GraphQLContext } from '../context.js';
import { articlesByLocation } from './articles-by-location.js';
import { carrierConsignmentArticleById } from './carrier-consignment-article-by-id.js';
import { consignmentArticleById } from './consignment-article-by-id.js';
import { inventoryPositionAggregate } from './inventory-position-aggregate.js';
import { inventoryQuantityAggregate } from './inventory-quantity-aggregate.js';
import { me } from './me.js';
import { prices } from './prices.js';
import { searchVirtualInventory } from './search-virtual-inventory.js';
import { typedResolver } from './typed-resolver.js';
import { waveItems } from './wave-items.js';

export type SpecialResolver = (parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext) => unknown;

export const SPECIAL_RESOLVERS: Readonly<Record<string, SpecialResolver>> = {
  // Queries
  'Query.me': me,
  'Query.articlesByLocation': typedResolver(articlesByLocation),
  'Query.consignmentArticleById': typedResolver(consignmentArticleById),
  'Query.carrierConsignmentArticleById': typedResolver(carrierConsignmentArticleById),
  'Query.searchVirtualInventory': typedResolver(searchVirtualInventory),
  'Query.inventoryPositionAggregate': typedResolver(inventoryPositionAggregate),
  'Query.inventoryQuantityAggregate': typedResolver(inventoryQuantityAggregate),
  'Query.prices': typedResolver(prices),
  'Query.waveItems': waveItems,
};
