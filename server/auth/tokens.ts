/**
 * Access and refresh tokens. Tokens are opaque UUIDs, as on the platform (fluent-platform.md
 * §1.3: "not a JWT"); refresh tokens are single-use (§1.2).
 *
 * @note Tokens live on the real (wall) clock, never on an account's virtual clock: advancing the
 * virtual clock by days to fire scheduled events or webhook retries must not log a test out
 * (issue 10 #3). Access tokens expire `--token-ttl` seconds after issue (the platform's last
 * about 24 h, §1.3); refresh tokens live until used or expired on demand ([inferred]: the
 * platform's `expires_in` "applies only to the access token"). `expireAccount` ends an account's
 * tokens at once, so that a client's token-refresh code can be tested without waiting.
 */
import type { Ids } from '../lib/ids.js';
import { wallClock } from '../lib/clock.js';

export type TokenGrant = { accountId: string; username: string };
export type IssuedGrant = TokenGrant & { expiresAt: number };

/** A token added or changed (`grant`) or taken out (`grant: null`), for listeners (the data file's journal). */
export type TokenChange = { kind: 'access'; token: string; grant: IssuedGrant | null } | { kind: 'refresh'; token: string; grant: TokenGrant | null };

export type IssuedTokens = { accessToken: string; refreshToken: string | undefined; expiresIn: number };

/** What `expireAccount` ended: counts of access and refresh tokens. */
export type ExpiredTokens = { accessTokens: number; refreshTokens: number };

export class TokenService {
  /** maps access token to its grant and wall-clock expiry (epoch ms) */
  private readonly access = new Map<string, IssuedGrant>();
  /** maps refresh token to its grant (removed when used or expired) */
  private readonly refresh = new Map<string, TokenGrant>();

  /** Told of every token issued, redeemed or expired on demand (expiry by age is not reported: it recurs by itself). */
  onChange: ((change: TokenChange) => void) | undefined;

  /** @param now the wall clock in epoch ms; tests inject one instead of sleeping. */
  constructor(
    private readonly ids: Ids,
    private readonly now: () => number = wallClock,
  ) {}

  issue(grant: TokenGrant, ttlSeconds: number, withRefresh: boolean): IssuedTokens {
    const accessToken = this.ids.uuid();
    const issued = { ...grant, expiresAt: this.now() + ttlSeconds * 1000 };
    this.access.set(accessToken, issued);
    this.onChange?.({ kind: 'access', token: accessToken, grant: issued });
    let refreshToken: string | undefined;
    if (withRefresh) {
      refreshToken = this.ids.uuid();
      this.refresh.set(refreshToken, grant);
      this.onChange?.({ kind: 'refresh', token: refreshToken, grant });
    }
    return { accessToken, refreshToken, expiresIn: ttlSeconds };
  }

  /** The grant behind a live access token; an expired one is forgotten and gives `undefined`. */
  verify(token: string): TokenGrant | undefined {
    const t = this.access.get(token);
    if (!t) return undefined;
    if (this.now() >= t.expiresAt) {
      this.access.delete(token);
      return undefined;
    }
    return { accountId: t.accountId, username: t.username };
  }

  /** Takes a refresh token out of circulation and returns its grant. */
  redeem(refreshToken: string): TokenGrant | undefined {
    const grant = this.refresh.get(refreshToken);
    if (this.refresh.delete(refreshToken)) this.onChange?.({ kind: 'refresh', token: refreshToken, grant: null });
    return grant;
  }

  /** The tokens for a `--data` file: expiries are wall-clock instants, so they survive restarts. */
  toJSON(): { access: [string, IssuedGrant][]; refresh: [string, TokenGrant][] } {
    return { access: [...this.access], refresh: [...this.refresh] };
  }

  restore(data: unknown): void {
    // What `toJSON` above wrote, read back from a snapshot or the data file.
    const d = data as { access?: [string, IssuedGrant][]; refresh?: [string, TokenGrant][] };
    this.access.clear();
    this.refresh.clear();
    for (const [k, v] of d.access ?? []) this.access.set(k, v);
    for (const [k, v] of d.refresh ?? []) this.refresh.set(k, v);
  }

  /**
   * Expires every access token of an account now (they then fail exactly as tokens past their
   * lifetime do), and its refresh tokens too when `refreshTokens` is set.
   */
  expireAccount(accountId: string, options: { refreshTokens: boolean }): ExpiredTokens {
    const expired: ExpiredTokens = { accessTokens: 0, refreshTokens: 0 };
    const now = this.now();
    for (const [k, t] of this.access) {
      if (t.accountId !== accountId || t.expiresAt <= now) continue;
      t.expiresAt = now;
      expired.accessTokens += 1;
      this.onChange?.({ kind: 'access', token: k, grant: { ...t } });
    }
    if (options.refreshTokens) {
      for (const [k, v] of this.refresh) {
        if (v.accountId !== accountId) continue;
        this.refresh.delete(k);
        expired.refreshTokens += 1;
        this.onChange?.({ kind: 'refresh', token: k, grant: null });
      }
    }
    return expired;
  }
}
