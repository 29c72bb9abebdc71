/* Jalur Resmi: how the site's search reads a query, for every language (lunr, inside Material's search
   worker; loaded with the language plugin only when the reader opens search; docs/search.md).

   Material turns every typed word into a prefix search ("calo" finds "calon", "di" finds every di- word)
   and never stems it. Here each word the reader typed becomes:
   - its stem, exactly (menahan -> tahan), the strongest match;
   - the stems of its synonyms (self.jalurSearch.groups: data/search/synonyms.<lang>.yml and the glossary);
   - for a word of 5 letters or more only: a prefix match (while typing) and a match with one typo
     (two from 8 letters);
   stop words are left out unless the query has nothing else. Matches are reported back under the typed
   word's stem, so Material's "missing" terms and its ranking boost count words, not expansions. */
(function (lunr, data) {
  "use strict";
  lunr.jalur = lunr.jalur || {};
  var EXACT = 10, SYNONYM = 5, PREFIX = 2, FUZZY = 1, LONG = 5;
  // A word found in more than this share of the index's sections ("kerja", "luar negeri" on a site about
  // working abroad) counts for less, in proportion, so that it never outweighs the rarer word beside it.
  var COMMON = 0.25;
  var groups = null;

  function language() { return lunr.jalur.language; }

  // Synonym groups, by the stems of their members (built on first use, with the language's stemmer).
  function synonymGroups() {
    if (groups) return groups;
    var lang = language();
    groups = { single: new Map(), multi: [] };
    data.groups.forEach(function (members) {
      var group = members.map(function (member) {
        return member.split(" ").filter(function (w) { return !lang.isStop(w); }).map(lang.stem);
      }).filter(function (stems) { return stems.length; });
      group.forEach(function (stems) {
        if (stems.length === 1) {
          var list = groups.single.get(stems[0]) || [];
          list.push(group);
          groups.single.set(stems[0], list);
        } else {
          groups.multi.push({ stems: stems, group: group });
        }
      });
    });
    return groups;
  }

  // The words of a query, as the reader typed them: term, stem, presence; stop words left out.
  function words(clauses) {
    var lang = language(), out = [], seen = new Set();
    clauses.forEach(function (clause) {
      var term = lang.trim(clause.term.replace(/^\*+|\*+$/g, "").toLowerCase());
      if (!term || seen.has(term)) return;
      seen.add(term);
      out.push({ term: term, stem: lang.stem(term), presence: clause.presence, stop: lang.isStop(term) });
    });
    var content = out.filter(function (w) { return !w.stop; });
    return content.length ? content : out;
  }

  // The share of the index's sections that hold a term (0 when it is not in the index).
  function share(index, term) {
    var entry = index && index.invertedIndex[term];
    if (!entry) return 0;
    var sections = new Set();
    index.fields.forEach(function (field) { Object.keys(entry[field] || {}).forEach(function (ref) { sections.add(ref); }); });
    return sections.size / (Object.keys(index.fieldVectors).length / index.fields.length);
  }

  // What each word also finds: synonym stems, prefixes, a typo distance; all weighed down for a word
  // that is everywhere (COMMON).
  function expand(list, index) {
    var all = new Set(list.map(function (w) { return w.stem; })), syn = synonymGroups();
    list.forEach(function (w) {
      var found = share(index, w.stem);
      w.weight = found > COMMON ? COMMON / found : 1;
      w.exact = new Map([[w.stem, EXACT]]);
      var synonyms = (syn.single.get(w.stem) || []).slice();
      syn.multi.forEach(function (m) {
        if (m.stems.indexOf(w.stem) >= 0 && m.stems.every(function (s) { return all.has(s); })) synonyms.push(m.group);
      });
      // A word the site does not have ("loker") is found through its synonyms at full strength.
      var strength = index && !(w.stem in index.invertedIndex) ? EXACT : SYNONYM;
      synonyms.forEach(function (group) {
        group.forEach(function (stems) {
          stems.forEach(function (s) {
            var boost = strength / stems.length;
            if (!w.exact.has(s) || w.exact.get(s) < boost) w.exact.set(s, boost);
          });
        });
      });
      w.prefixes = [];
      // Prefixes (while typing) and typos only for a long word the site does not have.
      if (w.term.length >= LONG && !(index && w.stem in index.invertedIndex)) {
        w.prefixes.push(w.term);
        if (w.stem !== w.term && w.stem.length >= LONG) w.prefixes.push(w.stem);
        w.typos = w.term.length >= 8 ? 2 : 1;
      } else {
        w.typos = 0;
      }
    });
    return list;
  }

  var expanding = null;

  function rewrite(query) {
    var list = words(query.clauses);
    query.clauses = [];
    if (!expanding) {
      // Material's own reading of the query (which words matched): one clause per word, its stem.
      list.forEach(function (w) { query.clause({ term: w.stem, presence: w.presence, usePipeline: false }); });
      return;
    }
    expanding.words = expand(list, expanding.index);
    var OPTIONAL = lunr.Query.presence.OPTIONAL;
    expanding.words.forEach(function (w) {
      if (w.presence !== OPTIONAL) {
        query.clause({ term: w.stem, presence: w.presence, usePipeline: false, boost: EXACT * w.weight });
        return;
      }
      w.exact.forEach(function (boost, stem) { query.clause({ term: stem, boost: boost * w.weight, usePipeline: false }); });
      w.prefixes.forEach(function (prefix) {
        query.clause({ term: prefix, boost: PREFIX * w.weight, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
      });
      if (w.typos) query.clause({ term: w.stem, boost: FUZZY * w.weight, usePipeline: false, editDistance: w.typos });
    });
  }

  // Edit distance with transpositions (as lunr's typo matching counts them).
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
      }
      before = prev;
      prev = cur;
    }
    return prev[b.length];
  }
  // Which typed word an index term was found for (its stem), so matches count per word.
  function owner(list, term) {
    for (var i = 0; i < list.length; i++) {
      var w = list[i];
      if (w.exact && w.exact.has(term)) return w.stem;
      if (w.prefixes && w.prefixes.some(function (p) { return term.indexOf(p) === 0; })) return w.stem;
    }
    for (i = 0; i < list.length; i++) {
      if (list[i].typos && distance(list[i].stem, term, list[i].typos) <= list[i].typos) return list[i].stem;
    }
    return term;
  }

  // Material builds its index without length normalisation (b = 0), so a long page that mentions a
  // word once outranks the short section about it; normalise as lunr does by default.
  var b = lunr.Builder.prototype.b;
  lunr.Builder.prototype.b = function (number) { return b.call(this, number === 0 ? 0.75 : number); };

  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.call(this);
    if (language()) rewrite(this.query);
    return query;
  };

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    if (!language()) return search.call(this, queryString);
    var state = expanding = { words: [], index: this };
    var results;
    try {
      results = search.call(this, queryString);
    } finally {
      expanding = null;
    }
    results.forEach(function (result) {
      var metadata = result.matchData.metadata, merged = {};
      Object.keys(metadata).forEach(function (term) {
        var key = owner(state.words, term), into = merged[key] || (merged[key] = {});
        Object.keys(metadata[term]).forEach(function (field) {
          var target = into[field] || (into[field] = {});
          Object.keys(metadata[term][field]).forEach(function (name) {
            target[name] = (target[name] || []).concat(metadata[term][field][name]);
          });
        });
      });
      result.matchData.metadata = merged;
    });
    return results;
  };
})(self.lunr, self.jalurSearch);
