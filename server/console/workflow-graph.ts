/**
 * The status/event graph of one compiled workflow, for the console's diagram (issue 13 item 3):
 * a node per status (per entity type) and per ruleset; an edge from each trigger status to its
 * ruleset, from a ruleset to the status its SetState/ChangeState rule sets, and from a ruleset to
 * the rulesets of the event its rules send (`eventName`). Layout is the page's job (dagre).
 * [inferred] Which rules change status and which send events is read from the rule name and its
 * props, as written in the workflow; the simulator runs them, the graph only describes them.
 */
import type { CompiledRuleset, CompiledWorkflow } from '../orchestration/compile-workflow.js';
import { isRecord } from '../lib/guards.js';

export type GraphNode =
  | { id: string; kind: 'status'; entityType: string; status: string }
  /** `skipped`: rules that run as no-op placeholders; `stubs`: rules answered by a rule stub. */
  | {
      id: string;
      kind: 'ruleset';
      name: string;
      entityType: string;
      subtype: string | null;
      skipped: string[];
      stubs: string[];
    };

export type GraphEdge = { from: string; to: string; kind: 'trigger' | 'sets' | 'sends'; label?: string };

export type WorkflowGraph = { name: string; version: string; nodes: GraphNode[]; edges: GraphEdge[] };

const SETS_STATUS = /(^|\.)(SetState|ChangeState)\w*$/;

export const statusNodeId = (entityType: string, status: string): string => `status:${entityType}:${status}`;
const rulesetNodeId = (index: number): string => `ruleset:${index}`;

function propsOf(props: unknown): Record<string, unknown> {
  return isRecord(props) ? props : {};
}

function rulesetNode(ruleset: CompiledRuleset, isStub: (key: string) => boolean): GraphNode {
  return {
    id: rulesetNodeId(ruleset.index),
    kind: 'ruleset',
    name: ruleset.name,
    entityType: ruleset.type,
    subtype: ruleset.subtype ?? null,
    skipped: ruleset.rules.filter((rule) => !rule.simulated).map((rule) => rule.name),
    stubs: ruleset.rules.filter((rule) => rule.resolvedAs !== undefined && isStub(rule.resolvedAs)).map((rule) => rule.name),
  };
}

export function workflowGraph(compiled: CompiledWorkflow, isStub: (registryKey: string) => boolean): WorkflowGraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const status = (entityType: string, name: string): string => {
    const id = statusNodeId(entityType, name);
    if (!nodes.has(id)) nodes.set(id, { id, kind: 'status', entityType, status: name });
    return id;
  };
  for (const declared of compiled.workflow.statuses) {
    if (declared.name) status(declared.entityType ?? compiled.workflow.entityType, declared.name);
  }
  for (const ruleset of compiled.rulesets) {
    const node = rulesetNode(ruleset, isStub);
    nodes.set(node.id, node);
    for (const trigger of ruleset.triggers) {
      edges.push({ from: status(ruleset.type, trigger), to: node.id, kind: 'trigger' });
    }
    for (const rule of ruleset.rules) {
      const props = propsOf(rule.props);
      const key = rule.resolvedAs ?? rule.name;
      if (SETS_STATUS.test(key) && typeof props['status'] === 'string') {
        edges.push({ from: node.id, to: status(ruleset.type, props['status']), kind: 'sets' });
      }
      const sent = typeof props['eventName'] === 'string' ? compiled.rulesetsByName.get(props['eventName']) : undefined;
      for (const target of sent ?? []) {
        edges.push({ from: node.id, to: rulesetNodeId(target.index), kind: 'sends', label: key.split('.').at(-1) });
      }
    }
  }
  return { name: compiled.name, version: compiled.version, nodes: [...nodes.values()], edges };
}
