import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsedWorkflowsArtifact, workflowFileParser } from '../../server/orchestration/parsed-workflows.js';
import { parseWorkflow } from '../../server/orchestration/workflow.js';
import { packagePath } from '../../server/lib/package-path.js';

/** The bundled workflows as parsed, written by `npm run build` (issue 17): used only for the very text they came from. */
describe('parsed workflows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fluent-sim-workflows-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rulesets = packagePath('rulesets');
  const artifact = join(dir, 'parsed-workflows.json');
  writeFileSync(artifact, parsedWorkflowsArtifact(rulesets));
  const text = readFileSync(join(rulesets, 'order-hd.json'), 'utf8');

  it('holds every bundled workflow as parseWorkflow returns it', () => {
    // The artifact's shape: digest → parsed workflow JSON.
    const entries = Object.values(JSON.parse(readFileSync(artifact, 'utf8')) as Record<string, string>);
    expect(entries).toHaveLength(12);
    const parse = workflowFileParser(artifact);
    expect(parse(text, 'rulesets/order-hd.json')).toEqual(parseWorkflow(text, 'rulesets/order-hd.json'));
  });

  it('reads the entry of the same text, with objects of its own each time', () => {
    // An artifact whose entry is not what parseWorkflow would say: only reading it can give this.
    const one = join(dir, 'one');
    mkdirSync(one);
    writeFileSync(join(one, 'order-hd.json'), text);
    // The artifact's shape: digest → parsed workflow JSON.
    const [digest] = Object.keys(JSON.parse(parsedWorkflowsArtifact(one)) as Record<string, string>);
    const marked = join(dir, 'marked.json');
    writeFileSync(marked, JSON.stringify({ [digest!]: JSON.stringify({ ...parseWorkflow(text, 'x'), name: 'FROM::ARTIFACT' }) }));
    const parse = workflowFileParser(marked);
    const first = parse(text, 'rulesets/order-hd.json');
    expect(first.name).toBe('FROM::ARTIFACT');
    expect(parse(text, 'rulesets/order-hd.json')).not.toBe(first);
  });

  it('parses a text it has no entry for, and every text when there is no artifact', () => {
    const changed = text.replace('"ORDER"', '"ORDER" ');
    expect(workflowFileParser(artifact)(changed, 'changed.json')).toEqual(parseWorkflow(changed, 'changed.json'));
    expect(workflowFileParser(join(dir, 'missing.json'))(text, 'order-hd.json')).toEqual(parseWorkflow(text, 'order-hd.json'));
    expect(() => workflowFileParser(join(dir, 'missing.json'))('{"rulesets": 1}', 'bad.json')).toThrow(/bad\.json/);
  });
});
