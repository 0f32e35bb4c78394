import { describe, expect, it } from 'vitest';
import { miniEntities, miniEvents } from '../../tests/fixtures/mini-kb';
import { PackStream, type PackPiece } from './pack-stream';

const manifest = { name: 'p', version: '1.0.0', schemaVersion: 1, license: 'CC0', created: '2026-01-01', sources: [] };

function readInPieces(text: string, cut: number): PackPiece {
  const stream = new PackStream();
  const all: PackPiece = { entities: [], events: [] };
  const take = (piece: PackPiece) => {
    if (piece.manifest !== undefined) all.manifest = piece.manifest;
    all.entities.push(...piece.entities);
    all.events.push(...piece.events);
  };
  for (let at = 0; at < text.length; at += cut) take(stream.write(text.slice(at, at + cut)));
  take(stream.end());
  return all;
}

describe('PackStream', () => {
  // Names with quotes, backslashes, non-Latin letters and a manifest placed last.
  const entities = [...miniEntities.slice(0, 4), { ...miniEntities[0]!, id: 'quoted', name: 'A "quoted" \\ name — Зеленський 🇺🇦', aliases: ['[not] {json}'] }];
  const text = JSON.stringify({ entities, events: miniEvents.slice(0, 3), manifest }, null, 1);

  it.each([1, 2, 3, 7, 64, 1000, text.length])('reads the same records whatever the pieces (%i characters)', (cut) => {
    expect(readInPieces(text, cut)).toEqual({ manifest, entities, events: miniEvents.slice(0, 3) });
  });

  it('says where a file stops being JSON', () => {
    const stream = new PackStream();
    expect(() => stream.write('{"manifest": {"name": nope}')).toThrow(/not valid JSON/);
  });

  it('says when a file ends too soon', () => {
    const stream = new PackStream();
    stream.write(text.slice(0, text.length - 5));
    expect(() => stream.end()).toThrow(/not valid JSON/);
  });
});

describe('PackStream on awkward but valid JSON', () => {
  const awkward = `  {"other": [1, {"a": "]}"}], "manifest": {"name": "x\\"}", "n": -1.5e3, "ok": true},
    "entities" : [ {"id": "a", "aliases": ["[", "{", "\\\\", "\\u005d"], "nested": {"deep": [[[]]]}} ,{"id":"b"}],
    "weird\\"key": null, "events": [], "n": 12 } `;

  it.each([1, 2, 5, 13, awkward.length])('reads it whatever the pieces (%i characters)', (cut) => {
    const expected = JSON.parse(awkward) as { manifest: unknown; entities: unknown[] };
    expect(readInPieces(awkward, cut)).toEqual({ manifest: expected.manifest, entities: expected.entities, events: [] });
  });

  it.each([
    ['a missing comma between records', '{"entities": [{"id": "a"} {"id": "b"}]}'],
    ['a record that is not JSON', '{"entities": [{"id": a}]}'],
    ['text after the pack', '{"entities": []} x'],
    ['a file that is not an object', '[1, 2]'],
    ['an empty file', ''],
  ])('refuses %s', (_what, text) => {
    expect(() => readInPieces(text, 3)).toThrow(/not valid JSON/);
  });

  it.each([
    ['entities that are not an array', '{"entities": {"id": "a"}}', /"entities" must be an array of records/],
    ['a second list of events', '{"events": [], "entities": [], "events": [{"id": "a"}]}', /"events" appears twice/],
    ['a second manifest', '{"manifest": {}, "entities": [], "manifest": {"name": "x"}}', /"manifest" appears twice/],
  ])('refuses valid JSON that is no pack: %s, and says so', (_what, text, message) => {
    expect(() => readInPieces(text, 3)).toThrow(message);
    expect(() => readInPieces(text, 3)).not.toThrow(/not valid JSON/);
  });

  it('tells which record lists the file holds', () => {
    const stream = new PackStream();
    stream.write('{"manifest": {}, "entities": [');
    expect([...stream.lists]).toEqual(['entities']);
  });

  it('reads a large pack in 64 kB pieces, every record whole and in order', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => ({ ...miniEntities[0]!, id: `e-${i}`, description: `Entity ${i} "quoted" [x] {y}` }));
    const events = miniEvents.map((e, i) => ({ ...e, id: `v-${i}` }));
    expect(readInPieces(JSON.stringify({ manifest, entities: records, events }), 1 << 16)).toEqual({ manifest, entities: records, events });
  });
});
