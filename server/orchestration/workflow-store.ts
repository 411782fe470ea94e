/**
 * Workflows per retailer and name (`ENTITYTYPE::SUBTYPE`), every version kept
 * (fluent-platform.md §5.1, §5.2). Sources: the default `rulesets/` folder, a user `--workflows`
 * folder, `PUT /api/v4.1/workflow`, and snapshots.
 *
 * A workflow whose `retailerId` is not a number (a deploy placeholder such as `{{retailer_id}}`,
 * or missing in a file) applies to every retailer; a retailer's own workflow wins over it.
 * Each stored version is compiled against the rule registry when stored, never per event.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SimError } from '../domain/errors.js';
import { compileWorkflow, type CompiledWorkflow } from './compile-workflow.js';
import type { RuleRegistry } from './rule-registry.js';
import { parseWorkflow, type Workflow } from './workflow.js';
import { compareVersions, nextVersion, parseVersion, workflowVersionNumber } from './workflow-version.js';

/** Key under which workflows that apply to every retailer are stored. */
export const ANY_RETAILER = '*';

/** `PUT /api/v4.1/workflow` answer (fluent-platform.md §5.2). */
export type PutWorkflowResult = { entityId: string; eventStatus: 'COMPLETE' };

export type WorkflowStoreData = {
  /** In storage order; versions of one name ascend. */
  workflows: { retailerKey: string; source: string; json: Workflow }[];
};

export interface WorkflowStore {
  /** PUT semantics: validates (rules included), stores the next version ("1.0", "1.1", …). */
  put(json: unknown, options?: { source?: string }): PutWorkflowResult;
  /** File semantics: keeps the file's version when it is above the latest, else bumps. */
  load(json: unknown, source: string): CompiledWorkflow;
  /** Loads every `*.json` file of a folder (all or nothing); sources read `folder/file.json`. */
  loadDir(dir: string): Promise<CompiledWorkflow[]>;
  latest(retailerId: string | undefined, name: string): CompiledWorkflow | undefined;
  get(retailerId: string | undefined, name: string, version: string): CompiledWorkflow | undefined;
  /**
   * The version an entity runs on: the one its `workflowVersion` Int names
   * (`workflowVersionNumber`), else the latest.
   */
  forEntity(retailerId: string | undefined, name: string, workflowVersion: number | undefined): CompiledWorkflow | undefined;
  /**
   * The `workflowVersion` Int a new entity of workflow `name` should carry: that of the latest
   * version for the retailer (any retailer when omitted). Wire it to the domain's
   * `hooks.workflowVersion` so the engine finds the same version again.
   */
  versionNumberFor(name: string, retailerId?: string): number | undefined;
  list(): { retailerId: string; name: string; versions: string[] }[];
  clear(): void;
  toJSON(): WorkflowStoreData;
  restore(data: WorkflowStoreData): void;
}

type Entry = { retailerKey: string; compiled: CompiledWorkflow };

export function createWorkflowStore(deps: { registry: RuleRegistry }): WorkflowStore {
  /** maps retailer key → workflow name → versions, ascending */
  let byRetailer = new Map<string, Map<string, CompiledWorkflow[]>>();
  /** every stored version in storage order, for snapshots */
  let entries: Entry[] = [];

  function versionsOf(retailerKey: string, name: string): CompiledWorkflow[] {
    return byRetailer.get(retailerKey)?.get(name) ?? [];
  }

  /** A retailer's own versions, else the ones for every retailer. */
  function candidates(retailerId: string | undefined, name: string): CompiledWorkflow[] {
    const own = retailerId === undefined ? [] : versionsOf(retailerKeyOf(retailerId), name);
    return own.length > 0 ? own : versionsOf(ANY_RETAILER, name);
  }

  function prepare(json: unknown, source: string, requireRetailer = false): { workflow: Workflow; retailerKey: string } {
    const workflow = parseWorkflow(json, source);
    // retailerId is mandatory on the Workflow API (fluent-platform.md §5.1); files may omit it.
    if (requireRetailer && !workflow.retailerId) throw new SimError('REQUIRED_FIELD_MISSING', "'retailerId' is required");
    // Compile once with the version as given, to validate before anything is stored.
    compileWorkflow(workflow, deps.registry, source);
    return { workflow, retailerKey: retailerKeyOf(workflow.retailerId) };
  }

  function commit(workflow: Workflow, retailerKey: string, source: string, version: string): CompiledWorkflow {
    const compiled = compileWorkflow({ ...workflow, version }, deps.registry, source);
    const names = byRetailer.get(retailerKey) ?? new Map<string, CompiledWorkflow[]>();
    byRetailer.set(retailerKey, names);
    const list = names.get(compiled.name) ?? [];
    list.push(compiled);
    list.sort((a, b) => compareVersions(a.version, b.version));
    names.set(compiled.name, list);
    entries.push({ retailerKey, compiled });
    return compiled;
  }

  function fileVersion(workflow: Workflow, retailerKey: string): string {
    const latest = versionsOf(retailerKey, workflow.name).at(-1)?.version;
    const own = parseVersion(workflow.version);
    if (own && (latest === undefined || compareVersions(`${own.major}.${own.minor}`, latest) > 0)) {
      return `${own.major}.${own.minor}`;
    }
    return nextVersion(latest, workflow.version);
  }

  const store: WorkflowStore = {
    put(json, options = {}) {
      const source = options.source ?? 'request body';
      const { workflow, retailerKey } = prepare(json, source, true);
      const version = nextVersion(versionsOf(retailerKey, workflow.name).at(-1)?.version, workflow.version);
      const compiled = commit(workflow, retailerKey, source, version);
      // "{retailerId}-{workflowName}::{version}" (fluent-platform.md §5.2).
      return { entityId: `${workflow.retailerId}-${compiled.name}::${compiled.version}`, eventStatus: 'COMPLETE' };
    },
    load(json, source) {
      const { workflow, retailerKey } = prepare(json, source);
      return commit(workflow, retailerKey, source, fileVersion(workflow, retailerKey));
    },
    async loadDir(dir) {
      const files = (await readdir(dir).catch((error: unknown) => {
        throw new SimError('CONFIG_INVALID', `Cannot read the workflow folder ${dir}: ${String(error)}`, { cause: error });
      }))
        .filter((file) => extname(file) === '.json')
        .sort();
      const prepared: { workflow: Workflow; retailerKey: string; source: string }[] = [];
      for (const file of files) {
        const source = `${basename(dir)}/${file}`;
        const text = await readFile(join(dir, file), 'utf8');
        prepared.push({ ...prepare(text, source), source });
      }
      return prepared.map(({ workflow, retailerKey, source }) =>
        commit(workflow, retailerKey, source, fileVersion(workflow, retailerKey)),
      );
    },
    latest: (retailerId, name) => candidates(retailerId, name).at(-1),
    get: (retailerId, name, version) => {
      const wanted = parseVersion(version);
      return candidates(retailerId, name).find((compiled) => {
        const own = parseVersion(compiled.version);
        return compiled.version === version || (own && wanted && own.major === wanted.major && own.minor === wanted.minor);
      });
    },
    forEntity(retailerId, name, workflowVersion) {
      const list = candidates(retailerId, name);
      if (workflowVersion !== undefined) {
        const pinned = list.filter((compiled) => workflowVersionNumber(compiled.version) === workflowVersion).at(-1);
        if (pinned) return pinned;
      }
      return list.at(-1);
    },
    versionNumberFor(name, retailerId) {
      const latest =
        retailerId !== undefined
          ? candidates(retailerId, name).at(-1)
          : [...byRetailer.values()]
              .flatMap((names) => names.get(name) ?? [])
              .sort((a, b) => compareVersions(a.version, b.version))
              .at(-1);
      return latest ? workflowVersionNumber(latest.version) : undefined;
    },
    list() {
      const out: { retailerId: string; name: string; versions: string[] }[] = [];
      for (const [retailerId, names] of byRetailer) {
        for (const [name, versions] of names) out.push({ retailerId, name, versions: versions.map((v) => v.version) });
      }
      return out;
    },
    clear() {
      byRetailer = new Map();
      entries = [];
    },
    toJSON: () => ({
      workflows: entries.map(({ retailerKey, compiled }) => ({ retailerKey, source: compiled.source, json: compiled.workflow })),
    }),
    restore(data) {
      store.clear();
      for (const saved of data.workflows) {
        const workflow = parseWorkflow(saved.json, saved.source);
        commit(workflow, saved.retailerKey, saved.source, workflow.version ?? '1.0');
      }
    },
  };
  return store;
}

/** A numeric retailer id stands for itself; anything else (a placeholder, nothing) for every retailer. */
export function retailerKeyOf(retailerId: string | null | undefined): string {
  return retailerId !== null && retailerId !== undefined && /^\d+$/.test(retailerId.trim()) ? retailerId.trim() : ANY_RETAILER;
}
