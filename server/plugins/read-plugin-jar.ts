/**
 * Reads a rule plugin as the platform receives it (fluent-platform.md §5.2): a JAR — a zip — that
 * is an OSGi bundle. The bundle's name and version come from `META-INF/MANIFEST.MF`
 * (`Bundle-SymbolicName`, `Bundle-Version`); the rules it provides are the classes annotated
 * `@RuleInfo(name = …)`, with the `@Param…(name = …)` annotations as their parameters. The bundle
 * name deploy scripts install is `<Bundle-SymbolicName>::<Bundle-Version>` (e.g. `ACME.custom::1.2.0`)
 * and its rules answer to `<Bundle-SymbolicName>.<RuleName>` in workflows.
 */
import { unzipSync } from 'fflate';
import { ClassFileError, readClassAnnotations, type AnnotationValue, type JavaAnnotation } from './class-annotations.js';

export type PluginParameter = { name: string; description: string; type: string; multiple: boolean };
export type PluginEventInfo = { eventName: string; entityType: string; entitySubtype: string; status: string };

export type PluginRule = {
  /** `RuleInfo.name`: `CheckOrderStatusMatchesList`. */
  name: string;
  description: string;
  className: string;
  parameters: PluginParameter[];
  accepts: PluginEventInfo[];
  produces: PluginEventInfo[];
};

export type PluginBundle = {
  /** `ACME.custom` (directives such as `;singleton:=true` removed). */
  symbolicName: string;
  version: string;
  /** `ACME.custom::1.2.0`. */
  bundleName: string;
  rules: PluginRule[];
};

/** Why a JAR was refused; the message is shown to the client as is. */
export class PluginJarError extends Error {}

/** Uncompressed bytes read from one JAR at most: manifests and class files only (zip bombs). */
const MAX_UNCOMPRESSED = 64 * 1024 * 1024;

/** @throws PluginJarError for anything that is not a readable rule-plugin JAR */
export function readPluginJar(bytes: Uint8Array): PluginBundle {
  const files = unzipEntries(bytes);
  const manifestBytes = files['META-INF/MANIFEST.MF'];
  if (!manifestBytes) throw new PluginJarError('the JAR has no META-INF/MANIFEST.MF');
  const manifest = parseManifest(new TextDecoder().decode(manifestBytes));
  const symbolicName = manifest.get('Bundle-SymbolicName')?.split(';')[0]?.trim();
  const version = manifest.get('Bundle-Version')?.trim();
  if (!symbolicName) throw new PluginJarError('the manifest has no Bundle-SymbolicName: a rule plugin is an OSGi bundle');
  if (!version) throw new PluginJarError('the manifest has no Bundle-Version');
  const rules: PluginRule[] = [];
  for (const [path, content] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (!path.endsWith('.class')) continue;
    const rule = ruleOf(path, content);
    if (rule) rules.push(rule);
  }
  return { symbolicName, version, bundleName: `${symbolicName}::${version}`, rules };
}

function unzipEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        const wanted = file.name === 'META-INF/MANIFEST.MF' || file.name.endsWith('.class');
        if (!wanted) return false;
        total += file.originalSize;
        if (total > MAX_UNCOMPRESSED) throw new PluginJarError(`the JAR's classes and manifest unpack to more than ${MAX_UNCOMPRESSED / 1024 / 1024} MB`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PluginJarError) throw error;
    throw new PluginJarError('the file is not a zip archive');
  }
}

/** `Key: value` lines; a line starting with one space continues the previous value (JAR spec). */
export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith(' ') && last !== undefined) {
      out.set(last, `${out.get(last) ?? ''}${line.slice(1)}`);
      continue;
    }
    const sep = line.indexOf(':');
    if (sep <= 0) {
      last = undefined;
      continue;
    }
    last = line.slice(0, sep).trim();
    out.set(last, line.slice(sep + 1).trim());
  }
  return out;
}

function ruleOf(path: string, content: Uint8Array): PluginRule | undefined {
  let annotations: JavaAnnotation[];
  let className: string;
  try {
    ({ annotations, className } = readClassAnnotations(content));
  } catch (error) {
    if (error instanceof ClassFileError) throw new PluginJarError(`${path}: ${error.message}`);
    throw error;
  }
  const info = annotations.find((a) => simpleName(a.type) === 'RuleInfo');
  const name = info?.values['name'];
  if (!info || typeof name !== 'string') return undefined;
  return {
    name,
    description: text(info.values['description']),
    className,
    parameters: parametersOf(annotations),
    accepts: eventInfos(info.values['accepts']),
    produces: eventInfos(info.values['produces']),
  };
}

/** `@ParamString(name=…)`, `@ParamInteger`, …, also inside a repeatable container's `value`. */
function parametersOf(annotations: readonly JavaAnnotation[]): PluginParameter[] {
  const out: PluginParameter[] = [];
  const visit = (a: JavaAnnotation): void => {
    const kind = /^Param(\w+)$/.exec(simpleName(a.type))?.[1];
    const name = a.values['name'];
    if (kind && typeof name === 'string') {
      out.push({ name, description: text(a.values['description']), type: kind.replace(/s$/, '').toUpperCase(), multiple: a.values['multiple'] === true });
      return;
    }
    const inner = a.values['value'];
    if (Array.isArray(inner)) for (const v of inner) if (isAnnotation(v)) visit(v);
  };
  annotations.forEach(visit);
  return out;
}

function eventInfos(value: AnnotationValue | undefined): PluginEventInfo[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isAnnotation).map((a) => ({
    eventName: text(a.values['eventName']),
    entityType: text(a.values['entityType']),
    entitySubtype: text(a.values['entitySubtype']),
    status: text(a.values['status']),
  }));
}

const isAnnotation = (v: AnnotationValue): v is JavaAnnotation => typeof v === 'object' && v !== null && 'type' in v && 'values' in v;
const simpleName = (type: string): string => type.slice(type.lastIndexOf('.') + 1);
const text = (v: AnnotationValue | undefined): string => (typeof v === 'string' ? v : '');
