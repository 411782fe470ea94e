// The webhook outbox (GET /_sim/webhooks): each delivery with its attempts, next retry and signed
// body; replay one (POST /_sim/webhooks/{id}/replay) or every failed one.
import { sim } from './api.js';
import { attempt, badge, h, table, when } from './dom.js';

function attempts(delivery) {
  if (!delivery.attempts.length) return h('p', {}, 'No attempt yet.');
  return table(
    `Attempts of ${delivery.name}`,
    ['#', 'At', 'Result', 'Response', 'Error', 'ms'],
    delivery.attempts.map((a) =>
      h(
        'tr',
        {},
        h('td', {}, a.number),
        h('td', {}, when(a.at)),
        h('td', {}, badge(a.status)),
        h('td', {}, a.responseStatus ?? '—', ' ', h('code', {}, a.responseBodyExcerpt)),
        h('td', {}, a.error ?? ''),
        h('td', {}, a.durationMs),
      ),
    ),
  );
}

function delivery(d, reload) {
  return h(
    'li',
    { class: `delivery${d.status === 'FAILED' ? ' bad' : ''}` },
    h(
      'h3',
      {},
      badge(d.status),
      ` ${d.name} · ${d.entityType} ${d.entityRef}`,
      h('span', { class: 'muted' }, ` · ${when(d.createdOn)} · ${d.attempts.length} attempt(s)`),
    ),
    h(
      'p',
      {},
      `To ${d.url}`,
      d.nextAttemptAt ? ` · next retry ${when(d.nextAttemptAt)}` : '',
      d.replayOf ? ` · replay of ${d.replayOf}` : '',
      ' ',
      h(
        'button',
        { type: 'button', onclick: () => attempt(() => sim(`/_sim/webhooks/${d.id}/replay`, { method: 'POST' }), `Replayed ${d.name}`).then(reload) },
        `Replay ${d.name} ${d.entityRef}`,
      ),
    ),
    attempts(d),
    h('details', {}, h('summary', {}, 'Signed body and headers'), h('pre', {}, JSON.stringify(d.headers, null, 2)), h('pre', {}, d.body)),
  );
}

export async function webhooksPage() {
  let data = await sim('/_sim/webhooks');
  const region = h('div', {});
  const draw = () =>
    region.replaceChildren(
      data.count
        ? h(
            'ol',
            { class: 'deliveries' },
            [...data.results].reverse().map((d) => delivery(d, reload)),
          )
        : h('p', {}, 'The outbox is empty.'),
    );
  const reload = async () => {
    data = await sim('/_sim/webhooks');
    draw();
  };
  const replayFailed = () =>
    attempt(async () => {
      const failed = data.results.filter((d) => d.status === 'FAILED');
      for (const d of failed) await sim(`/_sim/webhooks/${d.id}/replay`, { method: 'POST' });
      return failed.length;
    }, 'Replayed every failed delivery').then(reload);
  draw();
  let seen = JSON.stringify(data);
  return {
    node: h(
      'section',
      {},
      h('h1', {}, 'Webhooks'),
      h('p', {}, 'Newest first; updates live. ', h('button', { type: 'button', onclick: replayFailed }, 'Replay all failed')),
      region,
    ),
    async refresh() {
      const next = await sim('/_sim/webhooks');
      const text = JSON.stringify(next);
      if (text === seen) return;
      seen = text;
      data = next;
      draw();
    },
  };
}
