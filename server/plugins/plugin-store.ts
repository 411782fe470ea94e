/**
 * The rule plugins of one account (fluent-platform.md §5.2): bundles uploaded through the Plugin
 * API, and which of them are installed. Only what the JAR declares is kept — bundle name, version,
 * the rules and their parameters — never the bytes: the simulator cannot run Java. Installed
 * rules are known names for workflows (`providerOf`); what they do at run time is up to a rule
 * stub or a JavaScript rule of the same name, or nothing (an audit says so).
 *
 * Installing a version makes it the account's active version of that bundle; an older installed
 * version of the same symbolic name becomes INACTIVE [inferred: the platform's docs do not say].
 */
import { SimError } from '../domain/errors.js';
import type { PluginBundle, PluginRule } from './read-plugin-jar.js';

/** UPLOADED until installed, then ACTIVE; INACTIVE once a newer version of it is installed [inferred]. */
export type BundleStatus = 'UPLOADED' | 'ACTIVE' | 'INACTIVE';

export type StoredPlugin = PluginBundle & { status: BundleStatus; uploadedOn: string; installedOn: string | null };

export type PluginStoreData = { plugins: StoredPlugin[] };

export type PluginProvider = { bundleName: string; rule: PluginRule };

export class PluginStore {
  private plugins = new Map<string, StoredPlugin>();

  constructor(private readonly now: () => Date) {}

  /** Stores (or replaces, when not active) an uploaded bundle. */
  upload(bundle: PluginBundle): StoredPlugin {
    const existing = this.plugins.get(bundle.bundleName);
    const stored: StoredPlugin =
      existing?.status === 'ACTIVE' ? { ...existing, ...bundle } : { ...bundle, status: 'UPLOADED', uploadedOn: this.now().toISOString(), installedOn: null };
    this.plugins.set(bundle.bundleName, stored);
    return stored;
  }

  /** @throws SimError NOT_FOUND when no bundle of that name was uploaded */
  install(bundleName: string): StoredPlugin {
    const plugin = this.get(bundleName);
    for (const other of this.plugins.values()) {
      if (other !== plugin && other.symbolicName === plugin.symbolicName && other.status === 'ACTIVE')
        this.plugins.set(other.bundleName, { ...other, status: 'INACTIVE' });
    }
    const installed: StoredPlugin = { ...plugin, status: 'ACTIVE', installedOn: this.now().toISOString() };
    this.plugins.set(bundleName, installed);
    return installed;
  }

  /** @throws SimError NOT_FOUND */
  get(bundleName: string): StoredPlugin {
    const plugin = this.plugins.get(bundleName);
    if (!plugin) throw new SimError('NOT_FOUND', `No plugin bundle "${bundleName}" has been uploaded to this account`);
    return plugin;
  }

  list(): StoredPlugin[] {
    return [...this.plugins.values()].sort((a, b) => a.bundleName.localeCompare(b.bundleName));
  }

  active(): StoredPlugin[] {
    return this.list().filter((p) => p.status === 'ACTIVE');
  }

  /**
   * The installed plugin providing a rule as a workflow writes it: `<ACCOUNT>.<namespace>.<Rule>`
   * where the bundle's symbolic name is `<ACCOUNT>.<namespace>`. The account segment is not
   * compared, because exported workflows template it (`{{accountId}}.custom.Rule`).
   */
  providerOf(writtenName: string): PluginProvider | undefined {
    for (const plugin of this.active()) {
      const namespace = plugin.symbolicName.slice(plugin.symbolicName.indexOf('.') + 1);
      for (const rule of plugin.rules) {
        if (writtenName === `${plugin.symbolicName}.${rule.name}` || writtenName.endsWith(`.${namespace}.${rule.name}`))
          return { bundleName: plugin.bundleName, rule };
      }
    }
    return undefined;
  }

  toJSON(): PluginStoreData {
    return { plugins: this.list() };
  }

  restore(data: PluginStoreData): void {
    this.plugins = new Map(data.plugins.map((p) => [p.bundleName, p]));
  }

  clear(): void {
    this.plugins.clear();
  }
}
