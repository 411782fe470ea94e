import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseManifest, PluginJarError, readPluginJar } from '../../server/plugins/read-plugin-jar.js';
import { ACME_JAR } from '../support/plugin-jar.js';

const manifest = (lines: string[]): Uint8Array => strToU8(`${lines.join('\r\n')}\r\n`);
const refusal = (bytes: Uint8Array): string => {
  try {
    readPluginJar(bytes);
  } catch (error) {
    if (error instanceof PluginJarError) return error.message;
    throw error;
  }
  throw new Error('expected the JAR to be refused');
};

describe('readPluginJar', () => {
  it('reads the bundle name and version from the manifest and the rules from javac-compiled classes', () => {
    const bundle = readPluginJar(ACME_JAR);
    expect(bundle).toMatchObject({ symbolicName: 'ACME.custom', version: '1.2.0', bundleName: 'ACME.custom::1.2.0' });
    expect(bundle.rules.map((r) => r.name)).toEqual(['CaptureOrderActivity', 'CheckOrderStatusMatchesList']);
    const check = bundle.rules.find((r) => r.name === 'CheckOrderStatusMatchesList')!;
    expect(check).toEqual({
      name: 'CheckOrderStatusMatchesList',
      description: 'Sends {eventName} when the order status is in {statusList}, else {noMatchEventName}',
      className: 'com.acme.rules.CheckOrderStatusMatchesList',
      parameters: [
        { name: 'statusList', description: 'Comma-separated statuses', type: 'STRING', multiple: false },
        { name: 'eventName', description: 'Event sent on a match', type: 'STRING', multiple: false },
        { name: 'noMatchEventName', description: 'Event sent otherwise', type: 'STRING', multiple: false },
      ],
      accepts: [{ eventName: '', entityType: 'ORDER', entitySubtype: '', status: '' }],
      produces: [{ eventName: '{eventName}', entityType: 'ORDER', entitySubtype: '', status: '' }],
    });
    const capture = bundle.rules.find((r) => r.name === 'CaptureOrderActivity')!;
    expect(capture.description).toBe("Records the order's activity, with a label café ✓");
    expect(capture.parameters).toEqual([{ name: 'retentionDays', description: '', type: 'INTEGER', multiple: false }]);
  });

  it('joins continuation lines of the manifest and drops bundle directives', () => {
    const parsed = parseManifest('Bundle-SymbolicName: ACME.x;singleton:=true\r\nImport-Package: a.b,\r\n c.d\r\n\r\nName: other\r\n');
    expect(parsed.get('Import-Package')).toBe('a.b,c.d');
    const bundle = readPluginJar(zipSync({ 'META-INF/MANIFEST.MF': manifest(['Bundle-SymbolicName: ACME.x;singleton:=true', 'Bundle-Version: 2.0.1']) }));
    expect(bundle).toEqual({ symbolicName: 'ACME.x', version: '2.0.1', bundleName: 'ACME.x::2.0.1', rules: [] });
  });

  it('refuses what is not a rule-plugin JAR, saying why', () => {
    expect(refusal(strToU8('plain text, not a zip'))).toBe('the file is not a zip archive');
    expect(refusal(zipSync({ 'a.txt': strToU8('x') }))).toBe('the JAR has no META-INF/MANIFEST.MF');
    expect(refusal(zipSync({ 'META-INF/MANIFEST.MF': manifest(['Bundle-Version: 1.0']) }))).toMatch(/no Bundle-SymbolicName/);
    expect(refusal(zipSync({ 'META-INF/MANIFEST.MF': manifest(['Bundle-SymbolicName: A.b']) }))).toMatch(/no Bundle-Version/);
    const bad = zipSync({
      'META-INF/MANIFEST.MF': manifest(['Bundle-SymbolicName: A.b', 'Bundle-Version: 1']),
      'x/Broken.class': new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0]),
    });
    expect(refusal(bad)).toBe('x/Broken.class: class file is truncated');
    expect(refusal(zipSync({ 'META-INF/MANIFEST.MF': manifest(['Bundle-SymbolicName: A.b', 'Bundle-Version: 1']), 'x/N.class': strToU8('not a class') }))).toBe(
      'x/N.class: not a class file (bad magic number)',
    );
  });
});
