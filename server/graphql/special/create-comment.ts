/**
 * `createComment(input: CreateCommentInput): Comment`: the generic create, plus `Comment.user`,
 * the user who wrote it, which the input cannot carry: the authenticated user of the request
 * [inferred from the field]. In-process callers (seeds, rules) without a known user leave it empty.
 */
import type { GraphQLContext } from '../context.js';
import { linkTo, type EntityRecord } from '../../domain/store/store.js';
import { inputType } from './input-type.js';
import { me } from './me.js';
import { requireInput } from './require-input.js';

type Args = { input?: Record<string, unknown> | null };

export function createComment(_parent: unknown, args: Record<string, unknown>, ctx: GraphQLContext): EntityRecord {
  const input = requireInput((args as Args).input, 'createComment');
  const { account } = ctx;
  const author = me(undefined, {}, ctx);
  const create = inputType(account, 'CreateCommentInput');
  return account.entities.write((tx, changes) => {
    const comment = account.entities.createIn(tx, changes, 'Comment', create, input, undefined);
    if (author) comment['user'] = linkTo(author);
    tx.put(comment);
    return comment;
  });
}
