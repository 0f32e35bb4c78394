/**
 * Loads compromise (the English tagger of utils/match/english-names.ts) when it is first
 * asked for, not when the service worker starts: its module builds its lexicon as it runs
 * (half a second to a second), and a bundler evaluates a CommonJS module only when it is
 * first required, where an ES module import would run at once. A dynamic import() would
 * not do: service workers refuse it (issue 17).
 */
exports.loadCompromise = () => require('compromise/two');
