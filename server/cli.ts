/**
 * The command line: `fluent-sim [start] [flags]`, `fluent-sim healthcheck [--url]`, `fluent-sim pull`,
 * `fluent-sim version`. Every flag can also come from `FLUENT_SIM_<NAME>` (e.g.
 * `FLUENT_SIM_PORT`, `FLUENT_SIM_CLIENT_SECRET`); a flag wins over its variable. commander
 * parses flags; config.ts validates the values.
 */
import { Command, Option } from 'commander';
import type { CheckOptions, ScaffoldOptions } from './cli/offline-commands.js';
import type { RawConfig } from './config.js';

/** Flag name → config key, with the help text; the env variable is derived from the flag. */
export const FLAGS: readonly { flag: string; key: keyof RawConfig; arg: string; help: string; defaultText: string }[] = [
  { flag: 'port', key: 'port', arg: '<port>', help: 'port to listen on; 0 picks a free port', defaultText: '8686' },
  { flag: 'host', key: 'host', arg: '<host>', help: 'interface to bind (0.0.0.0 in containers)', defaultText: '127.0.0.1' },
  { flag: 'account', key: 'account', arg: '<id>', help: 'account id of the default account', defaultText: 'LOCAL' },
  { flag: 'client-id', key: 'clientId', arg: '<id>', help: 'OAuth client_id', defaultText: 'LOCAL' },
  { flag: 'client-secret', key: 'clientSecret', arg: '<secret>', help: 'OAuth client_secret', defaultText: 'local-secret' },
  { flag: 'username', key: 'username', arg: '<name>', help: 'default user name', defaultText: 'admin' },
  { flag: 'password', key: 'password', arg: '<password>', help: 'default user password', defaultText: 'password' },
  { flag: 'retailer-id', key: 'retailerId', arg: '<id>', help: 'retailer of the default user', defaultText: '1' },
  { flag: 'token-ttl', key: 'tokenTtl', arg: '<seconds>', help: 'access token lifetime', defaultText: '86400' },
  { flag: 'refresh-tokens', key: 'refreshTokens', arg: '<true|false>', help: 'issue single-use refresh tokens', defaultText: 'true' },
  { flag: 'client-credentials', key: 'clientCredentials', arg: '<true|false>', help: 'accept grant_type=client_credentials', defaultText: 'true' },
  { flag: 'seed', key: 'seed', arg: '<profile|file>', help: 'seed: default, none, small, demo, large, or a seed JSON file', defaultText: 'default' },
  { flag: 'seed-value', key: 'seedValue', arg: '<n>', help: 'faker seed of the small/demo/large profiles', defaultText: '1' },
  { flag: 'workflows', key: 'workflows', arg: '<dir>', help: 'extra folder of workflow JSON files', defaultText: '(none)' },
  { flag: 'rules', key: 'rules', arg: '<dir>', help: 'folder of JavaScript rule modules', defaultText: '(none)' },
  { flag: 'rule-stubs', key: 'ruleStubs', arg: '<file>', help: 'rule-stub file: your own rules as building blocks', defaultText: '(none)' },
  { flag: 'unknown-rules', key: 'unknownRules', arg: '<skip|error>', help: 'policy for workflow rules the simulator does not know', defaultText: 'skip' },
  { flag: 'page-size', key: 'pageSize', arg: '<n>', help: 'connection page size when first/last is absent', defaultText: '10' },
  { flag: 'max-page-size', key: 'maxPageSize', arg: '<n>', help: 'largest connection page', defaultText: '500' },
  { flag: 'clock-start', key: 'clockStart', arg: '<iso>', help: 'start the virtual clock frozen at this instant', defaultText: '(now, running)' },
  { flag: 'data', key: 'data', arg: '<file>', help: 'persist all state to this JSON file (survives restarts and kill -9)', defaultText: '(in memory)' },
  {
    flag: 'data-fsync',
    key: 'dataFsync',
    arg: '<true|false>',
    help: 'fsync each journal line before answering (survives power loss, slower)',
    defaultText: 'false',
  },
  {
    flag: 'webhook-key',
    key: 'webhookKey',
    arg: '<pem-file>',
    help: 'RSA private key (PEM) webhooks are signed with',
    defaultText: '(generated; kept with --data)',
  },
  { flag: 'webhook-timeout', key: 'webhookTimeout', arg: '<ms>', help: 'per-attempt webhook timeout', defaultText: '5000' },
  {
    flag: 'webhook-max-pending',
    key: 'webhookMaxPending',
    arg: '<n>',
    help: 'PENDING webhook deliveries per account; more are recorded FAILED unsent',
    defaultText: '1000',
  },
  {
    flag: 'event-retention',
    key: 'eventRetention',
    arg: '<records>',
    help: 'event log records kept per account (oldest dropped first)',
    defaultText: '100000',
  },
  { flag: 'event-retention-days', key: 'eventRetentionDays', arg: '<days>', help: 'days of event log kept per account (virtual clock)', defaultText: '30' },
  { flag: 'faults', key: 'faults', arg: '<json-file>', help: 'faults to inject from the start (a list, as POST /_sim/faults takes)', defaultText: '(none)' },
  { flag: 'log-level', key: 'logLevel', arg: '<level>', help: 'debug, info, warn, error or silent', defaultText: 'info' },
  {
    flag: 'control-token',
    key: 'controlToken',
    arg: '<secret>',
    help: '/_sim/* requires this in x-fluent-sim-control-token',
    defaultText: '(none on a loopback host; generated otherwise)',
  },
  { flag: 'max-body-bytes', key: 'maxBodyBytes', arg: '<bytes>', help: 'largest request body (413 above it)', defaultText: '2097152' },
  { flag: 'max-query-complexity', key: 'maxQueryComplexity', arg: '<n>', help: 'GraphQL complexity limit (C0001E above it)', defaultText: '11111' },
  { flag: 'max-query-depth', key: 'maxQueryDepth', arg: '<n>', help: 'GraphQL selection depth limit (C0001E)', defaultText: '20' },
  { flag: 'max-query-aliases', key: 'maxQueryAliases', arg: '<n>', help: 'GraphQL aliases per document (C0001E)', defaultText: '100' },
  { flag: 'max-input-list', key: 'maxInputList', arg: '<n>', help: 'longest list in a GraphQL input, e.g. order items (C0001E)', defaultText: '100' },
  { flag: 'max-accounts', key: 'maxAccounts', arg: '<n>', help: 'accounts the simulator holds at most', defaultText: '50' },
  { flag: 'max-seed-entries', key: 'maxSeedEntries', arg: '<n>', help: 'steps + records of a seed document sent to /_sim/accounts', defaultText: '5000' },
  { flag: 'headers-timeout', key: 'headersTimeout', arg: '<ms>', help: 'time a client has to send the request headers', defaultText: '10000' },
  { flag: 'request-timeout', key: 'requestTimeout', arg: '<ms>', help: 'time a client has to send the whole request', defaultText: '30000' },
];

export const envName = (flag: string): string => `FLUENT_SIM_${flag.toUpperCase().replace(/-/g, '_')}`;

export type CliCommand =
  | { type: 'start'; raw: Record<string, unknown> }
  | { type: 'healthcheck'; url: string }
  | { type: 'workflowCheck'; options: CheckOptions }
  | { type: 'rulesScaffold'; options: ScaffoldOptions }
  | { type: 'pull'; options: PullCommandOptions }
  | { type: 'version' };

/** `fluent-sim pull`: read an account through its public APIs into a seed file. */
export type PullCommandOptions = {
  url: string;
  account: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  out: string;
  maxPositions: number;
  orders: number;
  includeSecrets: boolean;
};

export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv, version: string): CliCommand {
  let result: CliCommand | undefined;
  const program = new Command('fluent-sim')
    .description('A local, offline simulator of the Fluent Commerce platform')
    .version(version, '-v, --version')
    .exitOverride()
    .showHelpAfterError();

  const start = program.command('start', { isDefault: true }).description('start the simulator (the default command)');
  for (const f of FLAGS) start.addOption(new Option(`--${f.flag} ${f.arg}`, `${f.help} [env ${envName(f.flag)}] (default: ${f.defaultText})`));
  // `fluent-sim --help` shows the start flags too: start is what most people run.
  program.addHelpText('after', () => `\n${start.helpInformation()}`);
  start.action((opts: Record<string, unknown>) => {
    const raw: Record<string, unknown> = {};
    for (const f of FLAGS) {
      const camel = f.flag.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
      raw[f.key] = opts[camel] ?? env[envName(f.flag)];
    }
    result = { type: 'start', raw };
  });

  program
    .command('healthcheck')
    .description('exit 0 when a simulator at --url answers /_sim/health')
    .addOption(
      new Option('--url <url>', `base URL [env ${envName('url')}]`).default(env[envName('url')] ?? `http://127.0.0.1:${env[envName('port')] ?? '8686'}`),
    )
    .action((opts: { url: string }) => {
      result = { type: 'healthcheck', url: opts.url };
    });
  // Offline commands: read workflow files with the registry a simulator would build (docs/your-own-rules.md).
  const ruleOptions = (command: Command): Command =>
    command
      .option('--vars <file>', 'placeholder values ({{name}}) as JSON or key=value lines')
      .addOption(new Option('--rules <dir>', `folder of JavaScript rule modules [env ${envName('rules')}]`).default(env[envName('rules')]))
      .addOption(new Option('--rule-stubs <file>', `rule-stub file [env ${envName('rule-stubs')}]`).default(env[envName('rule-stubs')]));
  const offline = (path: string, opts: Record<string, unknown>) => ({
    path,
    ...(opts['vars'] ? { vars: String(opts['vars']) } : {}),
    ...(opts['rules'] ? { rules: String(opts['rules']) } : {}),
    ...(opts['ruleStubs'] ? { ruleStubs: String(opts['ruleStubs']) } : {}),
  });
  ruleOptions(
    program
      .command('workflow')
      .description('work with exported workflow files')
      .command('check <path>')
      .description(
        'report per workflow (a FILE, or every *.json in a DIR): rules and how each runs, coverage, unreachable rulesets, dead-end statuses, problems',
      ),
  )
    .option('--json', 'machine-readable output')
    .option('--strict', 'exit 1 when a rule is unknown or a file is not a workflow')
    .action((path: string, opts: Record<string, unknown>) => {
      result = { type: 'workflowCheck', options: { ...offline(path, opts), json: opts['json'] === true, strict: opts['strict'] === true } };
    });
  ruleOptions(
    program
      .command('rules')
      .description('work with your own rules')
      .command('scaffold <path>')
      .description('write a rule stub for every unknown rule of the workflows at <path>, guessed from its props'),
  )
    .option('--out <file>', 'write the stubs here (default: stdout)')
    .action((path: string, opts: Record<string, unknown>) => {
      result = { type: 'rulesScaffold', options: { ...offline(path, opts), ...(opts['out'] ? { out: String(opts['out']) } : {}) } };
    });
  program
    .command('pull')
    .description('read an account (Fluent or fluent-sim) through its public APIs into a seed file for --seed')
    .requiredOption('--url <url>', "the account's API base URL, e.g. https://ACME.sandbox.api.fluentretail.com")
    .requiredOption('--account <id>', 'the account id (sent as the fluent.account header)')
    .requiredOption('--client-id <id>', 'OAuth client_id')
    .requiredOption('--client-secret <secret>', 'OAuth client_secret')
    .requiredOption('--username <name>', 'user to read as')
    .requiredOption('--password <password>', "that user's password")
    .requiredOption('--out <file>', 'seed file to write')
    .addOption(new Option('--max-positions <n>', 'inventory positions read at most').default('10000'))
    .addOption(new Option('--orders <n>', 'orders (and their customers) read').default('0'))
    .option('--include-secrets', 'keep setting values whose names look like secrets (masked otherwise)', false)
    .action((opts: Record<string, string | boolean>) => {
      const count = (name: string): number => {
        const n = Number(opts[name]);
        if (!Number.isInteger(n) || n < 0)
          throw new Error(`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a whole number, got "${String(opts[name])}"`);
        return n;
      };
      const text = (name: string): string => String(opts[name]);
      result = {
        type: 'pull',
        options: {
          url: text('url'),
          account: text('account'),
          clientId: text('clientId'),
          clientSecret: text('clientSecret'),
          username: text('username'),
          password: text('password'),
          out: text('out'),
          maxPositions: count('maxPositions'),
          orders: count('orders'),
          includeSecrets: opts['includeSecrets'] === true,
        },
      };
    });
  program
    .command('version')
    .description('print the version')
    .action(() => {
      result = { type: 'version' };
    });

  program.parse([...argv], { from: 'user' });
  if (!result) throw new Error('no command');
  return result;
}
