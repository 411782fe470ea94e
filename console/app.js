// The console's shell: account picker, hash routes, header clock and the live refresh (polling).
import { currentAccount, sim, useAccount, useControlToken } from './api.js';
import { attempt, h, say } from './dom.js';
import { controlsPage } from './controls.js';
import { entitiesPage } from './entities.js';
import { entityPage } from './entity.js';
import { eventsPage } from './events.js';
import { timelinePage } from './timeline.js';
import { webhooksPage } from './webhooks.js';
import { workflowPage, workflowsPage } from './workflow.js';

const ROUTES = [
  [/^#\/(?:entities\/([A-Z_]+))?$/, (m, q) => entitiesPage(m[1] ?? 'ORDER', q)],
  [/^#\/entity\/([A-Z_]+)\/([^/]+)$/, (m, q) => entityPage(m[1], decodeURIComponent(m[2]), q)],
  [/^#\/timeline\/([A-Z_]+)\/([^/]+)$/, (m, q) => timelinePage(m[1], decodeURIComponent(m[2]), q)],
  [/^#\/events$/, () => eventsPage()],
  [/^#\/webhooks$/, () => webhooksPage()],
  [/^#\/workflows$/, () => workflowsPage()],
  [/^#\/workflow\/([^/]+)\/([^/]+)\/([^/]+)$/, (m, q) => workflowPage(...m.slice(1, 4).map(decodeURIComponent), q)],
  [/^#\/controls$/, () => controlsPage()],
];

const POLL_MS = 1500;
let refresh;

let navigated = false;

async function route() {
  const [path, search = ''] = (location.hash || '#/').split('?');
  const main = document.getElementById('main');
  const found = ROUTES.map(([re, page]) => [re.exec(path), page]).find(([m]) => m);
  refresh = undefined;
  say('');
  if (!found) return void main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, `No page ${path}`));
  const [match, page] = found;
  const view = await attempt(() => page(match, new URLSearchParams(search)));
  if (!view) return;
  main.replaceChildren(view.node);
  refresh = view.refresh;
  document.title = `${main.querySelector('h1')?.textContent ?? 'console'} · fluent-sim`;
  // After a navigation, focus goes to the new content (screen readers announce it); not on load.
  if (navigated) main.focus();
  navigated = true;
}

async function tick() {
  try {
    const clock = await sim('/_sim/clock');
    document.getElementById('clock').textContent = `Virtual clock ${clock.now}${clock.frozen ? ' (frozen)' : ''}`;
    await refresh?.();
  } catch {
    // the simulator restarting or a page gone: the next tick tries again
  }
}

/** The control plane is closed (not on loopback, or --control-token set): ask for the token. */
function askForControlToken() {
  const form = h(
    'form',
    {
      class: 'inline',
      onsubmit: (e) => {
        e.preventDefault();
        useControlToken(new FormData(form).get('token'));
        location.reload();
      },
    },
    h('label', {}, 'Control token ', h('input', { name: 'token', type: 'password', required: true, autocomplete: 'off' })),
    h('button', { type: 'submit' }, 'Open the console'),
  );
  document
    .getElementById('main')
    .replaceChildren(
      h('h1', {}, 'Control token needed'),
      h('p', {}, 'This simulator listens beyond loopback or has a control token (--control-token), so its control plane (/_sim) needs the token.'),
      form,
    );
}

async function start() {
  let listed;
  try {
    listed = await sim('/_sim/console/accounts');
  } catch (error) {
    if (error.status === 401) return askForControlToken();
    throw error;
  }
  const { default: first, accounts: ids } = listed;
  const select = document.getElementById('account');
  const chosen = new URLSearchParams(location.search).get('account') ?? sessionStorage.getItem('account') ?? first;
  select.replaceChildren(...ids.map((id) => h('option', { value: id, selected: id === chosen }, id === first ? `${id} (default)` : id)));
  useAccount(ids.includes(chosen) ? chosen : first);
  select.addEventListener('change', () => {
    useAccount(select.value);
    sessionStorage.setItem('account', currentAccount());
    void route();
  });
  window.addEventListener('hashchange', () => void route());
  await route();
  await tick();
  setInterval(() => void tick(), POLL_MS);
}

void start();
