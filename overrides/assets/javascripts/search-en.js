/* Jalur Resmi: English for lunr with the site's query reading (search-query.js). lunr's own English
   pipeline (trimmer, stop-word filter, Porter stemmer) under the language tag "en-x-jr": Material's
   worker loads a plugin script only for a language other than "en", and the query reading must be
   loaded. Loaded only when the reader opens search (docs/search.md). */
(function (lunr) {
  "use strict";
  var en = lunr["en-x-jr"] = function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    if (this.searchPipeline) {
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.stemmer);
    }
  };
  en.trimmer = lunr.trimmer;
  en.stopWordFilter = lunr.stopWordFilter;
  en.stemmer = lunr.stemmer;
  var cache = new Map();
  function stem(word) {
    var out = cache.get(word);
    if (out === undefined) cache.set(word, out = lunr.stemmer(new lunr.Token(word)).toString());
    return out;
  }
  en.stemWord = stem;
  lunr.jalur.language = {
    stem: stem,
    isStop: function (word) { return !lunr.stopWordFilter(new lunr.Token(word)); },
    trim: function (word) { return lunr.trimmer(new lunr.Token(word)).toString(); }
  };
})(self.lunr);
