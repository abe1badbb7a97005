import type { Pool } from 'pg';

const BLOCK_SIZE = 10_000n;
// Zeebe keys carry the partition id in their top bits; we have one partition, id 1, so our keys
// look like Zeebe's (2251799813685249, …) and clients that decode the partition get 1.
const PARTITION_OFFSET = 1n << 51n;

export class KeysExhausted extends Error {
  constructor() {
    super('the key blocks are used up; refill and retry the command');
  }
}

/**
 * int64 keys, unique across every engine process on the database: each process reserves blocks
 * of 10,000 from a sequence. `next()` is synchronous so that processing stays free of I/O; a
 * command that drains the blocks throws KeysExhausted and is retried after `ensure()`.
 */
export class KeyGenerator {
  /** Reserved ranges [from, to), oldest first. */
  private readonly blocks: [bigint, bigint][] = [];
  private refill?: Promise<void>;

  constructor(private readonly pool: Pool) {}

  get available(): number {
    return this.blocks.reduce((sum, [from, to]) => sum + Number(to - from), 0);
  }

  next(): string {
    const block = this.blocks[0];
    if (!block) throw new KeysExhausted();
    const key = PARTITION_OFFSET + block[0];
    block[0] += 1n;
    if (block[0] === block[1]) this.blocks.shift();
    // Refill in the background well before the blocks run dry, so commands rarely wait or retry.
    if (this.available < Number(BLOCK_SIZE) / 2) void this.ensure(Number(BLOCK_SIZE)).catch(() => undefined);
    return key.toString();
  }

  /** Makes sure at least `count` keys are at hand. */
  async ensure(count = 200): Promise<void> {
    while (this.available < count) {
      this.refill ??= this.reserveBlock().finally(() => (this.refill = undefined));
      await this.refill;
    }
  }

  private async reserveBlock(): Promise<void> {
    const { rows } = await this.pool.query<{ block: string }>("SELECT nextval('engine.key_block') AS block");
    const from = BigInt(rows[0].block) * BLOCK_SIZE;
    this.blocks.push([from, from + BLOCK_SIZE]);
  }
}
