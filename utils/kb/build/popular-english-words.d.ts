/** The popular-english-words package ships no types: the one call the build makes. */
declare module 'popular-english-words' {
  export const words: { getMostPopular(count: number): string[] };
}
