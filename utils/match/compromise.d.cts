import type nlp from 'compromise/two';

/** compromise's `nlp` with its tagger (the "two" build), loaded on the first call. */
export declare function loadCompromise(): typeof nlp;
