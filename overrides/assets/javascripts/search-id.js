/* Jalur Resmi: Indonesian for lunr, in lunr-languages' plugin format (lunr.id: trimmer, stop-word
   filter, stemmer). The stemmer is Sastrawi's (Nazief and Adriani with the CS and ECS rules; PySastrawi,
   MIT), ported line for line from PySastrawi 1.2.0 so that it gives exactly the stems of the build's
   Python reference (jalur/core/stemmer_id.py; tests/test_search.py compares them on every word of the
   site). The root words come from the build (self.jalurSearch.roots): Sastrawi's dictionary cut down to
   the roots of the words the site and its synonym lists use. Loaded by Material's search worker only
   when the reader opens search (see overrides/partials/lazy-search.html and docs/search.md). */
(function (lunr, data) {
  "use strict";
  var roots = new Set(data.roots);
  function has(word) { return word !== undefined && roots.has(word); }
  var C = "[bcdfghjklmnpqrstvwxyz]";

  // One disambiguation: a regex and what it makes of the match; undefined when it does not apply.
  function rule(pattern, make) {
    var re = new RegExp(pattern);
    return function (word) { var m = re.exec(word); return m ? make(m) : undefined; };
  }
  function notEr(s) { return !/^er/.test(s); }
  var PREFIX_RULES = [
    [rule("^ber([aiueo].*)$", function (m) { return m[1]; }),                      // 1a
     rule("^ber([aiueo].*)$", function (m) { return "r" + m[1]; })],               // 1b
    [rule("^ber(" + C + ")([a-z])(.*)", function (m) {                              // 2
      return notEr(m[3]) ? m[1] + m[2] + m[3] : undefined; })],
    [rule("^ber(" + C + ")([a-z])er([aiueo])(.*)", function (m) {                   // 3
      return m[1] === "r" ? undefined : m[1] + m[2] + "er" + m[3] + m[4]; })],
    [function (word) { return word === "belajar" ? "ajar" : undefined; }],         // 4
    [rule("^be([bcdfghjklmnpqstvwxyz])(er" + C + ")(.*)$", function (m) {           // 5
      return m[1] + m[2] + m[3]; })],
    [rule("^ter([aiueo].*)$", function (m) { return m[1]; }),                      // 6a
     rule("^ter([aiueo].*)$", function (m) { return "r" + m[1]; })],               // 6b
    [rule("^ter(" + C + ")er([aiueo].*)$", function (m) {                           // 7
      return m[1] === "r" ? undefined : m[1] + "er" + m[2]; })],
    [rule("^ter(" + C + ")(.*)$", function (m) {                                    // 8
      return m[1] === "r" || !notEr(m[2]) ? undefined : m[1] + m[2]; })],
    [rule("^te(" + C + ")er(" + C + ")(.*)$", function (m) {                        // 9
      return m[1] === "r" ? undefined : m[1] + "er" + m[2] + m[3]; })],
    [rule("^me([lrwy])([aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; })],    // 10
    [rule("^mem([bfv])(.*)$", function (m) { return m[1] + m[2]; })],                   // 11
    [rule("^mempe(.*)$", function (m) { return "pe" + m[1]; })],                        // 12
    [rule("^mem([aiueo])(.*)$", function (m) { return "m" + m[1] + m[2]; }),            // 13a
     rule("^mem([aiueo])(.*)$", function (m) { return "p" + m[1] + m[2]; })],           // 13b
    [rule("^men([cdjstz])(.*)$", function (m) { return m[1] + m[2]; })],                // 14
    [rule("^men([aiueo])(.*)$", function (m) { return "n" + m[1] + m[2]; }),            // 15a
     rule("^men([aiueo])(.*)$", function (m) { return "t" + m[1] + m[2]; })],           // 15b
    [rule("^meng([g|h|q|k])(.*)$", function (m) { return m[1] + m[2]; })],              // 16
    [rule("^meng([aiueo])(.*)$", function (m) { return m[1] + m[2]; }),                 // 17a
     rule("^meng([aiueo])(.*)$", function (m) { return "k" + m[1] + m[2]; }),           // 17b
     rule("^menge(.*)$", function (m) { return m[1]; }),                                // 17c
     rule("^meng([aiueo])(.*)$", function (m) { return "ng" + m[1] + m[2]; })],         // 17d
    [rule("^meny([aiueo])(.*)$", function (m) { return "ny" + m[1] + m[2]; }),          // 18a
     rule("^meny([aiueo])(.*)$", function (m) { return "s" + m[1] + m[2]; })],          // 18b
    [rule("^memp([abcdfghijklmopqrstuvwxyz])(.*)$", function (m) { return "p" + m[1] + m[2]; })], // 19
    [rule("^pe([wy])([aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; })],     // 20
    [rule("^per([aiueo])(.*)$", function (m) { return m[1] + m[2]; }),                  // 21a
     rule("^pe(r[aiueo])(.*)$", function (m) { return m[1] + m[2]; })],                 // 21b
    [rule("^per(" + C + ")([a-z])(.*)$", function (m) {                                 // 23
      return notEr(m[3]) ? m[1] + m[2] + m[3] : undefined; })],
    [rule("^per(" + C + ")([a-z])er([aiueo])(.*)$", function (m) {                      // 24
      return m[1] === "r" ? undefined : m[1] + m[2] + "er" + m[3] + m[4]; })],
    [rule("^pem([bfv])(.*)$", function (m) { return m[1] + m[2]; })],                   // 25
    [rule("^pem([aiueo])(.*)$", function (m) { return "m" + m[1] + m[2]; }),            // 26a
     rule("^pem([aiueo])(.*)$", function (m) { return "p" + m[1] + m[2]; })],           // 26b
    [rule("^pen([cdjstz])(.*)$", function (m) { return m[1] + m[2]; })],                // 27
    [rule("^pen([aiueo])(.*)$", function (m) { return "n" + m[1] + m[2]; }),            // 28a
     rule("^pen([aiueo])(.*)$", function (m) { return "t" + m[1] + m[2]; })],           // 28b
    [rule("^peng(" + C + ")(.*)$", function (m) { return m[1] + m[2]; })],              // 29
    [rule("^peng([aiueo])(.*)$", function (m) { return m[1] + m[2]; }),                 // 30a
     rule("^peng([aiueo])(.*)$", function (m) { return "k" + m[1] + m[2]; }),           // 30b
     rule("^penge(.*)$", function (m) { return m[1]; })],                               // 30c
    [rule("^peny([aiueo])(.*)$", function (m) { return "ny" + m[1] + m[2]; }),          // 31a
     rule("^peny([aiueo])(.*)$", function (m) { return "s" + m[1] + m[2]; })],          // 31b
    [function (word) {                                                                  // 32
      if (word === "pelajar") return "ajar";
      var m = /^pe(l[aiueo])(.*)$/.exec(word);
      return m ? m[1] + m[2] : undefined;
    }],
    [rule("^pe(" + C + ")(.*)$", function (m) {                                         // 34
      return notEr(m[2]) ? m[1] + m[2] : undefined; })],
    [rule("^ter([bcdfghjkpqstvxz])(er" + C + ")(.*)$", function (m) { return m[1] + m[2] + m[3]; })], // 35
    [rule("^pe([bcdfghjkpqstvxz])(er" + C + ")(.*)$", function (m) { return m[1] + m[2] + m[3]; })],  // 36
    [rule("^(" + C + ")(er[aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; }),  // 37a
     rule("^(" + C + ")er([aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; })], // 37b
    [rule("^(" + C + ")(el[aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; }),  // 38a
     rule("^(" + C + ")el([aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; })], // 38b
    [rule("^(" + C + ")(em[aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; }),  // 39a
     rule("^(" + C + ")em([aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; })], // 39b
    [rule("^(" + C + ")(in[aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; }),  // 40a
     rule("^(" + C + ")in([aiueo])(.*)$", function (m) { return m[1] + m[2] + m[3]; })], // 40b
    [rule("^ku(.*)$", function (m) { return m[1]; })],                                  // 41
    [rule("^kau(.*)$", function (m) { return m[1]; })]                                  // 42
  ];

  // A removal: the word before, the word after, the part taken off and its kind (P, PP, DS, DP).
  function remove(ctx, result, kind) {
    ctx.removals.push({ subject: ctx.word, result: result, part: ctx.word.replace(result, ""), kind: kind });
    ctx.word = result;
  }
  function suffix(pattern, kind) {
    return function (ctx) {
      var result = ctx.word.replace(pattern, "");
      if (result !== ctx.word) remove(ctx, result, kind);
    };
  }
  function disambiguator(rules) {
    return function (ctx) {
      var result;
      for (var i = 0; i < rules.length; i++) {
        result = rules[i](ctx.word);
        if (has(result)) break;
      }
      if (!result) return;
      remove(ctx, result, "DP");
    };
  }
  var VISITORS = [function (ctx) { if (ctx.word.length <= 3) ctx.stopped = true; }];
  var SUFFIX_VISITORS = [
    suffix(/-*(lah|kah|tah|pun)$/, "P"),
    suffix(/-*(ku|mu|nya)$/, "PP"),
    suffix(/(is|isme|isasi|i|kan|an)$/, "DS")
  ];
  var PREFIX_VISITORS = [suffix(/^(di|ke|se)/, "DP")].concat(PREFIX_RULES.map(disambiguator));
  var PRECEDENCE = [/^be(.*)lah$/, /^be(.*)an$/, /^me(.*)i$/, /^di(.*)i$/, /^pe(.*)i$/, /^ter(.*)i$/];

  function acceptVisitors(ctx, visitors) {
    for (var i = 0; i < visitors.length; i++) {
      visitors[i](ctx);
      if (has(ctx.word) || ctx.stopped) return;
    }
  }
  function acceptPrefixVisitors(ctx) {
    var count = ctx.removals.length;
    for (var i = 0; i < PREFIX_VISITORS.length; i++) {
      PREFIX_VISITORS[i](ctx);
      if (has(ctx.word) || ctx.stopped || ctx.removals.length > count) return;
    }
  }
  function removePrefixes(ctx) {
    for (var i = 0; i < 3; i++) {
      acceptPrefixVisitors(ctx);
      if (has(ctx.word)) return;
    }
  }
  function removeSuffixes(ctx) { acceptVisitors(ctx, SUFFIX_VISITORS); }
  function restorePrefix(ctx) {
    if (ctx.removals.length) ctx.word = ctx.removals[0].subject;
    // As PySastrawi does: removing while walking the list skips the removal after each one removed.
    for (var i = 0; i < ctx.removals.length; i++) {
      if (ctx.removals[i].kind === "DP") ctx.removals.splice(i, 1);
    }
  }
  function loopPengembalianAkhiran(ctx) {
    restorePrefix(ctx);
    var removals = ctx.removals, word = ctx.word;
    for (var i = removals.length - 1; i >= 0; i--) {
      var removal = removals[i];
      if (removal.kind !== "DS" && removal.kind !== "PP" && removal.kind !== "P") continue;
      if (removal.part === "kan") {
        ctx.word = removal.result + "k";
        removePrefixes(ctx);
        if (has(ctx.word)) return;
        ctx.word = removal.result + "kan";
      } else {
        ctx.word = removal.subject;
      }
      removePrefixes(ctx);
      if (has(ctx.word)) return;
      ctx.removals = removals;
      ctx.word = word;
    }
  }
  function stemSingular(original) {
    var ctx = { word: original, stopped: false, removals: [] };
    (function () {
      if (has(ctx.word)) return;
      acceptVisitors(ctx, VISITORS);
      if (has(ctx.word)) return;
      if (PRECEDENCE.some(function (re) { return re.test(original); })) {
        removePrefixes(ctx);
        if (has(ctx.word)) return;
        removeSuffixes(ctx);
        if (has(ctx.word)) return;
        ctx.word = original;
        ctx.removals = [];
      }
      removeSuffixes(ctx);
      if (has(ctx.word)) return;
      removePrefixes(ctx);
      if (has(ctx.word)) return;
      loopPengembalianAkhiran(ctx);
    })();
    return has(ctx.word) ? ctx.word : original;
  }

  var cache = new Map();
  // Only plain words of letters and digits are stemmed (as in the Python reference).
  function stemWord(word) {
    if (!/^[a-z0-9]+$/.test(word)) return word;
    var stem = cache.get(word);
    if (stem === undefined) cache.set(word, stem = stemSingular(word));
    return stem;
  }
  var stopWords = new Set(data.stopWords);

  lunr.id = function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.id.trimmer, lunr.id.stopWordFilter, lunr.id.stemmer);
    if (this.searchPipeline) {
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.id.stemmer);
    }
  };
  lunr.id.trimmer = function (token) {
    return token.update(function (s) { return s.replace(/^[^\p{L}\p{N}]+/u, "").replace(/[^\p{L}\p{N}]+$/u, ""); });
  };
  lunr.id.stopWordFilter = function (token) {
    if (!stopWords.has(token.toString())) return token;
  };
  lunr.id.stemmer = function (token) { return token.update(stemWord); };
  lunr.id.stemWord = stemWord;
  lunr.Pipeline.registerFunction(lunr.id.trimmer, "trimmer-id");
  lunr.Pipeline.registerFunction(lunr.id.stopWordFilter, "stopWordFilter-id");
  lunr.Pipeline.registerFunction(lunr.id.stemmer, "stemmer-id");

  lunr.jalur.language = {
    stem: stemWord,
    isStop: function (word) { return stopWords.has(word); },
    trim: function (word) { return word.replace(/^[^\p{L}\p{N}]+/u, "").replace(/[^\p{L}\p{N}]+$/u, ""); }
  };
})(self.lunr, self.jalurSearch);
