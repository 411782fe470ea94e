/**
 * `carrierConsignmentArticleById(article: ArticleId, carrierConsignment: CarrierConsignmentKey)`:
 * the join record between an article and a carrier consignment (created by
 * `createCarrierConsignment`'s `carrierConsignmentArticles`). The carrier consignment is named by
 * ref. Both keys narrow; with neither, or when nothing matches, the answer is `null`.
 */
import type { GraphQLContext } from '../context.js';
import type { EntityRecord } from '../../domain/store/store.js';
import { findJoinRecord } from './find-join-record.js';

type Args = { article?: { id: string } | null; carrierConsignment?: { ref: string } | null };

export function carrierConsignmentArticleById(_parent: unknown, a: Args, ctx: GraphQLContext): EntityRecord | null {
  const { account } = ctx;
  const article = a.article ? (account.store.get('Article', String(a.article.id)) ?? null) : undefined;
  const carrierConsignment = a.carrierConsignment
    ? (account.entities.findByKey(account.view, 'CarrierConsignment', { ref: a.carrierConsignment.ref }) ?? null)
    : undefined;
  return findJoinRecord(account, 'CarrierConsignmentArticle', { article, carrierConsignment });
}
