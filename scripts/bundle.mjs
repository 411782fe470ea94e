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
 * It also writes the parsed SDL (`dist/server/fluent-schema.ast.json`), which a start reads
 * instead of parsing `schema/fluent.graphql` (server/graphql/schema-document.ts).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/server');
const EXTERNAL = ['@graphql-yoga/render-graphiql', '@faker-js/faker'];

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
if (!existsSync(entry) || readFileSync(entry, 'utf8').includes('Bundled third-party packages')) {
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
await build({
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
    format: 'esm',
    entryFileNames: 'main.js',
    chunkFileNames: 'bundle/[name]-[hash].js',
    // Whitespace only: names and code stay as written, so stack traces still name our functions.
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    comments: { legal: true, annotation: false, jsdoc: false },
    banner: licenceBanner,
  },
});

// The parsed SDL, so a start reads it instead of parsing it (server/graphql/schema-document.ts).
const { SCHEMA_ARTIFACT, schemaArtifact } = await import(join(out, 'graphql/schema-document.js'));
writeFileSync(join(root, SCHEMA_ARTIFACT), schemaArtifact(readFileSync(join(root, 'schema/fluent.graphql'), 'utf8')));
