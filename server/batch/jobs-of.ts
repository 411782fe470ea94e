/**
 * One JobService per account, made on first use: what the job routes and snapshots use, so the
 * router can be mounted more than once (tests, the default app) and still see the same jobs.
 */
import type { Account } from '../account.js';
import { createJobService, type JobService } from './job-service.js';

const services = new WeakMap<Account, JobService>();

export function jobsOf(account: Account): JobService {
  let service = services.get(account);
  if (!service) {
    service = createJobService({ account });
    services.set(account, service);
  }
  return service;
}
