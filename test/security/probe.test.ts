import request from 'supertest';
import { it } from 'vitest';
import { createTestApp } from '../support/test-app.js';

it('probe', async () => {
  const t = await createTestApp();
  const tok = await t.token();
  const A = { Authorization: `Bearer ${tok}` };
  const show = (name: string, r: request.Response) => console.log(name, r.status, r.text.slice(0, 200));
  show('latin1', await request(t.app).post('/api/v4.1/event/sync').set(A).set('Content-Type', 'application/json; charset=latin1').send('{"a":1}'));
  show('gzip', await request(t.app).post('/api/v4.1/event/sync').set(A).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"a":1}'));
  show('br', await request(t.app).post('/api/v4.1/event/sync').set(A).set('Content-Type', 'application/json').set('Content-Encoding', 'br').send('{"a":1}'));
  show('form', await request(t.app).post('/oauth/token').set('Content-Type', 'application/x-www-form-urlencoded').send('a=' + 'x'.repeat(200_000)));
  show('pct', await request(t.app).get('/api/v4.1/event/%ZZ').set(A));
  show('pctsim', await request(t.app).get('/_sim/webhooks/%ZZ'));
  show('big', await request(t.app).post('/graphql').set(A).set('Content-Type', 'application/json').send(JSON.stringify({ query: '{ me { id } }', x: 'x'.repeat(3_000_000) })));
  show('gqltext', await request(t.app).post('/graphql').set(A).set('Content-Type', 'text/plain').send('x'.repeat(3_000_000)));
  show('gqlgzip', await request(t.app).post('/graphql').set(A).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"query":"{me{id}}"}'));
  show('gqlgetvars', await request(t.app).get('/graphql?query=' + encodeURIComponent('query($a:String){ me { id } }') + '&variables={bad').set(A).set('Accept', 'application/json'));
  show('braces', await request(t.app).post('/graphql').set(A).send({ query: '{'.repeat(5000) + '}'.repeat(5000) }));
  show('itemsnull', await request(t.app).post('/graphql').set(A).send({ query: 'mutation { createOrder(input: { ref: "N1", type: "HD", retailer: { id: "1" }, customer: { id: "1" }, items: [null] }) { id } }' }));
  show('inf', await request(t.app).post('/graphql').set(A).send({ query: 'mutation { createOrder(input: { ref: "N2", type: "HD", totalPrice: 1e309, retailer: { id: "1" }, customer: { id: "1" }, items: [{ ref: "N2-1", productRef: "TSHIRT-BLK-M", quantity: 1 }] }) { id } }' }));
  show('infvar', await request(t.app).post('/graphql').set(A).set('Content-Type', 'application/json').send('{"query":"mutation($p: Float) { createOrder(input: { ref: \\"N3\\", type: \\"HD\\", totalPrice: $p, retailer: { id: \\"1\\" }, customer: { id: \\"1\\" }, items: [{ ref: \\"N3-1\\", productRef: \\"TSHIRT-BLK-M\\", quantity: 1 }] }) { id } }","variables":{"p":1e309}}'));
  show('jobbig', await request(t.app).post('/api/v4.1/job').set(A).set('Content-Type', 'application/json').send(JSON.stringify({ name: 'x', retailerId: '1', meta: 'x'.repeat(3_000_000) })));
});
