/** The official client (`@fluentcommerce/fc-connect-sdk`) pointed at a simulator with the default credentials. */
import { FluentClient } from '@fluentcommerce/fc-connect-sdk';

/** A logger that keeps the client quiet in test output. */
export const SILENT_LOGGER = { debug() {}, info() {}, warn() {}, error() {} } as never;

export function officialClient(baseUrl: string): FluentClient {
  return new FluentClient(
    { baseUrl, retailerId: '1', clientId: 'LOCAL', clientSecret: 'local-secret', username: 'admin', password: 'password' },
    SILENT_LOGGER,
  );
}
