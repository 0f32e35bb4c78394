/**
 * One-line descriptions built from a record's facts ("Member of the State Duma of Russia
 * (2016–2021)", "City in Maharashtra, India, population 1.2 million"). Nothing is said that
 * the sources do not give.
 */
import type { EntityType } from '../schema';
import type { EntityKind, SourceRole } from './types';

export interface Facts {
  type: EntityType;
  kind: EntityKind;
  name: string;
  country?: string | undefined;
  subdivision?: string | undefined;
  population?: number | undefined;
  capital?: boolean;
  roles: SourceRole[];
  detail?: string | undefined;
  city?: string | undefined;
  born?: string | undefined;
  founded?: string | undefined;
}

/** 1234567 → "1.2 million"; 45300 → "45,300". */
export function formatPopulation(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1).replace(/\.0$/, '')} million`;
  return n.toLocaleString('en-US');
}

const years = (r: SourceRole) => {
  const from = r.start?.slice(0, 4);
  const to = r.end?.slice(0, 4);
  if (!from && !to) return '';
  if (from && to) return from === to ? ` (${from})` : ` (${from}–${to})`;
  return from ? ` (since ${from})` : ` (until ${to})`;
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function place(facts: Facts): string {
  return [facts.subdivision, facts.country].filter((x, i, all) => x && all.indexOf(x) === i).join(', ');
}

const KIND_NOUN: Partial<Record<EntityKind, string>> = {
  party: 'Political party',
  university: 'University',
  company: 'Company',
  'government-body': 'Government body',
  'news-outlet': 'News outlet',
  'football-club': 'Football club',
  'international-organisation': 'International organisation',
  'armed-group': 'Armed group',
  ngo: 'Non-governmental organisation',
};

export function describeEntity(facts: Facts, _countryName?: (iso: string | undefined) => string | undefined): string {
  switch (facts.type) {
    case 'person': {
      // The highest office, the latest of that rank; then how many others.
      const roles = [...facts.roles].sort((a, b) => a.rank - b.rank || (b.start ?? '').localeCompare(a.start ?? ''));
      const top = roles[0];
      if (!top) return facts.country ? `Politician, ${facts.country}.` : 'Politician.';
      const where = top.subdivision ?? facts.country;
      const title = capitalise(top.title);
      const head = where && !title.toLowerCase().includes(where.toLowerCase()) && !/\b(of|for)\b/.test(title) ? `${title} of ${where}` : where && !title.toLowerCase().includes(where.toLowerCase()) ? `${title}, ${where}` : title;
      const others = new Set(facts.roles.map((r) => r.title)).size - 1;
      return `${head}${years(top)}${others > 0 ? `; ${others} other office${others > 1 ? 's' : ''}` : ''}${facts.born ? `; born ${facts.born.slice(0, 4)}` : ''}.`;
    }
    case 'city': {
      const where = place(facts);
      const head = facts.capital && facts.country ? `Capital of ${facts.country}` : `City${where ? ` in ${where}` : ''}`;
      return `${head}${facts.population ? `, population ${formatPopulation(facts.population)}` : ''}.`;
    }
    case 'region': {
      const noun = capitalise(facts.detail && facts.detail !== 'subdivision' ? facts.detail : 'first-level subdivision');
      return `${noun} of ${facts.country ?? 'a country'}${facts.population ? `, population ${formatPopulation(facts.population)}` : ''}.`;
    }
    default: {
      const noun = KIND_NOUN[facts.kind] ?? capitalise(facts.type);
      const where = facts.city && facts.country ? `${facts.city}, ${facts.country}` : facts.country;
      const extra = [facts.detail, facts.founded ? `founded ${facts.founded.slice(0, 4)}` : ''].filter(Boolean).join('; ');
      return `${noun}${where ? ` in ${where}` : ''}${extra ? `; ${extra}` : ''}.`;
    }
  }
}
