/**
 * One request at a time per host, with a pause between two requests to the same host: the link
 * checker asks each funder's site politely, whatever the number of its links. `run` waits for the
 * host's previous request (and the pause after it), then runs `fn`.
 */
export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  /** True when a request to `host` could start now (nobody on it, pause over). */
  isIdle(host: string, now = Date.now()): boolean {
    return !this.tails.has(host) && (this.lastEnd.get(host) ?? -Infinity) + this.delayMs <= now;
  }

  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(host, tail);
    await previous;
    try {
      const wait = (this.lastEnd.get(host) ?? -Infinity) + this.delayMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return await fn();
    } finally {
      this.lastEnd.set(host, Date.now());
      if (this.tails.get(host) === tail) this.tails.delete(host);
      release();
    }
  }
}
