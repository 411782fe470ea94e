#!/usr/bin/env node
// fluent-sim launcher: written to dist/server/main.js by scripts/bundle.mjs (the bin).
/**
 * Runs the bundled CLI (`bundle/*.cjs`) with V8's code cache: each chunk is compiled through
 * `vm.Script` with the cached data saved beside it (`<chunk>.cache`), so a start skips parsing
 * and compiling ~2.3 MB of JavaScript, and the functions that ran at the last start are ready
 * too (issue 17, docs/decisions.md). Node 20 offers no code cache for ES modules, hence
 * CommonJS chunks. A chunk's name holds a hash of its content, so a cache never outlives its
 * source; V8 refuses a cache made by another Node version or other flags, and then the chunk
 * compiles as usual. A missing or refused cache is written when the process exits (the build
 * writes them with a warm-up start), where the folder is writable; failing that, nothing is lost.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const ENTRY = './bundle/main.cjs';
const bundle = fileURLToPath(new URL('./bundle/', import.meta.url));
const compile = Module.prototype._compile;
/** Scripts compiled without a usable cache, and where theirs goes. */
const uncached = [];

Module.prototype._compile = function compileWithCache(content, filename, ...rest) {
  if (!filename.startsWith(bundle)) return compile.call(this, content, filename, ...rest);
  const cacheFile = `${filename}.cache`;
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(content.startsWith('#!') ? content.replace(/^#!.*/, '') : content), {
    filename,
    cachedData,
    // import() of the packages left out of the bundle (GraphiQL's page, faker) and of user rule files.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) uncached.push({ script, cacheFile });
  return script.runInThisContext().call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
};

process.on('exit', () => {
  for (const { script, cacheFile } of uncached) {
    try {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // A read-only install: the next start compiles as usual.
    }
  }
});

// The loader above is what Node marks experimental, for import() only; the warning would reach
// every user's terminal on the first GraphQL page or profile seed.
const emitWarning = process.emitWarning;
process.emitWarning = function withoutLoaderWarning(warning, ...rest) {
  if (String(warning).startsWith('vm.USE_MAIN_CONTEXT_DEFAULT_LOADER')) return;
  return emitWarning.call(process, warning, ...rest);
};

createRequire(import.meta.url)(ENTRY);
