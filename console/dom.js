// A tiny element builder: h('a', { href: '#/' }, 'text', child). Text is always set as text.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function table(caption, headers, rows) {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

export function when(iso) {
  return iso ? iso.replace('T', ' ').replace(/(\.\d+)?(Z|[+-]\d\d:\d\d)$/, '') : '';
}

export function badge(status) {
  return h('span', { class: `badge s-${String(status ?? '').toLowerCase()}` }, status ?? '—');
}

export function say(message, isError = false) {
  const el = document.getElementById('status');
  el.textContent = message;
  el.className = isError ? 'status error' : 'status';
}

/** Runs an action, reporting its error in the status line instead of throwing. */
export async function attempt(action, done) {
  try {
    const result = await action();
    if (done) say(done);
    return result;
  } catch (error) {
    say(String(error.message ?? error), true);
    return undefined;
  }
}
