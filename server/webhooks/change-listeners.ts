/**
 * The outbox's change feed: a version that grows on every change, and listeners called after
 * each (the `/_sim/webhooks` long-poll and the console wait on them). A listener that throws is
 * logged and never stops the others or the delivery that changed.
 */
import type { WebhookServiceLogger } from './webhook-service-options.js';

export class ChangeListeners {
  private count = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly logger: WebhookServiceLogger) {}

  version(): number {
    return this.count;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  changed(): void {
    this.count += 1;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        this.logger.warn?.('webhook outbox listener threw', error);
      }
    }
  }
}
