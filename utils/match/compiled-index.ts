/**
 * The alias index in flat typed arrays: a token dictionary (open-addressing hash table over
 * one string of all tokens) and a trie in compressed-sparse-row form. It is built once when
 * a pack is imported, stored as it is (IndexedDB keeps typed arrays by structured clone), and
 * on a service-worker wake-up it is ready as soon as it is read: nothing is rebuilt, and it
 * takes a fraction of the heap of a trie of Maps (see `npm run bench`).
 */
import { Case, tokenize, type Token } from '../text/tokenize';
import { isNameGap, type AliasKind, type AliasMatch, type AliasTarget, type TargetFilter } from './alias-index';
import { stringAt, toStringList, type StringList } from './string-list';
import { Column } from './column';

/**
 * Numbers of an index: 16 bits each when every one of them fits (a shard of about 8192
 * records nearly always has fewer than 65536 nodes, edges, targets, tokens and refs), else
 * 32 bits, array by array. Fewer bytes to read from IndexedDB on a wake-up.
 */
export type Numbers = Uint16Array | Int32Array;

/** Everything the index holds; plain data, safe to store and structured-clone. */
export interface CompiledIndexData {
  format: 3;
  /** All distinct tokens, concatenated; token i is tokenBlob.slice(tokenStart[i], tokenStart[i + 1]). */
  tokenBlob: string;
  tokenStart: Numbers;
  /** Open addressing: slot → token id + 1, 0 when empty; size a power of two. */
  tokenSlots: Numbers;
  /** Node n's edges are edgeToken/edgeChild[edgeStart[n] .. edgeStart[n + 1]), sorted by token id. */
  edgeStart: Numbers;
  edgeToken: Numbers;
  edgeChild: Numbers;
  /** Node n's targets are targetRef/Kind/Cases/Flags[targetStart[n] .. targetStart[n + 1]). */
  targetStart: Numbers;
  targetRef: Numbers;
  targetKind: Uint8Array;
  /** Two bits per alias token: the least case the text must have (see Case). */
  targetCases: Uint16Array | Uint32Array;
  /** Bit 0: the alias ends with a dot ("U.S."); bits 1-7: number of tokens. */
  targetFlags: Uint8Array;
  /** Entity and event ids, by ref number. */
  refs: StringList;
  /** The alias text of nominal targets (role phrases), by target number. */
  phrases: [number, string][];
}

/** The numbers in 16 bits when they all fit (none is negative), else as they are. */
function narrow<A extends Int32Array | Uint32Array>(numbers: A): A | Uint16Array {
  // Indexed loops and the array-like constructor: an iterator here allocated a result object
  // per number, ~60 MB of garbage in the final derive of a 100k import.
  for (let i = 0; i < numbers.length; i++) if (numbers[i]! > 0xffff || numbers[i]! < 0) return numbers;
  return new Uint16Array(numbers);
}

/** `out` filled with `value(source[i])` for every i: TypedArray.from without its iterator. */
function mapInto<T extends Uint8Array | Uint32Array | Int32Array>(out: T, source: Int32Array, value: (n: number) => number): T {
  for (let i = 0; i < source.length; i++) out[i] = value(source[i]!);
  return out;
}

const KINDS: AliasKind[] = ['name', 'demonym', 'nominal', 'event', 'weak'];
const MAX_TOKENS = 16;

/** FNV-1a of a string's UTF-16 code units, as an unsigned 32-bit number. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function requiredCase(token: Token): Case {
  if (token.case === Case.Upper) return token.end - token.start > 1 ? Case.Upper : Case.Capitalised;
  return token.case === Case.Capitalised ? Case.Capitalised : Case.Lower;
}

function caseSatisfies(actual: Case, required: number): boolean {
  if (required === Case.Lower) return true;
  if (required === Case.Upper) return actual === Case.Upper;
  return actual === Case.Capitalised || actual === Case.Upper;
}

/** The token dictionary of an index: token i is tokens[i]. */
function tokenTable(tokens: string[]): Pick<CompiledIndexData, 'tokenBlob' | 'tokenStart' | 'tokenSlots'> {
  const { blob, start } = toStringList(tokens);
  let size = 1;
  while (size < tokens.length * 2) size <<= 1;
  const tokenSlots = new Int32Array(size);
  tokens.forEach((t, id) => {
    let slot = hash(t) & (size - 1);
    while (tokenSlots[slot] !== 0) slot = (slot + 1) & (size - 1);
    tokenSlots[slot] = id + 1;
  });
  return { tokenBlob: blob, tokenStart: narrow(start), tokenSlots: narrow(tokenSlots) };
}

export interface AliasEntry {
  alias: string;
  ref: string;
  kind: AliasKind;
}

/**
 * The build-time trie's edges: an open-addressing hash table from (node, token) to child,
 * in typed arrays — one Map per node cost seconds of garbage collection at 300k aliases.
 */
class EdgeTable {
  // Small at first: an index built in shards has a table for each.
  private size = 1 << 10;
  private shift = 32 - 10;
  private nodes = new Int32Array(this.size).fill(-1);
  private tokens = new Int32Array(this.size);
  private children = new Int32Array(this.size);
  count = 0;

  private slot(node: number, token: number): number {
    const mask = this.size - 1;
    // The product's top bits: its low bits depend only on the low bits of node and token.
    let slot = Math.imul(Math.imul(node, 0x9e3779b1) ^ token, 0x85ebca6b) >>> this.shift;
    while (this.nodes[slot] !== -1 && (this.nodes[slot] !== node || this.tokens[slot] !== token)) slot = (slot + 1) & mask;
    return slot;
  }

  get(node: number, token: number): number {
    const slot = this.slot(node, token);
    return this.nodes[slot] === -1 ? -1 : this.children[slot]!;
  }

  set(node: number, token: number, child: number): void {
    if ((this.count + 1) * 2 > this.size) this.grow();
    const slot = this.slot(node, token);
    this.nodes[slot] = node;
    this.tokens[slot] = token;
    this.children[slot] = child;
    this.count++;
  }

  private grow(): void {
    const { nodes, tokens, children } = this;
    this.size <<= 1;
    this.shift--;
    this.nodes = new Int32Array(this.size).fill(-1);
    this.tokens = new Int32Array(this.size);
    this.children = new Int32Array(this.size);
    for (let i = 0; i < nodes.length; i++) {
      if (nodes[i] === -1) continue;
      const slot = this.slot(nodes[i]!, tokens[i]!);
      this.nodes[slot] = nodes[i]!;
      this.tokens[slot] = tokens[i]!;
      this.children[slot] = children[i]!;
    }
  }

  /** Calls `each` with every edge, in no particular order (a generator of triples was ~40 MB of garbage at 100k). */
  forEach(each: (parent: number, token: number, child: number) => void): void {
    for (let i = 0; i < this.size; i++) if (this.nodes[i] !== -1) each(this.nodes[i]!, this.tokens[i]!, this.children[i]!);
  }
}

/** An alias as an index keeps it: without a leading "the", and its tokens. */
function indexedAlias(entry: AliasEntry): { alias: string; tokens: Token[] } {
  const alias = entry.alias.replace(/^the\s+/i, '');
  return { alias, tokens: tokenize(alias) };
}

/**
 * The tokens and refs an index's builders have seen, numbered: one for all the shards of an
 * index, so that a token or an id is held once, not once in each shard it falls in (at 100k
 * records, one map of each per shard held 28 MB of the import's heap).
 */
class BuildDictionary {
  private readonly tokenIds = new Map<string, number>();
  readonly tokens: string[] = [];
  /** A ref is numbered again only when it is not the last one: a record's aliases come together. */
  readonly refs: string[] = [];

  token(norm: string): number {
    let id = this.tokenIds.get(norm);
    if (id === undefined) {
      this.tokenIds.set(norm, (id = this.tokens.length));
      this.tokens.push(norm);
    }
    return id;
  }

  ref(ref: string): number {
    const { refs } = this;
    if (refs[refs.length - 1] !== ref) refs.push(ref);
    return refs.length - 1;
  }
}

/**
 * Builds the flat index one alias entry at a time, keeping only the trie under construction
 * (not the entries), so a knowledge base streamed record by record is indexed in the memory
 * of its trie. Entries without a word, or longer than 16 tokens, are skipped. Its tokens and
 * refs are numbered in a dictionary it may share with other builders (the shards of one
 * index), and numbered anew for the index alone in `build`.
 */
export class AliasIndexBuilder {
  private readonly edges = new EdgeTable();
  private nodeCount = 1;
  /** Targets in the order found, one column per field; grouped by node in `build`. */
  private readonly t = {
    node: new Column((n) => new Int32Array(n)),
    /** The dictionary's number of the ref. */
    ref: new Column((n) => new Int32Array(n)),
    kind: new Column((n) => new Uint8Array(n)),
    cases: new Column((n) => new Uint32Array(n)),
    flags: new Column((n) => new Uint8Array(n)),
    /** The alias text of nominal targets (role phrases) by target number; others need none. */
    phrase: new Map<number, string>(),
  };

  constructor(private readonly dictionary = new BuildDictionary()) {}

  add(entry: AliasEntry): void {
    const { alias, tokens } = indexedAlias(entry);
    this.addTokens(alias, tokens, entry.ref, entry.kind);
  }

  /** Adds an alias (without a leading "the") already tokenised. */
  addTokens(alias: string, tokens: Token[], ref: string, kind: AliasKind): void {
    const { dictionary, edges, t } = this;
    if (tokens.length === 0 || tokens.length > MAX_TOKENS) return;
    let node = 0;
    for (const token of tokens) {
      const id = dictionary.token(token.norm);
      let child = edges.get(node, id);
      if (child === -1) edges.set(node, id, (child = this.nodeCount++));
      node = child;
    }
    let cases = 0;
    tokens.forEach((token, i) => (cases |= requiredCase(token) << (2 * i)));
    t.node.push(node);
    t.ref.push(dictionary.ref(ref));
    t.kind.push(KINDS.indexOf(kind));
    t.cases.push(cases);
    t.flags.push((alias.endsWith('.') ? 1 : 0) | (tokens.length << 1));
    if (kind === 'nominal') t.phrase.set(t.node.length - 1, alias);
  }

  build(): CompiledIndexData {
    const { dictionary, edges, nodeCount } = this;
    const t = { node: this.t.node.view(), kind: this.t.kind.view(), cases: this.t.cases.view(), flags: this.t.flags.view() };
    if (nodeCount >= 2 ** 24) throw new Error(`too many aliases to index (${nodeCount} trie nodes; at most 2^24)`);

    // The index's own numbers for the tokens and refs it uses.
    const localToken = new Int32Array(dictionary.tokens.length).fill(-1);
    edges.forEach((_, token) => (localToken[token] = 0));
    const tokens: string[] = [];
    localToken.forEach((used, token) => {
      if (used === 0) localToken[token] = tokens.push(dictionary.tokens[token]!) - 1;
    });
    const { tokenBlob: blob, tokenStart, tokenSlots } = tokenTable(tokens);
    // And for its refs, in id order. A ref the dictionary numbered twice (it came back after
    // another) is one ref here: sorted, its numbers fall together. (A map from id to number
    // was ~26 MB of garbage over the 32 shards of a 100k import.)
    const refTargets = this.t.ref.view();
    const localRef = new Int32Array(dictionary.refs.length).fill(-1);
    const usedRefs: number[] = [];
    refTargets.forEach((n) => {
      if (localRef[n] === -1) usedRefs.push(n), (localRef[n] = 0);
    });
    const byId = (a: number, b: number) => (dictionary.refs[a]! < dictionary.refs[b]! ? -1 : dictionary.refs[a]! > dictionary.refs[b]! ? 1 : 0);
    const refIds: string[] = [];
    for (const n of usedRefs.sort(byId)) {
      const id = dictionary.refs[n]!;
      if (refIds[refIds.length - 1] !== id) refIds.push(id);
      localRef[n] = refIds.length - 1;
    }
    const ref = refTargets.map((n) => localRef[n]!);

    // Edges grouped by parent (counting sort), each group sorted by token.
    const edgeCount = edges.count;
    const edgeStart = new Int32Array(nodeCount + 1);
    edges.forEach((parent) => edgeStart[parent + 1]!++);
    for (let n = 0; n < nodeCount; n++) edgeStart[n + 1]! += edgeStart[n]!;
    // token · 2^24 + child sorts by token, and both come back out (fewer than 2^24 nodes).
    const packed = new Float64Array(edgeCount);
    const fill = edgeStart.slice(0, nodeCount);
    edges.forEach((parent, token, child) => (packed[fill[parent]!++] = localToken[token]! * 2 ** 24 + child));
    const edgeToken = new Int32Array(edgeCount);
    const edgeChild = new Int32Array(edgeCount);
    for (let n = 0; n < nodeCount; n++) {
      // Most nodes have one edge or none: a view for each would be ~20 MB of garbage at 100k.
      if (edgeStart[n + 1]! - edgeStart[n]! > 1) packed.subarray(edgeStart[n], edgeStart[n + 1]).sort();
    }
    packed.forEach((key, i) => {
      edgeToken[i] = Math.floor(key / 2 ** 24);
      edgeChild[i] = key % 2 ** 24;
    });

    // Targets grouped by node in the order found, without repeats of (ref, kind, cases).
    const order = new Int32Array(t.node.length);
    const targetStart = new Int32Array(nodeCount + 1);
    t.node.forEach((node) => targetStart[node + 1]!++);
    for (let n = 0; n < nodeCount; n++) targetStart[n + 1]! += targetStart[n]!;
    const place = targetStart.slice(0, nodeCount);
    t.node.forEach((node, i) => (order[place[node]!++] = i));
    const keptColumn = new Column((size) => new Int32Array(size), Math.max(1, t.node.length));
    const keptStart = new Int32Array(nodeCount + 1);
    for (let n = 0; n < nodeCount; n++) {
      keptStart[n] = keptColumn.length;
      for (let k = targetStart[n]!; k < targetStart[n + 1]!; k++) {
        const i = order[k]!;
        let repeat = false;
        for (let j = keptStart[n]!; j < keptColumn.length && !repeat; j++) {
          const other = keptColumn.at(j);
          repeat = ref[other] === ref[i] && t.kind[other] === t.kind[i] && t.cases[other] === t.cases[i];
        }
        if (!repeat) keptColumn.push(i);
      }
    }
    keptStart[nodeCount] = keptColumn.length;
    const kept = keptColumn.view();
    const nominal = KINDS.indexOf('nominal');
    const phrases: [number, string][] = [];
    kept.forEach((i, target) => {
      if (t.kind[i] === nominal) phrases.push([target, this.t.phrase.get(i)!]);
    });

    const data: CompiledIndexData = {
      format: 3,
      tokenBlob: blob,
      tokenStart,
      tokenSlots,
      edgeStart: narrow(edgeStart),
      edgeToken: narrow(edgeToken),
      edgeChild: narrow(edgeChild),
      targetStart: narrow(keptStart),
      targetRef: narrow(kept.map((i) => ref[i]!)),
      targetKind: mapInto(new Uint8Array(kept.length), kept, (i) => t.kind[i]!),
      targetCases: narrow(mapInto(new Uint32Array(kept.length), kept, (i) => t.cases[i]!)),
      targetFlags: mapInto(new Uint8Array(kept.length), kept, (i) => t.flags[i]!),
      refs: toStringList(refIds),
      phrases,
    };
    return data;
  }
}

/** Builds the flat index from alias entries (see AliasIndexBuilder). */
export function compileAliasIndex(entries: Iterable<AliasEntry>): CompiledIndexData {
  const builder = new AliasIndexBuilder();
  for (const entry of entries) builder.add(entry);
  return builder.build();
}

/** The kinds a filter takes, as bits of their KINDS index; every kind when it names none. */
const kindMasks = new WeakMap<TargetFilter, number>();
function kindMask(accept?: TargetFilter): number {
  if (!accept?.kinds) return -1;
  let mask = kindMasks.get(accept);
  if (mask === undefined) {
    mask = 0;
    for (const kind of accept.kinds) mask |= 1 << KINDS.indexOf(kind);
    kindMasks.set(accept, mask);
  }
  return mask;
}

function growInt32(a: Int32Array): Int32Array {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** Every non-overlapping longest match, left to right, given the longest match at each token. */
function longestMatches(tokenCount: number, matchAt: (i: number) => AliasMatch | null): AliasMatch[] {
  const matches: AliasMatch[] = [];
  for (let i = 0; i < tokenCount; ) {
    const match = matchAt(i);
    if (match) {
      matches.push(match);
      i = match.to;
    } else i++;
  }
  return matches;
}

/** What matching needs of an index: every non-overlapping longest match, left to right. */
export interface AliasMatcher {
  findAll(text: string, tokens: Token[], accept?: TargetFilter): AliasMatch[];
}

/**
 * The shard of `shards` (a power of two) that holds the aliases whose first token is `norm`.
 * The hash's top bits: the token table inside a shard slots by its low bits.
 */
export function shardOfToken(norm: string, shards: number): number {
  return shards === 1 ? 0 : hash(norm) >>> (32 - Math.log2(shards));
}

/**
 * Builds an index split into `shards` (a power of two) by the first token of each alias, so
 * that a lookup reads only the shards of the tokens it has: each shard is a whole index of
 * its own (tokens, trie, refs), built from its own aliases.
 */
export class ShardedIndexBuilder {
  private parts: AliasIndexBuilder[];

  constructor(readonly shards: number) {
    const dictionary = new BuildDictionary();
    this.parts = Array.from({ length: shards }, () => new AliasIndexBuilder(dictionary));
  }

  add(entry: AliasEntry): void {
    const { alias, tokens } = indexedAlias(entry);
    if (tokens.length) this.parts[shardOfToken(tokens[0]!.norm, this.shards)]!.addTokens(alias, tokens, entry.ref, entry.kind);
  }

  /** The shards, in order; the builder is empty afterwards (each part is let go once built). */
  *build(): Generator<CompiledIndexData> {
    const parts = this.parts;
    this.parts = [];
    for (let part = parts.shift(); part; part = parts.shift()) yield part.build();
  }
}

/**
 * Matching over the shards of a split index that a text needs (`shardsOf`): the same
 * answers as the whole index gives for that text.
 */
export class ShardedAliasIndex implements AliasMatcher {
  constructor(
    readonly shards: number,
    private readonly parts: ReadonlyMap<number, CompiledAliasIndex>,
  ) {}

  /** The shards a text's tokens may start an alias in. */
  static shardsOf(tokens: Token[], shards: number): Set<number> {
    return new Set(tokens.map((t) => shardOfToken(t.norm, shards)));
  }

  /** The longest alias starting at token `from` whose case the text satisfies; null when none. */
  longestMatchAt(text: string, tokens: Token[], from: number, accept?: TargetFilter): AliasMatch | null {
    const shard = shardOfToken(tokens[from]!.norm, this.shards);
    const part = this.parts.get(shard);
    if (!part) throw new Error(`alias index shard ${shard} was not read`);
    return part.longestMatchAt(text, tokens, from, accept);
  }

  findAll(text: string, tokens: Token[], accept?: TargetFilter): AliasMatch[] {
    return longestMatches(tokens.length, (i) => this.longestMatchAt(text, tokens, i, accept));
  }
}

/**
 * An index with some of its records changed: the stored index without the targets of the
 * changed records (`hidden` says which), and a small index of the changed records as they
 * are now. It answers as one index compiled from the records now would: the longest match
 * of either, with the targets of both when they are as long, in the order a compiled index
 * has them (`first`: changed targets that come before the stored ones, as the reader's
 * records come before the pack's; matching keeps the first of equally good targets).
 */
export class OverlaidIndex implements AliasMatcher {
  constructor(
    private readonly base: { longestMatchAt(text: string, tokens: Token[], from: number, accept?: TargetFilter): AliasMatch | null },
    private readonly changed: CompiledAliasIndex,
    private readonly hidden: (t: AliasTarget) => boolean,
    private readonly first: (t: AliasTarget) => boolean,
  ) {}

  findAll(text: string, tokens: Token[], accept?: TargetFilter): AliasMatch[] {
    const fromBase: TargetFilter = Object.assign((t: AliasTarget) => !this.hidden(t) && (!accept || accept(t)), accept?.kinds ? { kinds: accept.kinds } : {});
    return longestMatches(tokens.length, (i) => {
      const a = this.base.longestMatchAt(text, tokens, i, fromBase);
      const b = this.changed.size ? this.changed.longestMatchAt(text, tokens, i, accept) : null;
      if (!a || !b) return a ?? b;
      if (a.to !== b.to) return a.to > b.to ? a : b;
      return { from: i, to: a.to, targets: [...b.targets.filter(this.first), ...a.targets, ...b.targets.filter((t) => !this.first(t))] };
    });
  }
}

/** Matching over a compiled index; the same answers as AliasIndex, from flat arrays. */
export class CompiledAliasIndex implements AliasMatcher {
  private readonly phrases: Map<number, string>;
  /**
   * Per token of a tokenised text, its id and the trie node it leads to from the root (-1:
   * none), kept while the text's tokens are alive (several passes read them).
   */
  private readonly idCache = new WeakMap<Token[], { ids: Int32Array; roots: Int32Array }>();

  /** Ref strings already sliced out of the list: a text names few of them, often several times. */
  private readonly refCache = new Map<number, string>();

  constructor(readonly data: CompiledIndexData) {
    this.phrases = new Map(data.phrases);
  }

  private refAt(n: number): string {
    let ref = this.refCache.get(n);
    if (ref === undefined) this.refCache.set(n, (ref = stringAt(this.data.refs, n)));
    return ref;
  }

  get size(): number {
    return this.data.targetRef.length;
  }

  /** The id of a normalised token; -1 when no alias uses it. */
  tokenId(norm: string): number {
    const { tokenSlots, tokenStart, tokenBlob } = this.data;
    const mask = tokenSlots.length - 1;
    for (let slot = hash(norm) & mask; ; slot = (slot + 1) & mask) {
      const id = tokenSlots[slot]! - 1;
      if (id === -1) return -1;
      const start = tokenStart[id]!;
      if (tokenStart[id + 1]! - start === norm.length && tokenBlob.startsWith(norm, start)) return id;
    }
  }

  private child(node: number, token: number): number {
    const { edgeStart, edgeToken, edgeChild } = this.data;
    let lo = edgeStart[node]!;
    let hi = edgeStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = edgeToken[mid]!;
      if (t === token) return edgeChild[mid]!;
      if (t < token) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private target(i: number): AliasTarget {
    const d = this.data;
    const n = d.targetFlags[i]! >> 1;
    const cases: Case[] = [];
    for (let k = 0; k < n; k++) cases.push(((d.targetCases[i]! >>> (2 * k)) & 3) as Case);
    return {
      ref: this.refAt(d.targetRef[i]!),
      kind: KINDS[d.targetKind[i]!]!,
      alias: this.phrases.get(i) ?? (d.targetFlags[i]! & 1 ? '.' : ''),
      cases,
    };
  }

  /**
   * The longest alias starting at token `from` whose case the text satisfies; null when none.
   * The walk only notes the trie nodes that end an alias; targets are built for the one that
   * wins, so the prefixes a longer name passes through ("David" in "David Cameron") cost nothing.
   */
  longestMatchAt(text: string, tokens: Token[], from: number, accept?: TargetFilter, known?: { ids: Int32Array; roots: Int32Array }): AliasMatch | null {
    const d = this.data;
    let found = 0;
    let node = 0;
    for (let i = from; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (i > from && !isNameGap(text, tokens[i - 1]!.end, token.start)) break;
      if (i === from && known) node = known.roots[i]!;
      else {
        const id = known ? known.ids[i]! : this.tokenId(token.norm);
        node = id === -1 ? -1 : this.child(node, id);
      }
      if (node === -1) break;
      if (d.targetStart[node]! === d.targetStart[node + 1]!) continue;
      if (2 * found === this.ends.length) this.ends = growInt32(this.ends);
      this.ends[2 * found] = node;
      this.ends[2 * found + 1] = i + 1;
      found++;
    }
    const kinds = kindMask(accept);
    for (let k = found - 1; k >= 0; k--) {
      const to = this.ends[2 * k + 1]!;
      const targets = this.targetsAt(this.ends[2 * k]!, tokens, from, to, kinds, accept);
      if (targets) return { from, to, targets };
    }
    return null;
  }

  /** Node and end token of each alias end met by the walk in progress (reused: matching is synchronous). */
  private ends: Int32Array = new Int32Array(16);

  /** The targets of `node` that the text from..to satisfies (case, kind, filter); null when none. */
  private targetsAt(node: number, tokens: Token[], from: number, to: number, kinds: number, accept?: TargetFilter): AliasTarget[] | null {
    const d = this.data;
    let ok: AliasTarget[] | null = null;
    for (let t = d.targetStart[node]!, end = d.targetStart[node + 1]!; t < end; t++) {
      // A target of a kind not asked for is skipped before it is built.
      if (!(kinds & (1 << d.targetKind[t]!))) continue;
      const cases = d.targetCases[t]!;
      let fits = true;
      for (let k = 0; k < to - from && fits; k++) fits = caseSatisfies(tokens[from + k]!.case, (cases >>> (2 * k)) & 3);
      if (!fits) continue;
      const target = this.target(t);
      if (accept && !accept(target)) continue;
      (ok ??= []).push(target);
    }
    return ok;
  }

  /** Every non-overlapping longest match, left to right; [] when nothing matches. */
  findAll(text: string, tokens: Token[], accept?: TargetFilter): AliasMatch[] {
    let known = this.idCache.get(tokens);
    if (!known) this.idCache.set(tokens, (known = this.lookUp(tokens)));
    const { roots } = known;
    return longestMatches(tokens.length, (i) => (roots[i] === -1 ? null : this.longestMatchAt(text, tokens, i, accept, known)));
  }

  /** Ids and root nodes of a text's tokens. */
  private lookUp(tokens: Token[]): { ids: Int32Array; roots: Int32Array } {
    const ids = new Int32Array(tokens.length);
    const roots = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const id = this.tokenId(tokens[i]!.norm);
      ids[i] = id;
      roots[i] = id === -1 ? -1 : this.rootChild(id);
    }
    return { ids, roots };
  }

  /** Root edges by token id (-1: no alias starts with it), laid out on first use. */
  private rootEdges: Int32Array | undefined;

  /** The child of the root by token `id`: one read instead of a search through every first word. */
  private rootChild(id: number): number {
    if (!this.rootEdges) {
      const { edgeStart, edgeToken, edgeChild, tokenStart } = this.data;
      const edges = new Int32Array(tokenStart.length).fill(-1);
      for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) edges[edgeToken[e]!] = edgeChild[e]!;
      this.rootEdges = edges;
    }
    return this.rootEdges[id]!;
  }
}
