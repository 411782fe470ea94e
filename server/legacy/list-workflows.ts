/**
 * The workflow listing of `GET /api/v4.1/workflow/{retailerId}` [inferred]: Fluent's Workflow API
 * page documents `GET` among its methods but names no listing path or body, so the simulator
 * answers the simplest thing a deploy script can diff against: one entry per workflow name that
 * applies to the retailer (its own, else the ones loaded for every retailer), with the latest
 * version and every stored version, sorted by name.
 */
import { ANY_RETAILER, type WorkflowStore } from '../orchestration/workflow-store.js';

export type WorkflowSummary = {
  retailerId: string;
  name: string;
  entityType: string;
  entitySubtype: string | null;
  version: string;
  versions: string[];
};

export function listWorkflows(workflows: WorkflowStore, retailerId: string): WorkflowSummary[] {
  const names = new Set(
    workflows
      .list()
      .filter((entry) => entry.retailerId === retailerId || entry.retailerId === ANY_RETAILER)
      .map((entry) => entry.name),
  );
  return [...names].sort().flatMap((name) => {
    const versions = workflows.versions(retailerId, name);
    const latest = versions.at(-1);
    if (!latest) return [];
    return [
      {
        retailerId,
        name,
        entityType: latest.workflow.entityType,
        entitySubtype: latest.workflow.entitySubtype ?? null,
        version: latest.version,
        versions: versions.map((compiled) => compiled.version),
      },
    ];
  });
}
