// Workflows: the loaded workflows and versions, and one version as an SVG diagram of statuses and
// rulesets (laid out by dagre), with rules that do not run (skipped) or run as stubs marked, the
// current status of an entity highlighted, and the workflow's raw JSON.
import { sim } from './api.js';
import { h, table } from './dom.js';
import { graphlib, layout } from './vendor/dagre.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

function nodeLabel(node) {
  if (node.kind === 'status') return `${node.entityType} ${node.status}`;
  const mark = node.skipped.length ? ' ⚠ skipped rules' : node.stubs.length ? ' (stub)' : '';
  return `${node.name}${node.subtype ? ` [${node.subtype}]` : ''}${mark}`;
}

/** Lays the graph out with dagre (left to right) and draws it as SVG. */
export function diagram(graph, current) {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 50, marginx: 10, marginy: 10 });
  for (const node of graph.nodes) g.setNode(node.id, { width: nodeLabel(node).length * 7.2 + 20, height: 28, node });
  for (const [i, edge] of graph.edges.entries()) g.setEdge(edge.from, edge.to, { edge }, `e${i}`);
  layout(g);
  const { width, height } = g.graph();
  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
      width: Math.ceil(width),
      height: Math.ceil(height),
      role: 'img',
      'aria-labelledby': 'diagram-title',
      class: 'diagram',
    },
    s('title', { id: 'diagram-title' }, `Statuses and rulesets of ${graph.name} v${graph.version}`),
    s(
      'defs',
      {},
      s(
        'marker',
        { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#555' }),
      ),
    ),
  );
  for (const e of g.edges()) {
    const { points, edge } = g.edge(e);
    svg.append(s('polyline', { points: points.map((p) => `${p.x},${p.y}`).join(' '), class: `edge ${edge.kind}`, 'marker-end': 'url(#arrow)' }));
  }
  for (const id of g.nodes()) {
    const { x, y, width: w, height: ht, node } = g.node(id);
    const isCurrent = node.kind === 'status' && current === `${node.entityType}:${node.status}`;
    const cls = `node ${node.kind}${isCurrent ? ' current' : ''}${node.kind === 'ruleset' && node.skipped.length ? ' skipped' : ''}${node.kind === 'ruleset' && node.stubs.length ? ' stub' : ''}`;
    svg.append(
      s(
        'g',
        { class: cls, 'data-id': id, transform: `translate(${x - w / 2},${y - ht / 2})` },
        s('rect', { width: w, height: ht, rx: node.kind === 'ruleset' ? 14 : 3 }),
        s('text', { x: w / 2, y: ht / 2 + 4, 'text-anchor': 'middle' }, nodeLabel(node)),
        s(
          'title',
          {},
          node.kind === 'ruleset'
            ? `Ruleset ${node.name} (${node.entityType})${node.skipped.length ? `; not simulated: ${node.skipped.join(', ')}` : ''}${node.stubs.length ? `; stubs: ${node.stubs.join(', ')}` : ''}`
            : `Status ${node.status} of ${node.entityType}${isCurrent ? ' (current)' : ''}`,
        ),
      ),
    );
  }
  return svg;
}

const versionHref = (w, version, current) =>
  `#/workflow/${encodeURIComponent(w.retailerId)}/${encodeURIComponent(w.name)}/${encodeURIComponent(version)}${current ? `?current=${encodeURIComponent(current)}` : ''}`;

export async function workflowsPage() {
  const { workflows } = await sim('/_sim/console/workflows');
  const rows = workflows.map((w) =>
    h(
      'tr',
      {},
      h('td', {}, w.name),
      h('td', {}, w.retailerId),
      h(
        'td',
        {},
        w.versions.map((v) => [h('a', { href: versionHref(w, v) }, v), ' ']),
      ),
    ),
  );
  return {
    node: h(
      'section',
      {},
      h('h1', {}, 'Workflows'),
      rows.length ? table('Loaded workflows and their versions', ['Name', 'Retailer', 'Versions'], rows) : h('p', {}, 'No workflows loaded.'),
    ),
  };
}

export async function workflowPage(retailerId, name, version, params) {
  const current = params.get('current') ?? '';
  const [{ graph, workflow, source }, { workflows }] = await Promise.all([
    sim(`/_sim/console/workflows/${encodeURIComponent(retailerId)}/${encodeURIComponent(name)}/${encodeURIComponent(version)}`),
    sim('/_sim/console/workflows'),
  ]);
  const versions = workflows.find((w) => w.name === name && w.retailerId === retailerId)?.versions ?? [];
  return {
    node: h(
      'section',
      {},
      h('h1', {}, `Workflow ${name} v${version}`),
      h(
        'p',
        {},
        `From ${source}. Versions: `,
        versions.map((v) => [v === version ? h('strong', {}, v) : h('a', { href: versionHref({ retailerId, name }, v, current) }, v), ' ']),
        current ? ` · current status ${current.replace(':', ' ')} highlighted` : '',
      ),
      h(
        'p',
        { class: 'legend' },
        'Boxes: statuses. Rounded: rulesets (event names). Solid arrows: trigger status → ruleset → status it sets; dashed: events a ruleset sends. ⚠: rules not simulated.',
      ),
      h('div', { class: 'diagram-box', tabindex: 0, role: 'region', 'aria-label': 'Diagram (scrolls)' }, diagram(graph, current)),
      h('details', {}, h('summary', {}, 'Raw JSON'), h('pre', {}, JSON.stringify(workflow, null, 2))),
    ),
  };
}

/** The workflow an entity runs on: `name` at the latest minor of its `workflowVersion` major. */
export async function workflowOfHref(name, major, current) {
  const { workflows } = await sim('/_sim/console/workflows');
  const w = workflows.find((x) => x.name === name);
  if (!w) return null;
  const same = w.versions.filter((v) => major && v.split('.')[0] === String(major));
  return versionHref(w, (same.length ? same : w.versions).at(-1), current);
}
