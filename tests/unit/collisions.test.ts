/**
 * Collision set (issue 17): sentences in news style where a surface form ("Reading", "Police",
 * "Johnson", "Georgia", "Paris") has a wrong sense in the full knowledge base built from open
 * data. Each case says which entity the surface form must link to, or null when it must not link
 * at all (a common word, a namesake the knowledge base does not know, not enough evidence).
 *
 * The test measures the linker on the whole set rather than pinning each answer, so that it keeps
 * guarding precision as the pack grows: wrong links (a link to another entity, or any link where
 * none is expected) must stay at or below MAX_WRONG_SHARE of the cases, the 3% issue 17 asks for.
 * The linker is at 2.8% (11 of 386): common nouns the article does not mark ("Panama hats",
 * "Guinea pigs", "Chile con carne", "a football Jersey", "a hanging Chad", German "Der Zug",
 * "the Bill of Sale", "stage Tours"), a first name before a verb ("Jordan scored"), a stage name
 * and the Battle of the Marne. Lower the bound as guards land, never raise it. Every wrong and
 * missed case is printed with its reason; missed links (no link where one is expected) are reported but not asserted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../utils/analysis/analyze-text';
import type { KnowledgeBase } from '../../utils/kb/knowledge-base';
import { loadKnowledgeBase } from '../../utils/kb/load-pack-file';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Wrong links allowed, as a share of all cases. */
const MAX_WRONG_SHARE = 0.03;
/** Cases whose expected entity no longer exists in the pack (renamed or merged ids): fixture rot. */
const MAX_STALE_SHARE = 0.05;

interface Case {
  text: string;
  date: string;
  surface: string;
  expect: string | null;
  why: string;
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/collisions.json', import.meta.url), 'utf8')) as { about: string; cases: Case[] };
const cases = fixture.cases;

type Outcome = 'right' | 'wrong' | 'missed' | 'stale';
interface Result {
  c: Case;
  outcome: Outcome;
  /** The entity the surface form was linked to, or null. */
  got: string | null;
}

/** Offset of the first occurrence of `surface` as a whole word in `text`, or -1. */
function firstOccurrence(text: string, surface: string): number {
  const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text);
  return m ? m.index : -1;
}

function judge(kb: KnowledgeBase, c: Case): Result {
  const analysis = analyzeText({ title: '', text: c.text, published: c.date }, kb);
  const at = firstOccurrence(c.text, c.surface);
  const end = at + c.surface.length;
  // The mention that covers the surface form; a longer name around it ("Boris Johnson") counts
  // as the surface form's link. Demonyms are links too.
  const mention = analysis.mentions.find((m) => m.kind !== 'nominal' && m.start <= at && m.end >= end);
  const got = mention?.entity.id ?? null;
  if (c.expect !== null && !kb.entities.has(c.expect)) return { c, outcome: 'stale', got };
  if (got === c.expect) return { c, outcome: 'right', got };
  if (got === null) return { c, outcome: 'missed', got };
  return { c, outcome: 'wrong', got };
}

describe('the collision set', () => {
  let results: Result[] = [];

  beforeAll(() => {
    execFileSync('npx', ['tsx', 'utils/cli/build-pack.ts', '--if-stale'], { cwd: root, stdio: 'inherit' });
    const kb = loadKnowledgeBase();
    results = cases.map((c) => judge(kb, c));
  }, 600_000);

  it('is a well-formed set of at least 300 cases, about half must-not-link', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    for (const c of cases) {
      expect(firstOccurrence(c.text, c.surface), `surface "${c.surface}" not in: ${c.text}`).toBeGreaterThanOrEqual(0);
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.why.length).toBeGreaterThan(0);
    }
    const nulls = cases.filter((c) => c.expect === null).length;
    expect(nulls / cases.length).toBeGreaterThan(0.35);
    expect(nulls / cases.length).toBeLessThan(0.65);
  });

  it(`links wrongly in at most ${MAX_WRONG_SHARE * 100}% of the cases`, () => {
    const show = (r: Result) =>
      `  ${r.c.surface.padEnd(14)} expected ${String(r.c.expect).padEnd(34)} got ${String(r.got).padEnd(34)} ${r.c.why}\n      ${r.c.text}`;
    const of = (o: Outcome) => results.filter((r) => r.outcome === o);
    const wrong = of('wrong');
    const missed = of('missed');
    const stale = of('stale');
    const judged = results.length - stale.length;
    const linked = results.filter((r) => r.outcome !== 'stale' && r.got !== null).length;
    const shouldLink = results.filter((r) => r.outcome !== 'stale' && r.c.expect !== null).length;
    const right = of('right');
    const rightLinks = right.filter((r) => r.c.expect !== null).length;
    const precision = linked ? rightLinks / linked : 1;
    const recall = shouldLink ? rightLinks / shouldLink : 1;

    if (wrong.length) console.log(`Wrong links (${wrong.length}):\n${wrong.map(show).join('\n')}`);
    if (missed.length) console.log(`Missed links (${missed.length}):\n${missed.map(show).join('\n')}`);
    if (stale.length) console.log(`Stale cases, expected id not in the pack (${stale.length}):\n${stale.map(show).join('\n')}`);
    console.log(
      [
        `collision set: ${results.length} cases (${judged} judged, ${stale.length} stale)`,
        `  must link ${shouldLink}, must not link ${judged - shouldLink}`,
        `  right ${right.length}, wrong ${wrong.length} (${((100 * wrong.length) / results.length).toFixed(1)}%), missed ${missed.length}`,
        `  wrong links where none was expected: ${wrong.filter((r) => r.c.expect === null).length}; to another sense: ${wrong.filter((r) => r.c.expect !== null).length}`,
        `  precision of links ${(100 * precision).toFixed(1)}% (${rightLinks}/${linked}), recall ${(100 * recall).toFixed(1)}% (${rightLinks}/${shouldLink})`,
      ].join('\n'),
    );

    expect(stale.length / results.length, 'too many expected ids no longer in the pack: update the fixture').toBeLessThanOrEqual(MAX_STALE_SHARE);
    expect(wrong.length / results.length).toBeLessThanOrEqual(MAX_WRONG_SHARE);
  });
});
