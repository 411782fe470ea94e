/**
 * Workflows per retailer and name (`ENTITYTYPE::SUBTYPE`), every version kept
 * (fluent-platform.md §5.1, §5.2). Sources: the default `rulesets/` folder, a user `--workflows`
 * folder, `PUT /api/v4.1/workflow`, and snapshots.
 *
 * A workflow whose `retailerId` is not a number (a deploy placeholder such as `{{retailer_id}}`,
 * or missing in a file) applies to every retailer; a retailer's own workflow wins over it.
 * Each stored version is compiled against the rule registry once, when stored, never per event.
 *
 * Versions as the platform applies them (fluent-platform.md §5.1, issue 10): every PUT raises the
 * minor, a higher major is only set by hand; an entity keeps the major it was created under (its
 * `workflowVersion` Int) and each of its events runs on the latest minor of that major.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SimError } from '../domain/errors.js';
import { compileWorkflow, type CompiledWorkflow } from './compile-workflow.js';
import type { RuleRegistry } from './rule-registry.js';
import { findUnknownRules, unknownRulesBody, unknownRulesError, type UnknownRulesBody } from './unknown-rules.js';
import { parseWorkflowFile } from './parsed-workflows.js';
import { parseWorkflow, type Workflow } from './workflow.js';
import { compareVersions, nextVersion, parseVersion, workflowVersionNumber } from './workflow-version.js';

/** Key under which workflows that apply to every retailer are stored. */
export const ANY_RETAILER = '*';

/**
 * `PUT /api/v4.1/workflow` answer (fluent-platform.md §5.2). `unknownRules` is simulator-only and
 * present only when the unknown-rule policy `skip` put no-ops in place of rules (issue 10).
 */
export type PutWorkflowResult = { entityId: string; eventStatus: 'COMPLETE'; unknownRules?: UnknownRulesBody };

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
  /**
   * Loads the folders in order, all or nothing. Under the unknown-rule policy `error`, one
   * RULE_NOT_FOUND lists every unknown rule of every file.
   */
  loadDirs(dirs: readonly string[]): Promise<CompiledWorkflow[]>;
  latest(retailerId: string | undefined, name: string): CompiledWorkflow | undefined;
  get(retailerId: string | undefined, name: string, version: string): CompiledWorkflow | undefined;
  /** Every stored version of a workflow for the retailer (else for every retailer), ascending. */
  versions(retailerId: string | undefined, name: string): readonly CompiledWorkflow[];
  /**
   * The version an entity runs on: the latest minor of the major its `workflowVersion` Int names
   * (`workflowVersionNumber`); the latest version when it names none or a major with no version.
   */
  forEntity(retailerId: string | undefined, name: string, workflowVersion: number | undefined): CompiledWorkflow | undefined;
  /**
   * The `workflowVersion` Int a new entity of workflow `name` should carry: the major of the
   * latest version for the retailer (any retailer when omitted). Wire it to the domain's
   * `hooks.workflowVersion` so the engine finds the same major again.
   */
  versionNumberFor(name: string, retailerId?: string): number | undefined;
  list(): { retailerId: string; name: string; versions: string[] }[];
  clear(): void;
  toJSON(): WorkflowStoreData;
  restore(data: WorkflowStoreData): void;
}

type Entry = { retailerKey: string; compiled: CompiledWorkflow };
type Prepared = { compiled: CompiledWorkflow; retailerKey: string };

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

  /** Parses and compiles (once: the version is stamped on commit). */
  function prepare(json: unknown, source: string, requireRetailer = false): Prepared {
    const workflow = parseWorkflow(json, source);
    // retailerId is mandatory on the Workflow API (fluent-platform.md §5.1); files may omit it.
    if (requireRetailer && !workflow.retailerId) throw new SimError('REQUIRED_FIELD_MISSING', "'retailerId' is required");
    return { compiled: compileWorkflow(workflow, deps.registry, source), retailerKey: retailerKeyOf(workflow.retailerId) };
  }

  function commit({ compiled: unversioned, retailerKey }: Prepared, version: string): CompiledWorkflow {
    const compiled = { ...unversioned, version, workflow: { ...unversioned.workflow, version } };
    const names = byRetailer.get(retailerKey) ?? new Map<string, CompiledWorkflow[]>();
    byRetailer.set(retailerKey, names);
    const list = names.get(compiled.name) ?? [];
    list.push(compiled);
    list.sort((a, b) => compareVersions(a.version, b.version));
    names.set(compiled.name, list);
    entries.push({ retailerKey, compiled });
    return compiled;
  }

  function fileVersion({ compiled, retailerKey }: Prepared): string {
    const latest = versionsOf(retailerKey, compiled.name).at(-1)?.version;
    const own = parseVersion(compiled.workflow.version);
    if (own && (latest === undefined || compareVersions(`${own.major}.${own.minor}`, latest) > 0)) {
      return `${own.major}.${own.minor}`;
    }
    return nextVersion(latest, compiled.workflow.version);
  }

  /** Every file parsed and checked before anything is compiled or stored. */
  async function readDirs(dirs: readonly string[]): Promise<{ workflow: Workflow; source: string }[]> {
    const read: { workflow: Workflow; source: string }[] = [];
    for (const dir of dirs) {
      const files = (
        await readdir(dir).catch((error: unknown) => {
          throw new SimError('CONFIG_INVALID', `Cannot read the workflow folder ${dir}: ${String(error)}`, { cause: error });
        })
      )
        .filter((file) => extname(file) === '.json')
        .sort();
      for (const file of files) {
        const source = `${basename(dir)}/${file}`;
        read.push({ workflow: parseWorkflowFile(await readFile(join(dir, file), 'utf8'), source), source });
      }
    }
    if (deps.registry.unknownRulePolicy === 'error') {
      const reports = read.map(({ workflow, source }) => findUnknownRules(workflow, deps.registry, source));
      if (reports.some((report) => report.count > 0)) throw unknownRulesError(reports);
    }
    return read;
  }

  const store: WorkflowStore = {
    put(json, options = {}) {
      const prepared = prepare(json, options.source ?? 'request body', true);
      const { compiled: unversioned, retailerKey } = prepared;
      const compiled = commit(prepared, nextVersion(versionsOf(retailerKey, unversioned.name).at(-1)?.version, unversioned.workflow.version));
      // "{retailerId}-{workflowName}::{version}" (fluent-platform.md §5.2).
      const result: PutWorkflowResult = { entityId: `${compiled.workflow.retailerId}-${compiled.name}::${compiled.version}`, eventStatus: 'COMPLETE' };
      if (compiled.unknownRules.count > 0) result.unknownRules = unknownRulesBody(compiled.unknownRules);
      return result;
    },
    load(json, source) {
      const prepared = prepare(json, source);
      return commit(prepared, fileVersion(prepared));
    },
    loadDir: (dir) => store.loadDirs([dir]),
    async loadDirs(dirs) {
      const prepared = (await readDirs(dirs)).map(
        ({ workflow, source }): Prepared => ({
          compiled: compileWorkflow(workflow, deps.registry, source),
          retailerKey: retailerKeyOf(workflow.retailerId),
        }),
      );
      return prepared.map((entry) => commit(entry, fileVersion(entry)));
    },
    latest: (retailerId, name) => candidates(retailerId, name).at(-1),
    get: (retailerId, name, version) => {
      const wanted = parseVersion(version);
      return candidates(retailerId, name).find((compiled) => {
        const own = parseVersion(compiled.version);
        return compiled.version === version || (own && wanted && own.major === wanted.major && own.minor === wanted.minor);
      });
    },
    versions: (retailerId, name) => candidates(retailerId, name),
    forEntity(retailerId, name, workflowVersion) {
      const list = candidates(retailerId, name);
      if (workflowVersion !== undefined) {
        const sameMajor = list.filter((compiled) => workflowVersionNumber(compiled.version) === workflowVersion).at(-1);
        if (sameMajor) return sameMajor;
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
        commit({ compiled: compileWorkflow(workflow, deps.registry, saved.source), retailerKey: saved.retailerKey }, workflow.version ?? '1.0');
      }
    },
  };
  return store;
}

/** A numeric retailer id stands for itself; anything else (a placeholder, nothing) for every retailer. */
export function retailerKeyOf(retailerId: string | null | undefined): string {
  return retailerId !== null && retailerId !== undefined && /^\d+$/.test(retailerId.trim()) ? retailerId.trim() : ANY_RETAILER;
}
