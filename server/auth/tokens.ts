/**
 * Access and refresh tokens. Tokens are opaque UUIDs, as on the platform (fluent-platform.md
 * §1.3: "not a JWT"); they expire on the account's virtual clock; refresh tokens are single-use
 * (§1.2).
 */
import type { Ids } from '../lib/ids.js';

export type TokenGrant = { accountId: string; username: string };
export type IssuedGrant = TokenGrant & { expiresAt: number };

/** A token added (`grant`) or taken out (`grant: null`), for listeners (the data file's journal). */
export type TokenChange = { kind: 'access'; token: string; grant: IssuedGrant | null } | { kind: 'refresh'; token: string; grant: TokenGrant | null };

export type IssuedTokens = { accessToken: string; refreshToken: string | undefined; expiresIn: number };

export class TokenService {
  /** maps access token to its grant */
  private readonly access = new Map<string, IssuedGrant>();
  /** maps refresh token to its grant (removed when used) */
  private readonly refresh = new Map<string, TokenGrant>();

  /** Told of every token issued, redeemed or revoked (expiry is not reported: it recurs by itself). */
  onChange: ((change: TokenChange) => void) | undefined;

  constructor(private readonly ids: Ids) {}

  issue(grant: TokenGrant, nowMs: number, ttlSeconds: number, withRefresh: boolean): IssuedTokens {
    const accessToken = this.ids.uuid();
    const issued = { ...grant, expiresAt: nowMs + ttlSeconds * 1000 };
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

  /** The grant behind a live access token; `nowOf` gives the owning account's clock. */
  verify(token: string, nowOf: (accountId: string) => number): TokenGrant | undefined {
    const t = this.access.get(token);
    if (!t) return undefined;
    if (nowOf(t.accountId) >= t.expiresAt) {
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

  toJSON(): { access: [string, IssuedGrant][]; refresh: [string, TokenGrant][] } {
    return { access: [...this.access], refresh: [...this.refresh] };
  }

  restore(data: unknown): void {
    const d = data as { access?: [string, IssuedGrant][]; refresh?: [string, TokenGrant][] };
    this.access.clear();
    this.refresh.clear();
    for (const [k, v] of d.access ?? []) this.access.set(k, v);
    for (const [k, v] of d.refresh ?? []) this.refresh.set(k, v);
  }

  revokeAccount(accountId: string): void {
    for (const [k, v] of this.access) {
      if (v.accountId !== accountId) continue;
      this.access.delete(k);
      this.onChange?.({ kind: 'access', token: k, grant: null });
    }
    for (const [k, v] of this.refresh) {
      if (v.accountId !== accountId) continue;
      this.refresh.delete(k);
      this.onChange?.({ kind: 'refresh', token: k, grant: null });
    }
  }
}
