/**
 * `consignmentArticleById(article: ArticleId, consignment: ConsignmentId)`: the join record
 * between an article and a consignment (created by `createConsignment`'s `consignmentArticles`).
 * Both keys narrow; with neither, or when nothing matches, the answer is `null`, as for other
 * lookups.
 */
import type { GraphQLContext } from '../context.js';
import type { EntityRecord } from '../../domain/store/store.js';
import { findJoinRecord } from './find-join-record.js';

type Args = { article?: { id: string } | null; consignment?: { id: string } | null };

export function consignmentArticleById(_parent: unknown, a: Args, ctx: GraphQLContext): EntityRecord | null {
  const { store } = ctx.account;
  const article = a.article ? (store.get('Article', String(a.article.id)) ?? null) : undefined;
  const consignment = a.consignment ? (store.get('Consignment', String(a.consignment.id)) ?? null) : undefined;
  return findJoinRecord(ctx.account, 'ConsignmentArticle', { article, consignment });
}
