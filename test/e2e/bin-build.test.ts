import { constants, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_ARTIFACT, schemaTableOf } from '../../server/domain/schema-table.js';
import { PARSED_WORKFLOWS_ARTIFACT, workflowFileParser } from '../../server/orchestration/parsed-workflows.js';
import { parseWorkflow } from '../../server/orchestration/workflow.js';
import { ROOT, runCli, VERSION, withoutNpmVars } from '../support/spawn-cli.js';

/**
 * `npm run build` from a clean checkout leaves the package's bin executable (issue 10 #6): on a
 * machine whose npx cache is warm, `npx fluent-sim` runs the file itself, and a bin without its
 * execute bit fails with "Permission denied". The build runs in a copy of the sources, so this
 * test never rewrites the dist/ other test files are running.
 */
describe('npm run build', () => {
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'fluent-sim-build-'));
    for (const entry of ['server', 'scripts', 'schema', 'seeds', 'rulesets', 'console', 'test', 'tsconfig.json', 'package.json']) {
      cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    const built = await runCli(['run', 'build'], { command: ['npm'], cwd: work, env: withoutNpmVars(), timeoutMs: 170_000 });
    expect(built.code, `${built.stdout}${built.stderr}`).toBe(0);
  }, 180_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes dist/server/main.js with its execute bits set', () => {
    const { mode } = statSync(join(work, 'dist/server/main.js'));
    expect(mode & (constants.S_IXUSR | constants.S_IXGRP | constants.S_IXOTH)).toBe(constants.S_IXUSR | constants.S_IXGRP | constants.S_IXOTH);
  });

  it('runs the built bin directly, without node on the command line', async () => {
    const result = await runCli(['--version'], { command: [join(work, 'dist/server/main.js')], cwd: work });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
  });

  it('bundles the CLI: its files import only Node built-ins, each other and the two packages loaded on demand', () => {
    const dir = join(work, 'dist/server');
    const files = [
      'main.js',
      ...readdirSync(join(dir, 'bundle'))
        .filter((f) => f.endsWith('.cjs'))
        .map((f) => `bundle/${f}`),
    ];
    expect(files.some((f) => f.startsWith('bundle/start-'))).toBe(true);
    const specifiers = files.flatMap((f) =>
      [...readFileSync(join(dir, f), 'utf8').matchAll(/(?:\bfrom|\bimport\(?|\brequire\()\s*["`]([\w@./:-]+)["`]/g)].map((m) => m[1]!),
    );
    const packages = specifiers.filter((s) => !isBuiltin(s) && !s.startsWith('./') && !s.startsWith('../'));
    // Besides the two on demand: optional packages that debug and @whatwg-node/node-fetch probe inside a try/catch, installed by no one here.
    expect(new Set(packages)).toEqual(new Set(['@faker-js/faker', '@graphql-yoga/render-graphiql', 'supports-color', 'node-libcurl']));
    // express is evaluated after the "listening on" line, in the HTTP app's chunk (server/http/deferred-app.ts).
    expect(readFileSync(join(dir, files.find((f) => f.startsWith('bundle/app-'))!), 'utf8')).toMatch(/express@[\d.]+ \(MIT\):/);
  });

  it('writes the code cache of a start beside the chunks, which the launcher reads', async () => {
    const bundle = join(work, 'dist/server/bundle');
    const chunks = readdirSync(bundle).filter((f) => f.endsWith('.cjs'));
    expect(chunks.filter((f) => /^(main|start|app)-/.test(f)).every((f) => existsSync(join(bundle, `${f}.cache`)))).toBe(true);
    // A refused cache would be written again at exit: an unchanged file means V8 took it.
    const mainCache = join(bundle, `${chunks.find((f) => f.startsWith('main-'))!}.cache`);
    const written = statSync(mainCache).mtimeMs;
    const result = await runCli(['--version'], { command: [process.execPath, join(work, 'dist/server/main.js')], cwd: work });
    expect(result.stdout.trim()).toBe(VERSION);
    expect(result.stderr).toBe('');
    expect(statSync(mainCache).mtimeMs).toBe(written);
  });

  it('writes the bundled workflows as parsed, which a start reads instead of validating them again', () => {
    const parse = workflowFileParser(join(work, PARSED_WORKFLOWS_ARTIFACT));
    for (const file of readdirSync(join(work, 'rulesets'))) {
      const text = readFileSync(join(work, 'rulesets', file), 'utf8');
      expect(parse(text, file)).toEqual(parseWorkflow(text, file));
    }
    // The artifact's shape: digest → parsed workflow JSON; one entry per bundled workflow.
    expect(Object.keys(JSON.parse(readFileSync(join(work, PARSED_WORKFLOWS_ARTIFACT), 'utf8')) as object)).toHaveLength(
      readdirSync(join(work, 'rulesets')).length,
    );
  });

  it('writes the table of types a start reads instead of parsing the SDL', () => {
    const artifact = JSON.parse(readFileSync(join(work, SCHEMA_ARTIFACT), 'utf8')) as { types: unknown };
    expect(artifact.types).toEqual(schemaTableOf(parse(readFileSync(join(work, 'schema/fluent.graphql'), 'utf8'), { noLocation: true })));
  });
});
