import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessLanguage } from './language';

const shared = new URL('../../../shared/corpus/pages/', import.meta.url);

describe('guessLanguage', () => {
  it.each([
    ['The minister said on Tuesday that the talks with the union were over.', 'en'],
    ['Der Minister sagte am Dienstag, dass die Gespräche mit der Gewerkschaft beendet seien.', 'de'],
    ['El ministro dijo el martes que las conversaciones con el sindicato habían terminado.', 'es'],
    ['Le ministre a déclaré mardi que les discussions avec le syndicat étaient terminées.', 'fr'],
  ] as const)('tells %s', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });

  it('claims none of its languages for another one, or for too little text', () => {
    expect(guessLanguage('O ministro disse na terça-feira que as conversas com o sindicato terminaram.')).toBeNull();
    expect(guessLanguage('Ministr v úterý řekl, že rozhovory s odbory skončily a vláda jedná dál.')).toBeNull();
    expect(guessLanguage('Putin Trump')).toBeNull();
  });

  it.each([
    ['readability-heise', 'de'],
    ['readability-la-nacion', 'es'],
    ['readability-lemonde-1', 'fr'],
    ['readability-bbc-1', 'en'],
    ['readability-aktualne', null],
    ['readability-qq', null],
  ] as const)('reads the corpus page %s as %s', (page, language) => {
    expect(guessLanguage(readFileSync(new URL(`${page}.expected.txt`, shared), 'utf8'))).toBe(language);
  });
});
