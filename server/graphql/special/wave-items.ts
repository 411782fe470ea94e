/**
 * `waveItems(quantity, first, last, before, after)`: the items of every wave (newest wave first,
 * then by product), as `Wave.items` computes them (`items-of-wave.ts`). The generic search would
 * find nothing: no mutation stores `WaveItem` records.
 */
import type { GraphQLContext } from '../context.js';
import { pageArgsOf } from '../../domain/paging.js';
import { pageList, type ListPage } from './page-list.js';
import { itemsOfWave, withQuantity, type WaveItem } from './items-of-wave.js';

export function waveItems(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext): ListPage<WaveItem> {
  const { store, paging } = ctx.account;
  const waves = [...store.candidates('Wave')].reverse().flatMap((id) => store.get('Wave', String(id)) ?? []);
  const items = waves.flatMap((wave) => itemsOfWave(ctx.account, wave));
  return pageList(withQuantity(items, args['quantity']), pageArgsOf(args), paging);
}
