import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../support/test-app.js';
import { ok } from './fixtures.js';

describe('Mutation.createComment', () => {
  it('records the authenticated user as the author', async () => {
    const t = await createTestApp();
    const data = await ok<{ createComment: { id: string; text: string; entityType: string; user: { username: string } } }>(
      t,
      `mutation { createComment(input: {entityType: "ORDER", entityRef: "HD-1", text: "Customer called"}) { id text entityType user { username } } }`,
    );
    expect(data.createComment).toMatchObject({ text: 'Customer called', entityType: 'ORDER', user: { username: t.sim.config.username } });
    const read = await ok<{ commentById: { user: { username: string } } }>(t, `query($id: ID!) { commentById(id: $id) { user { username } } }`, {
      id: data.createComment.id,
    });
    expect(read.commentById.user.username).toBe(t.sim.config.username);
  });

  it('answers C0140E without an input', async () => {
    const t = await createTestApp();
    const res = await t.gql(`mutation { createComment { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('C0140E');
  });
});
