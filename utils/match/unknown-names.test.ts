import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessLanguage, type ArticleLanguage } from '../text/language';
import { englishTagger } from './english-names';
import { unknownNameLimits } from './unknown-name';
import { findUnknownNames, unnamedSpans, unknownNameSteps } from './unknown-names';
import type { Span } from '../text/sentences';

const shared = new URL('../../../shared/corpus/pages/', import.meta.url);

/** The unknown names of `text`, as "type:name×count"; `known` names are the knowledge base's, `linked` the linker's spans. */
function find(language: ArticleLanguage, text: string, { known = [] as string[], linked = [] as Span[] } = {}) {
  return findUnknownNames(text, linked, { language, isKnownName: (name) => known.includes(name), english: englishTagger() });
}
const brief = (...args: Parameters<typeof find>) => find(...args).map((n) => `${n.type}:${n.text}×${n.count}`);
/** The span of the first `name` in `text`. */
const spanOf = (text: string, name: string): Span => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length });

describe('unknown names in English (compromise)', () => {
  it('finds people, places and organisations, without the titles before them, and counts a surname alone', () => {
    const text =
      'Police said Marcus Ortega-Villa, 34, was arrested near Lake Placid on Tuesday. Ortega-Villa denied the charges. ' +
      'Senator Elizabeth Warren wrote to the chief executive of Acme Widgets Inc. about the Springfield Police Department.';
    expect(brief('en', text)).toEqual([
      'person:Marcus Ortega-Villa×2',
      'place:Lake Placid×1',
      'person:Elizabeth Warren×1',
      'organisation:Acme Widgets Inc×1',
      'organisation:Springfield Police Department×1',
    ]);
  });

  it('counts a shorter form of a full name with the full name', () => {
    const text = 'Michael Forrest Jones founded the firm in 2010. Forrest Jones said business was good. Jones smiled.';
    expect(brief('en', text)).toEqual(['person:Michael Forrest Jones×3']);
  });

  it('keeps offsets into the text and the sentence each name came from', () => {
    const text = 'Markets were calm. “We are ready,” Kwame Mensah told reporters in Accra on Monday. Mensah is 40.';
    const [mensah] = find('en', text);
    expect(mensah).toMatchObject({ text: 'Kwame Mensah', type: 'person', count: 2, sentence: '“We are ready,” Kwame Mensah told reporters in Accra on Monday.' });
    expect(mensah!.offsets.map((o) => text.slice(o.start, o.end))).toEqual(['Kwame Mensah', 'Mensah']);
  });

  it('leaves out what overlaps a linked mention and the names the knowledge base holds', () => {
    const text = 'Jerome Powell met Zorblax Industries in Springfield, Illinois. Jim Jordan said no.';
    expect(brief('en', text, { linked: [spanOf(text, 'Springfield'), spanOf(text, 'Illinois')], known: ['Jim Jordan'] })).toEqual(['person:Jerome Powell×1', 'organisation:Zorblax Industries×1']);
  });

  it('reads no capitalised common word as a name: sentence openers, headings in title case, lone words the lexicon knows as common', () => {
    const text = 'Government Will Soon Spend More On Health\n\nReading is fun. Police said the Oil price rose. And the Assembly voted.';
    expect(brief('en', text)).toEqual([]);
  });

  it('leaves out datelines, bylines and picture credits', () => {
    const text =
      'WASHINGTON (Reuters) — The talks went on.\n\nBy Anna Smith and Tom Jones\n\nThe plan failed, Kwame Mensah said.\n\n' +
      'Photo: Jane Doe/AFP via Getty Images\n\nReporting by John Major; Editing by Mary Minor';
    expect(brief('en', text)).toEqual(['person:Kwame Mensah×1']);
  });

  it('finds nothing in English without the tagger', () => {
    expect(findUnknownNames('Kwame Mensah said so.', [], { language: 'en', isKnownName: () => false })).toEqual([]);
  });
});

describe('unknown names in German (rules)', () => {
  it('takes a run of capitals as a name only on evidence: a title, a given name, an organisation or a place word', () => {
    const text =
      'Bundesgesundheitsminister Karl Lauterbach traf Ministerin Annalena Baerbock. Frau Schmidtke sagte, sie habe Ursula von der Leyen gesehen. ' +
      'Die Deutsche Bank meldete Gewinne. In Gelsenkirchen wurde ein Mann festgenommen; er kam aus Wolfsburg.';
    expect(brief('de', text)).toEqual([
      'person:Karl Lauterbach×1',
      'person:Annalena Baerbock×1',
      'person:Schmidtke×1',
      'person:Ursula von der Leyen×1',
      'organisation:Deutsche Bank×1',
      'place:Gelsenkirchen×1',
      'place:Wolfsburg×1',
    ]);
  });

  it('lists no capitalised nouns, which German writes with capitals', () => {
    const text = 'Die Regierung Berlins plant neue Regeln für Mieten. Neben Account und Passwort wird ein Zusatzcode verlangt. Zur Nutzung muss ein Startwert übergeben werden.';
    expect(brief('de', text)).toEqual([]);
  });

  it('starts a person at the given name after a genitive ("Präsident Frankreichs Emmanuel Macron") and counts the surname alone', () => {
    const text = 'Präsident Frankreichs Emmanuel Macron kam am Abend. Macron sprach lange.';
    expect(brief('de', text)).toEqual(['person:Emmanuel Macron×2']);
  });
});

describe('unknown names in Spanish and French (rules)', () => {
  it('reads Spanish titles, particles, organisation and place words, and splits a person from a party', () => {
    const text =
      'MADRID (EFE) — El presidente Pedro Sánchez se reunió en Valladolid con Juan García del Partido Popular. ' +
      'El Banco de España advirtió. Según la Fundación Telefónica, la cita fue en San Sebastián. García dijo que no.';
    expect(brief('es', text)).toEqual([
      'person:Juan García×2',
      'person:Pedro Sánchez×1',
      'place:Valladolid×1',
      'organisation:Partido Popular×1',
      'organisation:Banco de España×1',
      'organisation:Fundación Telefónica×1',
      'place:San Sebastián×1',
    ]);
  });

  it('reads French titles, elided articles and hyphenated places', () => {
    const text = 'PARIS (AFP) - Le ministre Gérald Darmanin a reçu Mme Dupont-Aignan à Lyon. La Société Générale et l’Université de Montréal ont signé à l’Assemblée. Charles de Gaulle était à Saint-Étienne.';
    expect(brief('fr', text)).toEqual([
      'person:Gérald Darmanin×1',
      'person:Dupont-Aignan×1',
      'place:Lyon×1',
      'organisation:Société Générale×1',
      'organisation:Université de Montréal×1',
      'person:Charles de Gaulle×1',
      'place:Saint-Étienne×1',
    ]);
  });
});

describe('unknown names on real pages (corpus reference texts, no knowledge base)', () => {
  const read = (page: string) => readFileSync(new URL(`${page}.expected.txt`, shared), 'utf8');

  it.each([
    ['readability-liberation-1', 'fr', ['person:Laurent Fabius', 'place:Katmandou']],
    ['readability-la-nacion', 'es', ['person:Samuel Huntington', 'person:Carlos Nino']],
    ['readability-lemonde-1', 'fr', ['person:François Hollande', 'person:Christiane Taubira']],
    ['readability-wapo-1', 'en', ['person:Lotfi Azzouz', 'organisation:Bardo National Museum']],
  ] as const)('%s (%s) names what a reader sees, each at its offsets', (page, language, expected) => {
    const text = read(page);
    expect(guessLanguage(text)).toBe(language);
    const names = find(language, text);
    expect(names.map((n) => `${n.type}:${n.text}`)).toEqual(expect.arrayContaining([...expected]));
    for (const name of names) {
      expect(name.offsets.length).toBeGreaterThan(0);
      expect(text.slice(name.offsets[0]!.start, name.offsets[0]!.end)).toBe(name.text);
      expect(name.sentence.replace(/[…]/g, '')).not.toBe('');
    }
  });

  it('lists nothing on a German technology page, where every noun is capitalised', () => {
    expect(brief('de', read('readability-heise'))).toEqual([]);
  });
});

describe('the bounds of the search', () => {
  const many = Array.from({ length: 60 }, (_, i) => `Ministerin Anna Beispiel${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} kam.`).join(' ');

  it('lists at most listMax names, the most named first, with a capped sentence', () => {
    const names = find('de', `${many} Anna Beispielaa sprach.`);
    expect(names).toHaveLength(unknownNameLimits.listMax);
    expect(names[0]).toMatchObject({ text: 'Anna Beispielaa', count: 2 });
    const long = `Ministerin Anna Lang sagte ${'sehr '.repeat(200)}viel.`;
    const [lang] = find('de', long);
    expect(lang!.sentence.length).toBeLessThanOrEqual(unknownNameLimits.sentenceMax + 2);
    expect(lang!.sentence).toContain('Anna Lang');
  });

  it('pauses between batches of sentences and reads no further than textMax', () => {
    const steps = unknownNameSteps(many, [], { language: 'de', isKnownName: () => false }, { ...unknownNameLimits, sentencesPerStep: 10 });
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(6);
    const capped = findUnknownNames(`${'x '.repeat(60)}Ministerin Anna Spät kam.`, [], { language: 'de', isKnownName: () => false }, { ...unknownNameLimits, textMax: 100 });
    expect(capped).toEqual([]);
  });

  it('marks datelines, bylines and credits as spans of no names', () => {
    const text = 'BERLIN, 5. März (dpa) - Es regnet.\nVon Anna Schmidt\nFoto: Jan Muster\nPar ailleurs, Jean Dupont a parlé.\nPor Ana Pérez, corresponsal\nThe rally. JIM WATSON/AFP/Getty Images';
    const covered = unnamedSpans(text).map((s) => text.slice(s.start, s.end));
    expect(covered).toEqual(expect.arrayContaining(['BERLIN, 5. März (dpa) -', 'Von Anna Schmidt', 'Foto: Jan Muster', 'Por Ana Pérez, corresponsal', 'JIM WATSON/AFP/Getty Images']));
    expect(covered.some((c) => c.includes('Dupont'))).toBe(false);
  });
});
