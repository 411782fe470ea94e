/**
 * Workflow version arithmetic (fluent-platform.md §5.1/§5.2): versions are `"<major>.<minor>"`,
 * the first is `"1.0"`, every successful update bumps the minor, a higher major can be set by hand.
 */

export type VersionParts = { major: number; minor: number };

export function parseVersion(version: string | null | undefined): VersionParts | undefined {
  const match = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(version ?? '');
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2] ?? 0) };
}

export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a) ?? { major: 0, minor: 0 };
  const pb = parseVersion(b) ?? { major: 0, minor: 0 };
  return pa.major - pb.major || pa.minor - pb.minor;
}

/**
 * The version a stored update gets: `"1.0"` first, then the latest's minor + 1; a requested major
 * above the latest's starts that major at `.0` ("Major versions can be updated manually", §5.1).
 */
export function nextVersion(latest: string | undefined, requested: string | null | undefined): string {
  const asked = parseVersion(requested);
  const current = parseVersion(latest);
  if (!current) return asked && asked.major > 1 ? `${asked.major}.0` : '1.0';
  if (asked && asked.major > current.major) return `${asked.major}.0`;
  return `${current.major}.${current.minor + 1}`;
}

/**
 * The `workflowVersion: Int` an entity carries for a workflow version string: its major number
 * (`"1.5"` → 1, `"2.0"` → 2).
 *
 * On Fluent every save raises the minor and a major is only set by hand; an entity keeps the
 * major it was created under and every event runs on the latest minor of that major (issue 10;
 * the schema says the Int "comprises a major version and minor version number" without saying
 * how). The domain stamps new entities with the major of the latest version.
 */
export function workflowVersionNumber(version: string): number {
  return parseVersion(version)?.major ?? 1;
}
