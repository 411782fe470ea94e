import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

describe('GET /graphql in a browser', () => {
  it('serves GraphiQL without a token and without loading scripts from the network', async () => {
    const t = await createTestApp();
    const res = await request(t.app).get('/graphql').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('fluent-sim GraphiQL');
    expect(res.text).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(res.text).not.toMatch(/<link[^>]+href=["']https?:\/\/[^"']+\.css/);
  });

  it('still needs a token for a query sent by GET', async () => {
    const t = await createTestApp();
    const res = await request(t.app).get('/graphql').query({ query: '{ me { id } }' });
    expect(res.status).toBe(401);
  });
});
