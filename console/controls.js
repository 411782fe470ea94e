// Simulator controls: the virtual clock (/_sim/clock), reset, snapshots, and sending an event.
import { sim } from './api.js';
import { attempt, h, table, when } from './dom.js';
import { sendEventForm } from './send-event.js';

function clockForm(clock, reload) {
  const post = (body, done) => attempt(() => sim('/_sim/clock', { method: 'POST', body }), done).then(reload);
  return h(
    'div',
    {},
    h('p', {}, 'Now ', h('strong', { id: 'clock-now' }, clock.now), clock.frozen ? ' (frozen)' : ' (running)'),
    h(
      'button',
      { type: 'button', onclick: () => post({ freeze: !clock.frozen }, clock.frozen ? 'Clock running' : 'Clock frozen') },
      clock.frozen ? 'Unfreeze' : 'Freeze',
    ),
    h(
      'form',
      {
        class: 'inline',
        onsubmit: (e) => {
          e.preventDefault();
          const advance = new FormData(e.target).get('advance').trim();
          void post({ advance }, `Advanced by ${advance}`);
        },
      },
      h('label', {}, 'Advance by (ISO-8601 duration) ', h('input', { name: 'advance', value: 'PT1H', required: true })),
      h('button', { type: 'submit' }, 'Advance'),
    ),
  );
}

function snapshots(list, reload) {
  const save = h(
    'form',
    {
      class: 'inline',
      onsubmit: (e) => {
        e.preventDefault();
        const name = new FormData(e.target).get('name').trim();
        void attempt(() => sim('/_sim/snapshots', { method: 'POST', body: { name } }), `Saved ${name}`).then(reload);
      },
    },
    h('label', {}, 'Snapshot name ', h('input', { name: 'name', required: true, pattern: '[\\w.:\\-]+' })),
    h('button', { type: 'submit' }, 'Save snapshot'),
  );
  const rows = list.map((s) =>
    h(
      'tr',
      {},
      h('td', {}, s.name),
      h('td', {}, when(s.createdOn)),
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            onclick: () => attempt(() => sim(`/_sim/snapshots/${encodeURIComponent(s.name)}/restore`, { method: 'POST' }), `Restored ${s.name}`).then(reload),
          },
          `Restore ${s.name}`,
        ),
      ),
    ),
  );
  return h('div', {}, save, rows.length ? table('Snapshots', ['Name', 'Saved at (virtual)', ''], rows) : h('p', {}, 'No snapshots.'));
}

export async function controlsPage() {
  const region = h('div', {});
  const reload = async () => {
    const [clock, saved] = await Promise.all([sim('/_sim/clock'), sim('/_sim/snapshots')]);
    region.replaceChildren(
      h('h2', {}, 'Virtual clock'),
      clockForm(clock, reload),
      h('h2', {}, 'Reset'),
      h(
        'button',
        {
          type: 'button',
          onclick: () => confirm('Reset the account to its seed?') && attempt(() => sim('/_sim/reset', { method: 'POST' }), 'Account reset').then(reload),
        },
        'Reset account to its seed',
      ),
      h('h2', {}, 'Snapshots'),
      snapshots(saved.snapshots, reload),
    );
  };
  await reload();
  return { node: h('section', {}, h('h1', {}, 'Controls'), region, h('h2', {}, 'Send an event'), sendEventForm()) };
}
