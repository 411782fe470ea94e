/**
 * Callers of `drain()` waiting for the webhook service to be idle: resolved together by the
 * first `settle()` that finds it idle (after an attempt, a clear, a restore or a close).
 */
export class DrainWaiters {
  private waiters: (() => void)[] = [];

  constructor(private readonly isIdle: () => boolean) {}

  /** Resolves at once when idle, else at the first idle `settle()`. */
  wait(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  settle(): void {
    if (this.waiters.length === 0 || !this.isIdle()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
