import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runWorkflowCheck } from '../../server/cli/offline-commands.js';

/** docs/your-own-rules.md shows the worked example's files and output: they must be the real ones. */
const DOC = readFileSync(new URL('../../docs/your-own-rules.md', import.meta.url), 'utf8');
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/your-own-rules/${name}`, import.meta.url));

describe('docs/your-own-rules.md', () => {
  it.each(['stubs.json', 'vars.json'])('shows %s exactly as the fixture the e2e test runs', (name) => {
    expect(DOC).toContain(`\`\`\`json\n${readFileSync(fixture(name), 'utf8').trim()}\n\`\`\``);
  });

  it('shows the output workflow check prints', async () => {
    let out = '';
    await runWorkflowCheck({ path: fixture('workflows'), vars: fixture('vars.json') }, { out: (text) => (out = text), err: () => undefined });
    const shown = out.split('\n').slice(0, -2).join('\n');
    expect(DOC).toContain(`\`\`\`text\n${shown}\n\`\`\``);
  });
});
