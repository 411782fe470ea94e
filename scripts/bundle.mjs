/**
 * `npm run build`, second step: bundles the CLI (`dist/server/main.js`, compiled by tsc) with the
 * dependencies it loads at start into one entry plus lazy chunks, so `fluent-sim start` reads a
 * few files instead of resolving and compiling ~700 modules (docs/benchmarks.md, issue 17).
 *
 * The bundle replaces `dist/server/main.js` in place: the `bin`, the Dockerfile and the tests run
 * it. `fluent-sim/testing` and its types stay tsc's output. The dependencies stay installed
 * (`dependencies`), for `fluent-sim/testing` and for the two imported on demand only, left out of
 * the bundle: GraphiQL's page (9 MB) and faker (profile seeds). Each chunk starts with the
 * licences of the packages bundled into it; other comments and the indentation are dropped, so
 * the npm package stays under 1 MiB.
 *
 * It also writes the SDL as a table of types (`dist/server/fluent-schema.table.json`), which a
 * start reads instead of parsing `schema/fluent.graphql` (server/domain/schema-table.ts), and the
 * bundled workflows as parsed (`dist/server/parsed-workflows.json`, server/orchestration/parsed-workflows.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/server');
const EXTERNAL = ['@graphql-yoga/render-graphiql', '@faker-js/faker'];
/** The line that tells the launcher from tsc's main.js (a second run of this script would bundle it). */
const LAUNCHER_MARK = '// fluent-sim launcher:';

/** The package folder (under node_modules) a bundled module comes from, if any. */
function packageDir(moduleId) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(moduleId);
  return match?.[1];
}

/** A comment with the name, version and licence text of every package bundled into a chunk. */
function licenceBanner(chunk) {
  const dirs = [...new Set(chunk.moduleIds.map(packageDir).filter(Boolean))].sort();
  if (dirs.length === 0) return '';
  const notices = dirs.map((dir) => {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `${license} (no licence file shipped)`;
    return `${name}@${version} (${license}):\n${text}`;
  });
  return `/*!\n * Bundled third-party packages and their licences:\n *\n${notices
    .join('\n\n')
    .replaceAll('*/', '* /')
    .split('\n')
    .map((l) => ` * ${l}`.trimEnd())
    .join('\n')}\n */`;
}

const entry = join(out, 'main.js');
if (!existsSync(entry) || readFileSync(entry, 'utf8').includes(LAUNCHER_MARK)) {
  throw new Error(`${entry} is missing or already bundled: run \`npm run build\` (tsc, then this script)`);
}
/**
 * graphql-js checks every `instanceof` of its own types for a second copy of graphql loaded
 * beside it ("another realm"), unless NODE_ENV is `production`. A bundle holds exactly one copy,
 * so the check can only cost: building the schema at start-up spent ~20 % of its time in it.
 * Only graphql's flag is set, so NODE_ENV keeps its meaning for everything else.
 */
const graphqlOneRealm = {
  name: 'graphql-one-realm',
  transform(code, id) {
    if (!/node_modules\/graphql\/jsutils\/instanceOf\.m?js$/.test(id)) return null;
    const flag = /const isProduction =[^;]*;/;
    if (!flag.test(code)) throw new Error(`${id}: graphql's isProduction flag not found; update scripts/bundle.mjs`);
    return code.replace(flag, 'const isProduction = true;');
  },
};

rmSync(join(out, 'bundle'), { recursive: true, force: true });
const { output } = await build({
  cwd: root,
  input: entry,
  platform: 'node',
  plugins: [graphqlOneRealm],
  // A package's ES build where it has one (graphql-js): only the modules used are bundled and
  // run at start, where its CommonJS index evaluated all ~120 of them (issue 17). Every importer
  // resolves the same file, so the bundle still holds one copy of graphql.
  resolve: { mainFields: ['module', 'main'] },
  external: (id) => EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`)),
  logLevel: 'warn',
  output: {
    dir: out,
    // CommonJS, so the launcher can run each chunk with V8's code cache (scripts/launcher.mjs).
    format: 'cjs',
    entryFileNames: 'bundle/main-[hash].cjs',
    chunkFileNames: 'bundle/[name]-[hash].cjs',
    // Whitespace only: names and code stay as written, so stack traces still name our functions.
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    comments: { legal: true, annotation: false, jsdoc: false },
    banner: licenceBanner,
  },
});
const bundledEntry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry)?.fileName;
if (!bundledEntry) throw new Error('rolldown wrote no entry chunk');
const launcher = readFileSync(join(root, 'scripts/launcher.mjs'), 'utf8');
if (!launcher.includes("'./bundle/main.cjs'")) throw new Error('scripts/launcher.mjs no longer names ./bundle/main.cjs; update scripts/bundle.mjs');
writeFileSync(entry, launcher.replace("'./bundle/main.cjs'", `'./${bundledEntry}'`));

// The SDL as a table of types, so a start reads it instead of parsing the SDL (server/domain/schema-table.ts).
const { SCHEMA_ARTIFACT, schemaArtifact } = await import(join(out, 'domain/schema-table.js'));
writeFileSync(join(root, SCHEMA_ARTIFACT), schemaArtifact(readFileSync(join(root, 'schema/fluent.graphql'), 'utf8')));

// The bundled workflows as parsed, so a start need not validate them again (server/orchestration/parsed-workflows.ts).
const { PARSED_WORKFLOWS_ARTIFACT, parsedWorkflowsArtifact } = await import(join(out, 'orchestration/parsed-workflows.js'));
writeFileSync(join(root, PARSED_WORKFLOWS_ARTIFACT), parsedWorkflowsArtifact(join(root, 'rulesets')));

await warmUp();

/**
 * Starts the built CLI once and asks it for a token and a GraphQL answer, so the launcher saves
 * the code cache of what a start (and a first request) compiles. A start without it still works.
 */
async function warmUp() {
  const child = spawn(process.execPath, [entry, '--port', '0', '--log-level', 'warn'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const base = await new Promise((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk) => {
        text += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(text);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`the warm-up start exited with ${code}`)));
    });
    const oauth = `${base}/oauth/token?grant_type=password&client_id=LOCAL&client_secret=local-secret&username=admin&password=password`;
    const { access_token: token } = await (await fetch(oauth, { method: 'POST' })).json();
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    if (!answer.ok) throw new Error(`the warm-up GraphQL request answered ${answer.status}`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  const cached = readdirSync(join(out, 'bundle')).filter((file) => file.endsWith('.cache'));
  if (!cached.some((file) => file.startsWith('start-'))) throw new Error('the warm-up start wrote no code cache');
}
