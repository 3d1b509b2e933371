/**
 * `--shard i/n`: the i-th of n deterministic, balanced parts of a list of work items, so that a CI
 * matrix of n jobs covers every item exactly once. Items are dealt round-robin in the order the
 * unsharded command would process them (environments sorted by name), so part sizes differ by at
 * most one and each part gets a spread of the list rather than one alphabetical block.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n). Throws commander's InvalidArgumentError, so usage errors exit 2. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError('expected i/n with 1 <= i <= n, e.g. 2/4');
  }
  return { index, count };
}

/** Whether the item at `position` (0-based, in the unsharded order) belongs to the shard. */
export function inShard(position: number, shard: Shard): boolean {
  return position % shard.count === shard.index - 1;
}

/** The shard's items, in their original order. */
export function selectShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard === undefined ? [...items] : items.filter((_, position) => inShard(position, shard));
}

/** Adds `--shard <i/n>` to a command. */
export function addShardOption(command: Command, what = 'environments'): Command {
  return command.addOption(
    new Option('--shard <i/n>', `only the i-th of n balanced parts of the ${what} (for a CI matrix; merge reports with mop report merge)`).argParser(parseShard),
  );
}
