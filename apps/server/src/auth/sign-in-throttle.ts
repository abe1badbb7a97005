import { HttpException, HttpStatus, Injectable } from '@nestjs/common';

const WINDOW_MS = 5 * 60_000;
const MAX_FAILURES = 10;

/**
 * Slows password guessing: after 10 failed sign-ins for one user name from one address within 5
 * minutes, further attempts get 429 until the window has passed. Kept in memory: one server
 * process is the embedded default; behind several servers the limit applies per server.
 */
@Injectable()
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  check(address: string, username: string, now = Date.now()): void {
    const recent = this.recent(address, username, now);
    if (recent.length < MAX_FAILURES) return;
    const retryAfter = Math.ceil((recent[0] + WINDOW_MS - now) / 1000);
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: `Too many failed sign-ins for this user; try again in ${retryAfter} seconds`,
        retryAfter,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  failed(address: string, username: string, now = Date.now()): void {
    const key = this.key(address, username);
    this.failures.set(key, [...this.recent(address, username, now), now]);
  }

  succeeded(address: string, username: string): void {
    this.failures.delete(this.key(address, username));
  }

  private recent(address: string, username: string, now: number): number[] {
    return (this.failures.get(this.key(address, username)) ?? []).filter((at) => now - at < WINDOW_MS);
  }

  private key(address: string, username: string): string {
    return `${address}\u0000${username.toLowerCase()}`;
  }
}
