/**
 * `createComment(input: CreateCommentInput): Comment`: the generic create, plus `Comment.user`,
 * the user who wrote it, which the input cannot carry: the authenticated user of the request
 * [inferred from the field]. In-process callers (seeds, rules) without a known user leave it empty.
 */
import type { Actor, Domain } from '../domain.js';
import { linkTo, type EntityRecord } from '../store/store.js';
import { inputType } from './input-type.js';
import { userOf } from '../user-of.js';
import { requireInput } from './require-input.js';

type Args = { input?: Record<string, unknown> | null };

export function createComment(domain: Domain, args: Args, actor: Actor | undefined): EntityRecord {
  const input = requireInput(args.input, 'createComment');
  const author = actor && userOf(domain, actor);
  const create = inputType(domain, 'CreateCommentInput');
  return domain.entities.write((tx, changes) => {
    const comment = domain.entities.createIn(tx, changes, 'Comment', create, input, undefined);
    if (author) comment['user'] = linkTo(author);
    tx.put(comment);
    return comment;
  });
}
