/**
 * Plugin API (fluent-platform.md §5.2; real-world-usage.md "Deploy pipelines"), so deploy scripts
 * run unchanged: `POST …/plugin/upload` (multipart field `file`, a rule-plugin JAR),
 * `POST …/plugin/install` `{accountId, bundleName}`, `GET …/plugin/{bundleName}/status`
 * (`bundleVersion`, `bundleStatus`), and `GET …/plugin/` — the account's active rules keyed by
 * their workflow name, in the platform's documented shape.
 *
 * Errors use the body this API documents, `{"message", "status"}` (fluent-platform.md §7).
 * The upload, install and status answers beyond `bundleVersion`/`bundleStatus` are [inferred].
 */
import type Busboy from 'busboy';
import express, { Router, type ErrorRequestHandler, type Request } from 'express';
import { isSimError, SimError } from '../../domain/errors.js';
import { errorMessage, isRecord, propertyOf } from '../../lib/guards.js';
import type { RuleCatalogueEntry, RuleRegistry } from '../../orchestration/rule-registry.js';
import { installPluginRules, isPluginRule } from '../../plugins/plugin-rules.js';
import type { PluginStore, StoredPlugin } from '../../plugins/plugin-store.js';
import type { PluginBundle, PluginRule } from '../../plugins/read-plugin-jar.js';

/** Largest JAR accepted [inferred; the platform's limit is not documented]. */
export const MAX_PLUGIN_BYTES = 50 * 1024 * 1024;

export type PluginRuntime = { accountId: string; plugins: PluginStore; registry: RuleRegistry };

const BASE = '/orchestration/rest/v1/plugin';
/** The one route whose body may pass the general body limit (it reads up to MAX_PLUGIN_BYTES). */
export const PLUGIN_UPLOAD_PATH = `${BASE}/upload`;

export function createPluginRouter(getRuntime: (req: Request) => PluginRuntime): Router {
  const router = Router();

  router.post(PLUGIN_UPLOAD_PATH, async (req, res) => {
    const bytes = await readUploadedFile(req);
    // The JAR reader (and its unzip library) and busboy load on the first upload, not at every start (issue 17).
    const { PluginJarError, readPluginJar } = await import('../../plugins/read-plugin-jar.js');
    let bundle: PluginBundle;
    try {
      bundle = readPluginJar(bytes);
    } catch (error) {
      if (error instanceof PluginJarError) throw new SimError('VALIDATION_FAILED', `"tmpfile" is not a valid JAR file: ${error.message}`);
      throw error;
    }
    const stored = getRuntime(req).plugins.upload(bundle);
    res.status(200).json({ ...statusOf(stored), rules: stored.rules.map((r) => `${stored.symbolicName}.${r.name}`) });
  });

  router.post(`${BASE}/install`, express.json(), (req, res) => {
    const bundleName = propertyOf(req.body, 'bundleName');
    const accountId = propertyOf(req.body, 'accountId');
    const runtime = getRuntime(req);
    if (typeof bundleName !== 'string' || bundleName === '') throw new SimError('VALIDATION_FAILED', "'bundleName' is required");
    if (accountId !== undefined && accountId !== runtime.accountId) {
      throw new SimError('VALIDATION_FAILED', `accountId "${String(accountId)}" is not the account of this token (${runtime.accountId})`);
    }
    const installed = runtime.plugins.install(bundleName);
    installPluginRules(runtime.registry, installed);
    res.status(200).json(statusOf(installed));
  });

  router.get(`${BASE}/:bundleName/status`, (req, res) => {
    res.status(200).json(statusOf(getRuntime(req).plugins.get(req.params['bundleName']!)));
  });

  router.get([BASE, `${BASE}/`], (req, res) => {
    const { accountId, plugins, registry } = getRuntime(req);
    const listing: Record<string, unknown> = {};
    const standIns = new Set(
      registry
        .rules()
        .filter(isPluginRule)
        .map((r) => r.name),
    );
    for (const rule of registry.catalogue()) if (!standIns.has(rule.name)) listing[`${accountId}.${rule.name}`] = builtinEntry(rule);
    for (const plugin of plugins.active()) for (const rule of plugin.rules) listing[`${plugin.symbolicName}.${rule.name}`] = pluginEntry(rule);
    res.status(200).json(listing);
  });

  router.use(BASE, pluginErrors);
  return router;
}

/** `GET /_sim/plugins`: every bundle of the account with its status and rules (simulator-only). */
export function createSimPluginRouter(getPlugins: (req: Request) => PluginStore): Router {
  const router = Router();
  router.get('/_sim/plugins', (req, res) => {
    res.status(200).json({ plugins: getPlugins(req).list() });
  });
  return router;
}

function statusOf(plugin: StoredPlugin): { bundleName: string; bundleVersion: string; bundleStatus: string } {
  return { bundleName: plugin.bundleName, bundleVersion: plugin.version, bundleStatus: plugin.status };
}

/** The rule listing's entry shape (Plugin API docs: name, description, parameters, eventAttributes, ruleInfo). */
function pluginEntry(rule: PluginRule): unknown {
  return {
    name: rule.name,
    description: rule.description,
    parameters: rule.parameters,
    eventAttributes: [],
    ruleInfo: { name: rule.name, description: rule.description, accepts: rule.accepts, produces: rule.produces, ruleException: [] },
  };
}

function builtinEntry(rule: RuleCatalogueEntry): unknown {
  const props = propertyOf(rule.props, 'properties');
  const parameters = Object.entries(isRecord(props) ? props : {}).map(([name, schema]) => ({
    name,
    description: propertyOf(schema, 'description') ?? '',
    type: String(propertyOf(schema, 'type') ?? 'STRING').toUpperCase(),
    multiple: propertyOf(schema, 'type') === 'array',
  }));
  const bare = rule.name.slice(rule.name.lastIndexOf('.') + 1);
  return {
    name: bare,
    description: rule.description,
    parameters,
    eventAttributes: [],
    ruleInfo: { name: bare, description: rule.description, accepts: [], produces: [], ruleException: [] },
  };
}

/** The multipart field `file`, whole, within MAX_PLUGIN_BYTES. */
async function readUploadedFile(req: Request): Promise<Uint8Array> {
  if (!req.is('multipart/form-data')) throw new SimError('VALIDATION_FAILED', 'Send the plugin as multipart/form-data with the JAR in the field "file"');
  const { default: Busboy } = await import('busboy');
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof Busboy>;
    try {
      parser = Busboy({ headers: req.headers, limits: { fileSize: MAX_PLUGIN_BYTES, files: 1 } });
    } catch (error) {
      reject(new SimError('VALIDATION_FAILED', `The multipart body cannot be read: ${errorMessage(error)}`));
      return;
    }
    let file: Buffer | undefined;
    let tooLarge = false;
    parser.on('file', (field, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => (field === 'file' ? chunks.push(chunk) : undefined));
      stream.on('limit', () => (tooLarge = true));
      stream.on('end', () => (field === 'file' ? (file = Buffer.concat(chunks)) : undefined));
    });
    parser.on('error', (error: Error) => reject(new SimError('VALIDATION_FAILED', `The multipart body cannot be read: ${error.message}`)));
    parser.on('close', () => {
      if (tooLarge) reject(new SimError('VALIDATION_FAILED', `The plugin is larger than ${MAX_PLUGIN_BYTES / 1024 / 1024} MB`));
      else if (!file) reject(new SimError('VALIDATION_FAILED', 'The multipart body has no field "file"'));
      else resolve(file);
    });
    req.pipe(parser);
  });
}

/** `{"message", "status"}`: the Plugin API's documented error body. */
const pluginErrors: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent || !isSimError(err) || err.code === 'INTERNAL') {
    next(err);
    return;
  }
  res.status(err.spec.http).json({ message: err.message, status: err.spec.http });
};
