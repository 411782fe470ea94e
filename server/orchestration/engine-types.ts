/**
 * Former name of `engine-api.ts` and `webhook-queue.ts`, kept only so branches written against
 * it still build; import from those modules instead. Delete once no file imports it.
 */
export type * from './engine-api.js';
export type * from './webhook-queue.js';
