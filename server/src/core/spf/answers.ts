/**
 * DNS answers known in advance, for the offline analyses (lookup tree, lookup count): the server
 * asks live DNS — when the user enabled it and the workspace is trusted — for the names outside
 * the zone files that the document's SPF records reach, and hands the answers to the core as a
 * workspace fact (`WorkspaceFacts.dnsAnswers`). The core only reads them, synchronously; it
 * never asks anything itself.
 *
 * A `DnsAnswers` never changes once built (`with` returns a new one), so the caches keyed on it
 * are dropped when new answers arrive.
 */
import { normalizeName, type DnsType, type LookupResult } from './resolver';

/** A synchronous source of answers: `undefined` when the name and type were not asked. */
export interface ResolverLike {
  lookup<T extends DnsType>(name: string, type: T): LookupResult<T> | undefined;
}

export interface DnsAnswer {
  name: string;
  type: DnsType;
  result: LookupResult<DnsType>;
}

function key(name: string, type: DnsType): string {
  return `${normalizeName(name)}\u0000${type}`;
}

export class DnsAnswers implements ResolverLike {
  static readonly EMPTY = new DnsAnswers(new Map());

  private constructor(private readonly map: ReadonlyMap<string, LookupResult<DnsType>>) {}

  /** The answers for `answers`. */
  static of(answers: Iterable<DnsAnswer>): DnsAnswers {
    return DnsAnswers.EMPTY.with(answers);
  }

  /** These answers and `more` (which win where both answer the same question). */
  with(more: Iterable<DnsAnswer>): DnsAnswers {
    const map = new Map(this.map);
    for (const a of more) map.set(key(a.name, a.type), a.result);
    return new DnsAnswers(map);
  }

  lookup<T extends DnsType>(name: string, type: T): LookupResult<T> | undefined {
    return this.map.get(key(name, type)) as LookupResult<T> | undefined;
  }

  has(name: string, type: DnsType): boolean {
    return this.map.has(key(name, type));
  }

  /** How many questions are answered. */
  get size(): number {
    return this.map.size;
  }
}
