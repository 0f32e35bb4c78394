/**
 * Checks the curated part of the default pack (assets/kb/sources/ and the countries of
 * world-countries, as `npm run kb:build` assembles them): its shape, and that it holds
 * what the hand-made gold answers in ../shared/gold/ need — an entity for every gold entity
 * title, the surface forms the gold pages use, and an event for every gold event by the
 * scorer's rule (same date or a span that contains it, and a keyword in title or aliases).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCuratedPack } from '../cli/build-pack';
import { validatePack, type Entity, type KbEvent, type Pack } from './schema';

interface GoldMention {
  text: string;
  entity: string;
  accept?: string[];
}
interface GoldEvent {
  date: string;
  keywords: string[];
  text?: string;
}
interface Gold {
  page: string;
  mentions: GoldMention[];
  optional_mentions?: GoldMention[];
  event_mentions?: GoldEvent[];
  related_required_top5?: GoldEvent[];
  related_expected_top10?: GoldEvent[];
}

const goldDir = new URL('../../../shared/gold/', import.meta.url);

const raw: unknown = JSON.parse(JSON.stringify(buildCuratedPack()));
const validation = validatePack(raw);
const pack = raw as Pack;

const golds: [string, Gold][] = fs
  .readdirSync(goldDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(fs.readFileSync(new URL(f, goldDir), 'utf8')) as Gold]);

/** Titles compare as the scorer does: underscores as spaces, any dash as a hyphen, case-insensitive. */
const normTitle = (s: string): string =>
  s.normalize('NFC').replace(/_/g, ' ').replace(/[\u2010-\u2015\u2212]/g, '-').trim().toLowerCase();

const byTitle = new Map<string, Entity[]>();
for (const entity of pack.entities) {
  if (!entity.wikipedia) continue;
  const key = normTitle(entity.wikipedia);
  byTitle.set(key, [...(byTitle.get(key) ?? []), entity]);
}

/** Pack entities that a gold mention accepts (its title or one of its `accept` titles). */
function entitiesFor(mention: GoldMention): Entity[] {
  return [mention.entity, ...(mention.accept ?? [])].flatMap((t) => byTitle.get(normTitle(t)) ?? []);
}

/** The scorer's event rule: same date, or a span containing the gold date, and a keyword in title/aliases. */
function matchesGoldEvent(event: KbEvent, gold: GoldEvent): boolean {
  const day = (d: string) => d.slice(0, 10);
  const dateOk = day(event.date) === gold.date || (event.end !== undefined && day(event.date) <= gold.date && gold.date <= day(event.end));
  const words = [event.title, ...event.aliases].join(' ').toLowerCase();
  return dateOk && gold.keywords.some((k) => words.includes(k.toLowerCase()));
}

const surfaceForms = (entity: Entity): string[] => [entity.name, ...entity.aliases];

describe('default knowledge-base pack, curated part', () => {
  it('passes validatePack', () => {
    if (!validation.ok) console.error(validation.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    expect(validation.ok).toBe(true);
  });

  it('has the agreed manifest', () => {
    expect(pack.manifest).toMatchObject({
      name: 'Backstory default pack',
      schemaVersion: 1,
      license: 'CC-BY-SA-4.0 (facts from the cited sources)',
      created: '2026-11-25',
    });
    expect(pack.manifest.sources.length).toBeGreaterThan(0);
  });

  it('finds the gold files', () => {
    expect(golds.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(golds)('gold %s', (_file, gold) => {
    it('has an entity for every entity title in the mentions', () => {
      const missing = [...new Set(gold.mentions.filter((m) => entitiesFor(m).length === 0).map((m) => m.entity))];
      expect(missing).toEqual([]);
    });

    it('knows every surface form the page uses, as a name or alias of that entity', () => {
      const missing = [
        ...new Set(
          gold.mentions
            .filter((m) => !entitiesFor(m).some((e) => surfaceForms(e).includes(m.text)))
            .map((m) => `${m.text} -> ${m.entity}`),
        ),
      ];
      expect(missing).toEqual([]);
    });

    it('has an event for every gold event mention and related event', () => {
      const wanted = [...(gold.event_mentions ?? []), ...(gold.related_required_top5 ?? []), ...(gold.related_expected_top10 ?? [])];
      const missing = wanted
        .filter((g) => !pack.events.some((e) => matchesGoldEvent(e, g)))
        .map((g) => `${g.date} ${g.keywords.join('/')}`);
      expect(missing).toEqual([]);
    });

    it('dates every related event on or before the article', () => {
      const article = (gold as Gold & { article_date: string }).article_date;
      const wanted = [...(gold.related_required_top5 ?? []), ...(gold.related_expected_top10 ?? [])];
      for (const g of wanted) {
        const hits = pack.events.filter((e) => matchesGoldEvent(e, g));
        expect(hits.some((e) => e.date.slice(0, 10) <= article), `${g.date} ${g.keywords.join('/')}`).toBe(true);
      }
    });
  });

  it('shares no alias between a person and a non-person', () => {
    // Add a lower-cased alias here with a reason if one ever must be shared.
    // "bloomberg": Michael Bloomberg's surname and Bloomberg News's short name; his is a weak
    // name, which links only where the article names him in full (a 2020 campaign story).
    const allowed = new Set<string>(['bloomberg']);
    const owners = new Map<string, Set<string>>();
    for (const entity of pack.entities) {
      for (const form of surfaceForms(entity)) {
        const key = form.toLowerCase();
        owners.set(key, (owners.get(key) ?? new Set()).add(entity.id));
      }
    }
    const typeOf = new Map(pack.entities.map((e) => [e.id, e.type]));
    const clashes = [...owners]
      .filter(([alias, ids]) => {
        const types = [...ids].map((id) => typeOf.get(id));
        return !allowed.has(alias) && types.includes('person') && types.some((t) => t !== 'person');
      })
      .map(([alias, ids]) => `${alias}: ${[...ids].join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('keeps metonyms apart: no person or country is named "Kremlin", "White House" or a capital', () => {
    const metonyms = ['kremlin', 'white house', 'washington', 'moscow', 'kyiv', 'kiev', 'beijing', 'brussels', 'pentagon', 'downing street'];
    const offenders = pack.entities
      .filter((e) => e.type === 'person' || e.type === 'country' || e.type === 'organisation')
      .flatMap((e) => surfaceForms(e).filter((f) => metonyms.includes(f.toLowerCase())).map((f) => `${e.id}: ${f}`));
    expect(offenders).toEqual([]);
    const kremlin = pack.entities.find((e) => e.wikipedia === 'Moscow Kremlin');
    expect(kremlin?.type).toBe('place');
    expect(kremlin?.standsFor).toContain('russia');
    expect(pack.entities.find((e) => e.wikipedia === 'White House')?.standsFor).toContain('united-states');
  });

  it('gives names without titles or a leading "the", and never repeats an alias', () => {
    const bad = pack.entities.flatMap((e) => {
      const problems: string[] = [];
      if (new Set(e.aliases).size !== e.aliases.length) problems.push(`${e.id}: duplicate alias`);
      for (const a of e.aliases) {
        if (/^the\s/i.test(a) && !/^the\s/i.test(e.name)) problems.push(`${e.id}: ${a}`);
        if (e.type === 'person' && /^(President|Mr\.?|Mrs\.?|Ms\.?|Sir|Speaker|Secretary)\s/.test(a)) problems.push(`${e.id}: ${a}`);
      }
      return problems;
    });
    expect(bad).toEqual([]);
  });

  it('gives Trump two presidential terms and dates every role that has phrases', () => {
    const trump = pack.entities.find((e) => e.id === 'donald-trump');
    const terms = trump?.roles?.filter((r) => r.of === 'united-states' && /President/.test(r.title)) ?? [];
    expect(terms.map((r) => [r.start, r.end])).toEqual([
      ['2017-01-20', '2021-01-20'],
      ['2025-01-20', undefined],
    ]);
    const undated = pack.entities.flatMap((e) => (e.roles ?? []).filter((r) => r.phrases?.length && !r.start).map((r) => `${e.id}: ${r.title}`));
    expect(undated).toEqual([]);
  });

  it('links the Budapest summit to the call that set it up, the call that prepared it and its call-off', () => {
    const budapest = pack.events.find((e) => e.date === '2025-10-16' && e.title.includes('Budapest') && e.type === 'summit');
    expect(budapest).toBeDefined();
    const linksTo = (type: string) => pack.events.filter((e) => e.links?.some((l) => l.type === type && l.event === budapest!.id)).map((e) => e.id);
    expect(linksTo('prepares')).toEqual(expect.arrayContaining(['2025-10-16-trump-putin-call', '2025-10-20-rubio-lavrov-call']));
    expect(linksTo('cancels')).toEqual(['2025-10-22-budapest-summit-called-off']);
  });

  it('cites only absolute http(s) sources and lists events in date order', () => {
    const bad = pack.events.flatMap((e) => e.sources.filter((s) => !/^https?:\/\//.test(s.url)).map((s) => `${e.id}: ${s.url}`));
    expect(bad).toEqual([]);
    const dates = pack.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });
});
