/**
 * Misc: comments on entities (by entity type with id or ref).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AROUND_NOW, createHarness, type Harness, LONG_AGO, nodes, pluck } from './support/harness.js';

const NOW = '2026-01-15T09:00:00.000Z';

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const d = await h.ok(`{ location(ref: "LOC_MEL_STORE") { id } }`);
  ids['mel'] = d.location.id;
});

describe('comments', () => {
  it('createComment comments on an entity by id or by ref', async () => {
    const d = await h.ok(
      `mutation ($mel: ID) {
      byId: createComment(input: { entityType: "LOCATION", entityId: $mel, text: "Loading dock closed on Sunday" }) { id entityType entityId entityRef text createdOn }
      byRef: createComment(input: { entityType: "ORDER", entityRef: "HD-1234", text: "Customer called about delivery" }) { id entityType entityId entityRef text }
    }`,
      { mel: ids['mel'] },
    );
    expect(d.byId).toMatchObject({ entityType: 'LOCATION', entityId: ids['mel'], entityRef: null, text: 'Loading dock closed on Sunday', createdOn: NOW });
    expect(d.byRef).toMatchObject({ entityType: 'ORDER', entityId: null, entityRef: 'HD-1234', text: 'Customer called about delivery' });
    ids['comment'] = d.byId.id;
    ids['orderComment'] = d.byRef.id;
  });

  it('a comment records the user who wrote it', async () => {
    const { commentById } = await h.ok(`query ($id: ID!) { commentById(id: $id) { user { username } } }`, { id: ids['comment'] });
    expect(commentById.user).toEqual({ username: 'admin' });
  });

  it('commentById returns it', async () => {
    const { commentById, missing } = await h.ok(
      `query ($id: ID!) { commentById(id: $id) { id entityType entityId text } missing: commentById(id: "999") { id } }`,
      { id: ids['comment'] },
    );
    expect(commentById).toEqual({ id: ids['comment'], entityType: 'LOCATION', entityId: ids['mel'], text: 'Loading dock closed on Sunday' });
    expect(missing).toBeNull();
  });

  it('comments finds by entity and not by a non-matching filter', async () => {
    const d = await h.ok(
      `query ($mel: ID, $now: DateRange, $old: DateRange) {
      byEntity: comments(entityType: ["LOCATION"], entityId: [$mel]) { edges { node { text } } }
      byRef: comments(entityType: ["ORDER"], entityRef: ["HD-1234"], createdOn: $now) { edges { node { text } } }
      byText: comments(text: ["Customer called about delivery"]) { edges { node { entityRef } } }
      wrong: comments(entityType: ["ORDER"], entityId: [$mel]) { edges { node { text } } }
      old: comments(createdOn: $old) { edges { node { text } } }
    }`,
      { mel: ids['mel'], now: AROUND_NOW, old: LONG_AGO },
    );
    expect(pluck(d.byEntity, 'text')).toEqual(['Loading dock closed on Sunday']);
    expect(pluck(d.byRef, 'text')).toEqual(['Customer called about delivery']);
    expect(nodes(d.byText)).toEqual([{ entityRef: 'HD-1234' }]);
    expect(pluck(d.wrong, 'text')).toEqual([]);
    expect(pluck(d.old, 'text')).toEqual([]);
  });

  it('updateComment (keyed by id) changes the text', async () => {
    const { updateComment: u } = await h.ok(
      `mutation ($id: ID!) { updateComment(input: { id: $id, text: "Loading dock closed on Sundays and public holidays" }) { id entityType text } }`,
      { id: ids['comment'] },
    );
    expect(u).toEqual({ id: ids['comment'], entityType: 'LOCATION', text: 'Loading dock closed on Sundays and public holidays' });
    const d = await h.ok(
      `query ($id: ID!) { commentById(id: $id) { text } comments(text: ["Loading dock closed on Sundays and public holidays"]) { edges { node { id } } } }`,
      { id: ids['comment'] },
    );
    expect(d.commentById).toEqual({ text: 'Loading dock closed on Sundays and public holidays' });
    expect(pluck(d.comments, 'id')).toEqual([ids['comment']]);
  });
});
