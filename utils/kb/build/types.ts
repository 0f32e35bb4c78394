/**
 * The shape every knowledge-base source converter shares (build-time code: nothing here is
 * bundled into the extension). A converter reads one source's raw files from
 * `../shared/kb-sources/<folder>/` (or an npm data package) and returns records in this
 * neutral shape; `merge.ts` unites them across sources (by Wikidata id first, then by name +
 * country + type), gives them ids, descriptions and prominence, and turns them into pack records.
 *
 * Rules for converters:
 * - never invent a Wikidata id or a Wikipedia title: copy them only where the source gives them;
 * - output is deterministic (same files → same records in the same order);
 * - no network; read files with node:fs only;
 * - skip a malformed row (count it in `skipped`), never throw on one.
 */
import type { EntityType, EventType } from '../schema';

/** What kind of thing a record is, finer than its pack type; used in descriptions and prominence. */
export type EntityKind =
  | 'head-of-state' | 'head-of-government' | 'minister' | 'office-holder' | 'legislator' | 'state-legislator' | 'governor' | 'mayor' | 'politician'
  | 'city' | 'town' | 'capital' | 'subdivision'
  | 'party' | 'university' | 'company' | 'government-body' | 'news-outlet' | 'football-club' | 'international-organisation' | 'armed-group' | 'ngo'
  | 'other';

/** A dated office as a source gives it. */
export interface SourceRole {
  /** The office as the source names it ("Minister of Foreign Affairs", "member of the Bundestag"). */
  title: string;
  /** ISO 3166-1 alpha-2 code of the country the office belongs to, when it is a country's. */
  country?: string;
  /** A first-level subdivision the office belongs to ("Texas" for a state senator), as its name. */
  subdivision?: string;
  start?: string;
  end?: string;
  /** How high the office ranks: 1 head of state or government, 2 minister, 3 other national office or national legislator, 4 sub-national. */
  rank: 1 | 2 | 3 | 4;
}

export interface SourceEntity {
  /** The source's own stable key for the record (a QID, a row id, a slug), unique within the source. */
  key: string;
  type: EntityType;
  kind: EntityKind;
  /** The name in English (or the source's main name). */
  name: string;
  /** Other names: short forms, abbreviations, names in other languages, with their language where known. */
  aliases?: { name: string; lang?: string }[];
  /** Only where the source gives it. */
  wikidata?: string;
  /** Exact English Wikipedia title, only where the source gives it. */
  wikipedia?: string;
  /** ISO 3166-1 alpha-2 code of the country the record belongs to or is in. */
  country?: string;
  /** First-level subdivision (state, province) the record is in, as its English name. */
  subdivision?: string;
  population?: number;
  /** The record is a country's capital (cities) or headquarters city name (organisations). */
  capital?: boolean;
  city?: string;
  founded?: string;
  born?: string;
  died?: string;
  roles?: SourceRole[];
  /** A short fact the description can end with ("sector: Energy", "NYSE: XOM"). */
  detail?: string;
  /** Web domain or site, where the source gives it. */
  website?: string;
}

export interface SourceEvent {
  key: string;
  type: EventType;
  title: string;
  date: string;
  end?: string;
  summary: string;
  /** Participants as references: `wikidata:Q123`, `country:DE`, or `<sourceId>:<key>` of an entity of the same source. */
  participants: string[];
  /** Same reference forms as participants. */
  place?: string;
  url: string;
  publisher: string;
}

export interface SourceOutput {
  entities: SourceEntity[];
  events: SourceEvent[];
  /** Rows dropped as malformed or out of scope, for the build's report. */
  skipped: number;
}

export interface SourceInfo {
  /** Short id used in records' `sources` ("every-politician", "openstates"). */
  id: string;
  title: string;
  /** Where the data comes from (repository or package). */
  origin: string;
  licence: string;
  /** The credit line the licence asks for, as shown on the attribution page. */
  attribution: string;
}

export interface Converter extends SourceInfo {
  /** Reads the raw files; `root` is the kb-sources folder (`../shared/kb-sources`). */
  read(root: string): SourceOutput;
}
