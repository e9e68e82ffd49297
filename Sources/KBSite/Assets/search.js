/* kb offline search.
 *
 * Searches the index in search-index.js (loaded by a <script> tag before this
 * one, so it works from file:// too) in the browser: no server, no network.
 * It follows KBSearch's ranking step by step (docs/site.md): BM25F weights
 * computed in Swift, stem groups and word forms computed in Swift (so there is
 * no stemmer here), synonyms, phrases, typo corrections (1 edit for 4+
 * letters, 2 for 8+), completion of the last word, identifier matches for
 * response codes, and the proximity bonus. Float32 arithmetic like Swift's.
 *
 * Every ranking and matching constant (quality weights, k1 and b, the rerank
 * window, the typo and prefix thresholds, the query limits) comes from the
 * index's `k` object, written by Swift from KBSearch's own constants: none is
 * typed here.
 *
 * In a browser it drives search.html: results as you type, highlights, and
 * ?q= read on load and kept in the address. Under node it exports search().
 */
(function (root) {
  'use strict';

  var f32 = Math.fround;
  var WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
  // A document's match mask: bit s for slot s (k.maxSlots of them), then these two.
  var EXCLUDED = 0x80000000;
  var PINNED = 0x40000000;
  // How a source matched, best first (KBSearch's MatchQuality).
  var EXACT = 0, SYNONYM = 1, STEMMED = 2, FUZZY = 3, PREFIX = 4;
  // Results the page shows.
  var RESULTS_SHOWN = 20;

  // ---------------------------------------------------------------- analysis

  /** NFKC, lower case, diacritics removed: what KBSearch's folding does. */
  function fold(text) {
    return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  }

  function utf8Length(text) {
    var length = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x80) length += 1;
      else if (c < 0x800) length += 2;
      else if (c >= 0xd800 && c < 0xdc00) { length += 4; i++; }
      else length += 3;
    }
    return length;
  }

  function scalarCount(text) {
    return Array.from(text).length;
  }

  /**
   * Words of `text`: folded term, whether it holds a digit, position, and where it stands
   * in `text`. A word longer than k.maxWordBytes only takes a position.
   */
  function tokenize(k, text, firstPosition) {
    var tokens = [];
    var position = firstPosition || 0;
    WORD.lastIndex = 0;
    var match;
    while ((match = WORD.exec(text)) !== null) {
      var term = fold(match[0].replace(/['\u2019]/g, ''));
      if (term.length > 0 && utf8Length(term) <= k.maxWordBytes) {
        tokens.push({
          term: term, hasDigit: /\p{N}/u.test(term), position: position,
          start: match.index, end: match.index + match[0].length
        });
      }
      position += 1;
    }
    return { tokens: tokens, next: position };
  }

  function isSeparator(character) {
    var code = character.codePointAt(0);
    if (code < 0x21 || (code >= 0x7f && code <= 0xa0)) return true;
    if (code < 0x80) return false;
    return /[\p{White_Space}\p{Cc}\p{Cf}]/u.test(character);
  }

  function isQuote(character) {
    return character === '"' || character === '\u201c' || character === '\u201d';
  }

  /** Plain words, "phrases", -exclusions and facet:value filters, as KBSearch's QueryParser splits them. */
  function parseQuery(k, raw, facets) {
    var scalars = Array.from(raw).slice(0, k.maxQueryChars);
    var items = [];
    var endsInWord = false;
    var words = 0;
    function wordEnd(from) {
      var end = from;
      while (end < scalars.length && !isSeparator(scalars[end]) && !isQuote(scalars[end])) end++;
      return end;
    }
    function closingQuote(from) {
      for (var k = from; k < scalars.length; k++) if (isQuote(scalars[k])) return k;
      return -1;
    }
    function wordCount(text) {
      var count = 0, inWord = false;
      Array.from(text).forEach(function (c) {
        if (isSeparator(c)) inWord = false;
        else if (!inWord) { inWord = true; count++; }
      });
      return count;
    }
    var i = 0;
    while (i < scalars.length) {
      var c = scalars[i];
      if (isSeparator(c)) { i++; continue; }
      var found = [];
      var itemWords = 1;
      if (isQuote(c)) {
        var close = closingQuote(i + 1);
        if (close < 0) { i++; continue; }
        var inside = scalars.slice(i + 1, close).join('');
        itemWords = Math.max(1, wordCount(inside));
        found.push({ kind: 'phrase', text: inside });
        i = close + 1;
      } else if (c === '-') {
        var next = i + 1;
        if (next >= scalars.length || isSeparator(scalars[next])) { i = next; continue; }
        if (isQuote(scalars[next])) {
          var end = closingQuote(next + 1);
          if (end < 0) { i = next + 1; continue; }
          var excluded = scalars.slice(next + 1, end).join('');
          itemWords = Math.max(1, wordCount(excluded));
          found.push({ kind: 'excludedPhrase', text: excluded });
          i = end + 1;
        } else {
          var stop = wordEnd(next);
          found.push({ kind: 'excludedWord', text: scalars.slice(next, stop).join('') });
          i = stop;
        }
      } else {
        var wordStop = wordEnd(i);
        var word = scalars.slice(i, wordStop).join('');
        var item = { kind: 'word', text: word };
        var colon = word.indexOf(':');
        if (colon > 0 && colon + 1 < word.length) {
          var facet = facets.indexOf(key(k, word.slice(0, colon)));
          if (facet >= 0) item = { kind: 'filter', facet: facet, value: word.slice(colon + 1), text: word };
        }
        found.push(item);
        i = wordStop;
        if (i === scalars.length) endsInWord = true;
      }
      if (words + itemWords > k.maxQueryWords) { endsInWord = false; break; }
      words += itemWords;
      items.push.apply(items, found);
    }
    return { items: items, endsInWord: endsInWord };
  }

  /** A facet value or identifier as KBSearch compares them: its words joined by spaces. */
  function key(k, text) {
    return tokenize(k, text).tokens.map(function (t) { return t.term; }).join(' ');
  }

  // ------------------------------------------------------------------- index

  /** Decodes the index once: lookups by term, stem and document. */
  function prepare(raw) {
    var ix = {
      raw: raw, k: raw.k, n: raw.docs.length, termId: new Map(), groupOfStem: new Map(),
      groupTerms: raw.stems.map(function () { return []; }), df: [], docs: [], weights: [], positions: [],
      eligible: [], stop: new Set(raw.stop), action: new Set(raw.act), subject: new Set(raw.subj), filler: new Set(raw.filler), synonymsByFirstStem: new Map(),
      fieldWeights: raw.fields.map(function (f) { return f32(f[1]); }),
      averages: raw.fields.map(function (f) { return f32(f[2]); }),
      facetNames: raw.facets, documentFacets: raw.docFacets, specific: new Set()
    };
    Object.keys(raw.ids).forEach(function (id) { raw.ids[id].forEach(function (d) { ix.specific.add(d); }); });
    raw.terms.forEach(function (term, id) {
      ix.termId.set(term, id);
      ix.groupTerms[raw.tg[id]].push(id);
      var postings = raw.post[id], docs = [], weights = [], positions = [];
      for (var p = 0; p < postings.length; p += 2) {
        docs.push(postings[p]);
        weights.push(f32(postings[p + 1]));
      }
      raw.pos[id].forEach(function (deltas) {
        var value = 0;
        positions.push(deltas.map(function (delta) { value += delta; return value; }));
      });
      ix.docs.push(docs);
      ix.weights.push(weights);
      ix.positions.push(positions);
      ix.df.push(docs.length);
      if (utf8Length(term) >= raw.k.typoTermMinBytes && /^[a-z\u0080-\uffff]+$/.test(term)) ix.eligible.push(id);
    });
    raw.stems.forEach(function (stem, group) { ix.groupOfStem.set(stem, group); });
    ix.forms = new Map();
    Object.keys(raw.forms).forEach(function (stem) {
      raw.forms[stem].split(' ').forEach(function (rest) {
        ix.forms.set(rest.charAt(0) === '=' ? rest.slice(1) : stem + rest, stem);
      });
    });
    raw.syn.forEach(function (group, g) {
      group.forEach(function (member, m) {
        var first = member[2][0];
        if (!ix.synonymsByFirstStem.has(first)) ix.synonymsByFirstStem.set(first, []);
        ix.synonymsByFirstStem.get(first).push({ group: g, member: m });
      });
    });
    return ix;
  }

  function postingIndex(ix, term, doc) {
    var docs = ix.docs[term], low = 0, high = docs.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (docs[mid] < doc) low = mid + 1; else high = mid;
    }
    return low < docs.length && docs[low] === doc ? low : -1;
  }

  function idf(ix, df) {
    return f32(Math.log(f32(1 + f32(f32(ix.n - df + 0.5) / f32(df + 0.5)))));
  }

  function saturate(ix, frequency) {
    return f32(f32(frequency * f32(ix.k.k1 + 1)) / f32(frequency + f32(ix.k.k1)));
  }

  /** The stem KBSearch would give the word: from the dictionary, else from the word forms computed in Swift. */
  function stemOf(ix, term) {
    var id = ix.termId.get(term);
    if (id !== undefined) return ix.raw.stems[ix.raw.tg[id]];
    return ix.forms.get(term) || term;
  }

  /** The exact term (weight 1) and its stem variants, and the documents holding any of them. */
  function wordSources(ix, term) {
    var exact = ix.termId.get(term);
    var group = exact !== undefined ? ix.raw.tg[exact] : undefined;
    if (group === undefined && /^[a-z\u0080-\uffff]+$/.test(term)) group = ix.groupOfStem.get(stemOf(ix, term));
    if (group === undefined) return { sources: [], frequency: 0 };
    var sources = ix.groupTerms[group].map(function (id) {
      return id === exact
        ? { term: id, weight: f32(ix.k.exact), quality: EXACT }
        : { term: id, weight: f32(ix.k.stemmed), quality: STEMMED };
    });
    return { sources: sources, frequency: ix.raw.gdf[group] };
  }

  /** Optimal string alignment distance between two byte arrays, or max + 1 when it exceeds max. */
  function editDistance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var previous2 = null, previous = [], row;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
        row.push(value);
        if (value < best) best = value;
      }
      if (best > max) return max + 1;
      previous2 = previous;
      previous = row;
    }
    return previous[b.length];
  }

  var encoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;
  function bytes(text) {
    return encoder ? Array.from(encoder.encode(text)) : Array.from(text, function (c) { return c.charCodeAt(0); });
  }

  /**
   * Terms within 1 edit (k.typoMinChars letters or more) or 2 (k.twoEditsMinChars or more,
   * same first letter, when none is within 1) in more than `frequency` documents.
   */
  function corrections(ix, term, frequency) {
    var characters = scalarCount(term);
    if (characters < ix.k.typoMinChars) return [];
    var word = bytes(term), found = [];
    for (var edits = 1; edits <= (characters >= ix.k.twoEditsMinChars ? 2 : 1) && found.length === 0; edits++) {
      ix.eligible.forEach(function (id) {
        var candidate = bytes(ix.raw.terms[id]);
        // Two edits keep the first letter, as KBSearch's trie walk does.
        if (edits > 1 && candidate[0] !== word[0]) return;
        var distance = editDistance(word, candidate, edits);
        if (distance > 0 && distance <= edits && ix.df[id] > frequency) {
          found.push({ term: id, distance: distance, frequency: ix.df[id] });
        }
      });
    }
    found.sort(function (a, b) {
      return a.distance - b.distance || b.frequency - a.frequency || a.term - b.term;
    });
    return found.slice(0, ix.k.maxFuzzy);
  }

  function fuzzySources(ix, found) {
    return found.map(function (c) {
      return { term: c.term, weight: f32(c.distance === 1 ? ix.k.oneEdit : ix.k.twoEdits), quality: FUZZY };
    });
  }

  /** The `limit` most frequent terms that start with `term`, the term itself left out. */
  function prefixSources(ix, term, limit) {
    var length = utf8Length(term), best = [];
    ix.raw.terms.forEach(function (candidate, id) {
      if (candidate.lastIndexOf(term, 0) !== 0 || utf8Length(candidate) === length) return;
      var frequency = ix.df[id];
      if (best.length === limit) {
        if (frequency <= best[best.length - 1].frequency) return;
        best.pop();
      }
      var at = best.findIndex(function (b) { return b.frequency < frequency; });
      best.splice(at < 0 ? best.length : at, 0, { term: id, frequency: frequency });
    });
    return best.map(function (b) { return { term: b.term, weight: f32(ix.k.prefix), quality: PREFIX }; });
  }

  /** A phrase whose words may each match their stem variants; null when a word is unknown. */
  function makePhrase(ix, terms) {
    if (terms.length === 0) return null;
    var phrase = { words: [], offsets: [], idf: 0 };
    var first = terms[0].position;
    for (var i = 0; i < terms.length; i++) {
      var word = wordSources(ix, terms[i].term);
      if (word.sources.length === 0) return null;
      phrase.words.push(word.sources.map(function (s) { return s.term; }));
      phrase.offsets.push(terms[i].position - first);
      phrase.idf = f32(phrase.idf + idf(ix, word.frequency));
    }
    return phrase;
  }

  function analyzedTerms(ix, text) {
    return tokenize(ix.k, text).tokens.filter(function (t) { return t.hasDigit || !ix.stop.has(t.term); });
  }

  /** Sorts a word slot's sources best quality first (stable) and sets its IDF from its most frequent alternative. */
  function finishSlot(ix, slot) {
    slot.terms.sort(function (a, b) { return a.quality - b.quality; });
    var frequency = slot.wordFrequency;
    slot.terms.forEach(function (source) {
      frequency = Math.max(frequency, ix.raw.gdf[ix.raw.tg[source.term]]);
    });
    slot.idf = idf(ix, frequency);
  }

  // -------------------------------------------------------------------- plan

  function makePlan(ix, parsed) {
    var plan = { slots: [], phrases: [], words: [], excludedTerms: [], excludedPhrases: [], filters: [], pinned: [] };
    var entries = [], identifierWords = [], pinned = new Set(), position = 0;
    var lastItem = parsed.endsInWord && parsed.items.length && parsed.items[parsed.items.length - 1].kind === 'word'
      ? parsed.items.length - 1 : -1;
    parsed.items.forEach(function (item, k) {
      if (item.kind !== 'word') return;
      var result = tokenize(ix.k, item.text, position), endsWithStopWord = false;
      position = result.next;
      result.tokens.forEach(function (token) {
        (ix.raw.ids[token.term] || []).forEach(function (d) { pinned.add(d); });
        identifierWords.push(token.term);
        var isStop = !token.hasDigit && ix.stop.has(token.term);
        endsWithStopWord = isStop;
        if (!isStop) entries.push({ term: token.term, hasDigit: token.hasDigit, item: k, end: token.end });
      });
      if (k === lastItem && !endsWithStopWord && entries.length) {
        var last = entries[entries.length - 1];
        if (last.item === k && last.end === item.text.length) last.isLast = true;
      }
    });
    var whole = identifierWords.filter(function (w) { return !ix.filler.has(w); }).join(' ');
    (ix.raw.ids[whole] || []).forEach(function (d) { pinned.add(d); });
    plan.pinned = Array.from(pinned).sort(function (a, b) { return a - b; });

    entries.forEach(function (entry) {
      if (plan.slots.length >= ix.k.maxSlots) return;
      var word = wordSources(ix, entry.term);
      var slot = { terms: word.sources.slice(), phrases: [], idf: 0, isPhrase: false, wordFrequency: word.frequency };
      var planned = {
        slot: plan.slots.length, term: entry.term, frequency: word.frequency, corrections: null,
        isTypoEligible: !entry.hasDigit && scalarCount(entry.term) >= ix.k.typoMinChars
      };
      var completions = [];
      if (entry.isLast && utf8Length(entry.term) >= ix.k.prefixMinBytes) {
        // A word that is already known needs fewer completions than a fragment.
        completions = prefixSources(ix, entry.term, word.frequency > 0 ? ix.k.maxPrefixKnown : ix.k.maxPrefix);
        slot.terms = slot.terms.concat(completions);
      }
      // A last word with completions is being typed, not misspelled.
      if (planned.isTypoEligible && word.frequency === 0 && completions.length === 0) {
        planned.corrections = corrections(ix, entry.term, 0);
        slot.terms = slot.terms.concat(fuzzySources(ix, planned.corrections));
      }
      plan.words.push(planned);
      plan.slots.push(slot);
    });
    addSynonyms(ix, plan);
    plan.slots.forEach(function (slot) { if (!slot.isPhrase) finishSlot(ix, slot); });

    parsed.items.forEach(function (item) {
      if (item.kind !== 'phrase' || plan.slots.length >= ix.k.maxSlots) return;
      var terms = analyzedTerms(ix, item.text);
      if (terms.length === 1) {
        var word = wordSources(ix, terms[0].term);
        var single = { terms: word.sources, phrases: [], idf: 0, isPhrase: false, wordFrequency: word.frequency };
        finishSlot(ix, single);
        plan.slots.push(single);
      } else if (terms.length > 1) {
        var slot = { terms: [], phrases: [], idf: 0, isPhrase: true, wordFrequency: 0 };
        var phrase = makePhrase(ix, terms);
        if (phrase) {
          plan.phrases.push(phrase);
          slot.phrases.push({ phrase: plan.phrases.length - 1, weight: f32(ix.k.exact), quality: EXACT });
          slot.idf = phrase.idf;
        }
        plan.slots.push(slot);
      }
    });

    parsed.items.forEach(function (item) {
      if (item.kind === 'excludedWord') {
        analyzedTerms(ix, item.text).forEach(function (t) {
          wordSources(ix, t.term).sources.forEach(function (s) { plan.excludedTerms.push(s.term); });
        });
      } else if (item.kind === 'excludedPhrase') {
        var terms = analyzedTerms(ix, item.text);
        if (terms.length === 1) {
          wordSources(ix, terms[0].term).sources.forEach(function (s) { plan.excludedTerms.push(s.term); });
        } else {
          var phrase = makePhrase(ix, terms);
          if (phrase) { plan.phrases.push(phrase); plan.excludedPhrases.push(plan.phrases.length - 1); }
        }
      } else if (item.kind === 'filter') {
        var existing = plan.filters.find(function (f) { return f.facet === item.facet; });
        if (existing) existing.values.push(key(ix.k, item.value));
        else plan.filters.push({ facet: item.facet, values: [key(ix.k, item.value)] });
      }
    });
    return plan;
  }

  /** Adds the other members of each synonym group found in the plain words. */
  function addSynonyms(ix, plan) {
    if (ix.raw.syn.length === 0 || plan.words.length === 0) return;
    var stems = plan.words.map(function (word) { return stemOf(ix, word.term); });
    var i = 0;
    while (i < plan.words.length) {
      var match = null;
      (ix.synonymsByFirstStem.get(stems[i]) || []).forEach(function (candidate) {
        var member = ix.raw.syn[candidate.group][candidate.member];
        var length = member[2].length;
        if (i + length > plan.words.length || length <= (match ? match.length : 0)) return;
        for (var k = 0; k < length; k++) if (stems[i + k] !== member[2][k]) return;
        match = { group: candidate.group, member: candidate.member, length: length };
      });
      if (!match) { i++; continue; }
      var slots = plan.words.slice(i, i + match.length).map(function (w) { return w.slot; });
      var weight = f32(f32(ix.k.synonym) / match.length);
      ix.raw.syn[match.group].forEach(function (member, m) {
        if (m === match.member) return;
        if (member[0].length === 1) {
          var sources = wordSources(ix, member[0][0]).sources.map(function (s) {
            return { term: s.term, weight: f32(s.weight * weight), quality: SYNONYM };
          });
          slots.forEach(function (s) { plan.slots[s].terms = plan.slots[s].terms.concat(sources); });
        } else {
          var phrase = makePhrase(ix, member[0].map(function (term, k) { return { term: term, position: member[1][k] }; }));
          if (!phrase) return;
          plan.phrases.push(phrase);
          var source = { phrase: plan.phrases.length - 1, weight: weight, quality: SYNONYM };
          slots.forEach(function (s) { plan.slots[s].phrases.push(source); });
        }
      });
      i += match.length;
    }
  }

  // ------------------------------------------------------------------- match

  function fieldWeight(ix, doc, position) {
    var bases = ix.raw.bases[doc], f = bases.length - 1;
    while (f > 0 && bases[f] > position) f--;
    var average = ix.averages[f];
    var ratio = average > 0 ? f32(ix.raw.lengths[doc][f] / average) : 1;
    return f32(ix.fieldWeights[f] / f32(f32(1 - f32(ix.k.b)) + f32(f32(ix.k.b) * ratio)));
  }

  function positionsOf(ix, terms, doc) {
    var positions = [];
    terms.forEach(function (term) {
      var p = postingIndex(ix, term, doc);
      if (p >= 0) positions = positions.concat(ix.positions[term][p]);
    });
    if (terms.length > 1) positions.sort(function (a, b) { return a - b; });
    return positions;
  }

  /** Documents where the phrase's words stand at their relative positions, with the phrase's saturated weight. */
  function phraseMatches(ix, phrase) {
    var frequencies = phrase.words.map(function (word) {
      return word.reduce(function (sum, term) { return sum + ix.df[term]; }, 0);
    });
    var driver = 0;
    frequencies.forEach(function (f, k) { if (f < frequencies[driver]) driver = k; });
    var candidates = [];
    phrase.words[driver].forEach(function (term) { candidates = candidates.concat(ix.docs[term]); });
    if (phrase.words[driver].length > 1) {
      candidates.sort(function (a, b) { return a - b; });
      candidates = candidates.filter(function (d, k) { return k === 0 || candidates[k - 1] !== d; });
    }
    var result = [];
    candidates.forEach(function (doc) {
      var positions = [];
      for (var w = 0; w < phrase.words.length; w++) {
        positions.push(positionsOf(ix, phrase.words[w], doc));
        if (positions[w].length === 0) return;
      }
      var frequency = 0;
      positions[0].forEach(function (start) {
        for (var w = 1; w < phrase.words.length; w++) {
          if (positions[w].indexOf(start + phrase.offsets[w]) < 0) return;
        }
        frequency = f32(frequency + fieldWeight(ix, doc, start));
      });
      if (frequency > 0) result.push({ doc: doc, weight: saturate(ix, frequency) });
    });
    return result;
  }

  function passesFilters(ix, doc, filters) {
    return filters.every(function (filter) {
      return ix.documentFacets[doc][filter.facet].some(function (value) { return filter.values.indexOf(value) >= 0; });
    });
  }

  function ranksAbove(a, b) {
    if (a.pinned !== b.pinned) return a.pinned;
    if (a.score !== b.score) return a.score > b.score;
    return a.doc < b.doc;
  }

  function compare(a, b) {
    return ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0;
  }

  /**
   * Scores every document matching the plan, best first, as KBSearch's match
   * accumulator does: with two or more words, a conjunctive pass first (slots rarest
   * first, only documents holding every word so far); when fewer than 3 documents
   * hold them all, a pass over every posting, ranked by score (the matched words' IDF-weighted sum).
   * Scores are added in the same order as in Swift, so Float32 sums agree.
   */
  function match(ix, plan) {
    var n = ix.n, masks = new Uint32Array(n), scores = new Float32Array(n), slotScores = new Float32Array(n);
    var touched = [], phraseCache = [];
    if (n === 0 || (plan.slots.length === 0 && plan.pinned.length === 0 && plan.filters.length === 0)) {
      return { ranked: [], total: 0 };
    }

    function touch(doc) {
      touched.push(doc);
      scores[doc] = 0;
    }

    function phrase(index) {
      if (!phraseCache[index]) phraseCache[index] = phraseMatches(ix, plan.phrases[index]);
      return phraseCache[index];
    }

    /** Offers slot `s`'s sources: each document keeps its best; with `required`, only documents holding those bits. */
    function addSlot(s, required) {
      var slot = plan.slots[s], bit = (1 << s) >>> 0, slotTouched = [];
      function offer(doc, value) {
        var mask = masks[doc];
        if ((mask & bit) === 0) {
          if (((mask & required) >>> 0) !== required) return;
          if (mask === 0) touch(doc);
          masks[doc] = (mask | bit) >>> 0;
          slotScores[doc] = value;
          slotTouched.push(doc);
        } else if (value > slotScores[doc]) {
          slotScores[doc] = value;
        }
      }
      slot.terms.forEach(function (source) {
        var factor = f32(source.weight * slot.idf), docs = ix.docs[source.term], weights = ix.weights[source.term];
        for (var p = 0; p < docs.length; p++) offer(docs[p], f32(factor * weights[p]));
      });
      slot.phrases.forEach(function (source) {
        var factor = f32(source.weight * slot.idf);
        phrase(source.phrase).forEach(function (m) { offer(m.doc, f32(factor * m.weight)); });
      });
      slotTouched.forEach(function (doc) { scores[doc] = scores[doc] + slotScores[doc]; });
    }

    function keepOnly(required) {
      touched = touched.filter(function (doc) {
        if (((masks[doc] & required) >>> 0) === required) return true;
        masks[doc] = 0;
        return false;
      });
    }

    function cost(s) {
      var slot = plan.slots[s], total = 0;
      slot.terms.forEach(function (source) { total += ix.df[source.term]; });
      slot.phrases.forEach(function (source) {
        total += Math.min.apply(null, plan.phrases[source.phrase].words.map(function (word) {
          return word.reduce(function (sum, term) { return sum + ix.df[term]; }, 0);
        }));
      });
      return total;
    }

    function markExclusions() {
      plan.excludedTerms.forEach(function (term) {
        ix.docs[term].forEach(function (doc) { masks[doc] = (masks[doc] | EXCLUDED) >>> 0; });
      });
      plan.excludedPhrases.forEach(function (index) {
        phraseMatches(ix, plan.phrases[index]).forEach(function (m) { masks[m.doc] = (masks[m.doc] | EXCLUDED) >>> 0; });
      });
    }

    var requireAll = true;
    if (plan.slots.length > 1) {
      var costs = plan.slots.map(function (slot, s) { return cost(s); });
      var order = plan.slots.map(function (slot, s) { return s; }).sort(function (a, b) { return costs[a] - costs[b]; });
      var required = 0, emptied = false;
      for (var k = 0; k < order.length; k++) {
        if (required !== 0) {
          keepOnly(required);
          if (touched.length === 0) { emptied = true; break; }
        }
        addSlot(order[k], required);
        required = (required | (1 << order[k])) >>> 0;
      }
      if (!emptied) keepOnly(required);
      markExclusions();
      var allWords = touched.filter(function (doc) {
        return (masks[doc] & EXCLUDED) === 0 && passesFilters(ix, doc, plan.filters);
      }).length;
      if (allWords < ix.k.minAll) {
        requireAll = false;
        touched.forEach(function (doc) { masks[doc] = 0; });
        touched = [];
      }
    }
    if (touched.length === 0 && (!requireAll || plan.slots.length <= 1)) {
      plan.slots.forEach(function (slot, s) { addSlot(s, 0); });
    }
    markExclusions();
    plan.pinned.forEach(function (doc) {
      if (masks[doc] === 0) touch(doc);
      masks[doc] = (masks[doc] | PINNED) >>> 0;
    });
    if (plan.slots.length === 0 && plan.pinned.length === 0) {
      for (var d = 0; d < n; d++) if (masks[d] === 0) touch(d);
    }

    var full = plan.slots.length ? (0xffffffff >>> (32 - plan.slots.length)) : 0;
    var ranked = [];
    touched.forEach(function (doc) {
      var mask = masks[doc], pinned = (mask & PINNED) !== 0;
      if ((mask & EXCLUDED) !== 0) return;
      if (requireAll && !pinned && ((mask & full) >>> 0) !== full) return;
      if (!passesFilters(ix, doc, plan.filters)) return;
      ranked.push({ doc: doc, score: scores[doc], pinned: pinned });
    });
    ranked.sort(compare);
    return { ranked: ranked, total: ranked.length };
  }

  /** Adds typo corrections to words in at most `rare` documents; true if any were added. */
  function expandRareWords(ix, plan) {
    var changed = false;
    plan.words.forEach(function (word) {
      if (!word.isTypoEligible || word.corrections !== null || word.frequency === 0 || word.frequency > ix.k.rare) return;
      word.corrections = corrections(ix, word.term, word.frequency);
      var slot = plan.slots[word.slot];
      slot.terms = slot.terms.concat(fuzzySources(ix, word.corrections));
      finishSlot(ix, slot);
      changed = changed || word.corrections.length > 0;
    });
    return changed;
  }

  function closestDistance(first, second) {
    var best = -1, i = 0, j = 0;
    while (i < first.length && j < second.length) {
      var a = first[i], b = second[j];
      var distance = b > a ? b - a : a - b + 1;
      if (best < 0 || distance < best) best = distance;
      if (a < b) i++; else j++;
    }
    return best;
  }

  /** The bonus for consecutive query words found close together in the document. */
  function proximityBonus(ix, doc, plan) {
    var bonus = 0, previous = -1, found = [];
    plan.slots.forEach(function (slot, s) {
      if (slot.isPhrase) return;
      // The slot's best-quality source in the document (completions excepted), its first occurrences.
      var source = slot.terms.find(function (t) { return t.quality !== PREFIX && postingIndex(ix, t.term, doc) >= 0; });
      if (!source) return;
      found[s] = ix.positions[source.term][postingIndex(ix, source.term, doc)].slice(0, ix.k.proximityPositions);
      if (previous >= 0) {
        var distance = closestDistance(found[previous], found[s]);
        if (distance >= 0 && distance <= ix.k.proximityMaxDistance) {
          var mean = f32(f32(f32(ix.k.proximity) * f32(plan.slots[previous].idf + slot.idf)) / 2);
          bonus = f32(bonus + f32(mean / distance));
        }
      }
      previous = s;
    });
    return bonus;
  }

  /**
   * The bonus for a document whose title is the query, word for word in any order: every
   * slot a word, as many indexed title words as slots, each slot matched inside the title
   * exactly, as a synonym or a stem variant (quality 0 to 2). As SearchIndex.exactTitleBonus.
   */
  function exactTitleBonus(ix, doc, plan) {
    var slots = plan.slots, title = ix.raw.title;
    if (slots.length === 0 || slots.some(function (slot) { return slot.isPhrase; })) return 0;
    if (ix.raw.lengths[doc][title] !== slots.length) return 0;
    var range = titlePositions(ix, doc), idfSum = 0;
    for (var s = 0; s < slots.length; s++) {
      if (!matchesTitle(ix, slots[s], doc, range)) return 0;
      idfSum = f32(idfSum + slots[s].idf);
    }
    return f32(f32(f32(ix.k.exactTitle) * idfSum) / slots.length);
  }

  /** The slots whose word is an action word: an exact, synonym or stem source has an action stem. As SearchIndex.actionSlots. */
  function actionSlots(ix, plan) {
    return slotsWithStemIn(ix, plan, ix.action);
  }

  /** The slots whose word names a subject ("password", "2fa"). As SearchIndex.subjectSlots. */
  function subjectSlots(ix, plan) {
    return slotsWithStemIn(ix, plan, ix.subject);
  }

  /** The word slots one of whose exact, synonym or stem sources has a stem in `stems`. */
  function slotsWithStemIn(ix, plan, stems) {
    var found = [];
    plan.slots.forEach(function (slot, k) {
      if (!slot.isPhrase && slot.terms.some(function (t) {
        return t.quality <= STEMMED && stems.has(ix.raw.stems[ix.raw.tg[t.term]]);
      })) found.push(k);
    });
    return found;
  }

  /** The bonus for the query's action words found in a document's title. As SearchIndex.actionTitleBonus. */
  function actionTitleBonus(ix, doc, plan, actions, subjects) {
    if (actions.length === 0) return 0;
    var range = titlePositions(ix, doc), idfSum = 0;
    if (subjects.length > 0 && !subjects.some(function (k) { return matchesTitle(ix, plan.slots[k], doc, range); })) return 0;
    actions.forEach(function (k) {
      if (matchesTitle(ix, plan.slots[k], doc, range)) idfSum = f32(idfSum + plan.slots[k].idf);
    });
    return f32(f32(ix.k.actionTitle) * idfSum);
  }

  /**
   * Whether the query names a document with an identifier (a response code) other than by the
   * identifier: as many word slots matched in its title as the title has words, or a word in at
   * most k.namingFrequency documents that it holds. As SearchIndex.namesSpecificDocument.
   */
  function namesSpecificDocument(ix, doc, plan) {
    var range = titlePositions(ix, doc), rareIdf = idf(ix, ix.k.namingFrequency), inTitle = 0;
    for (var s = 0; s < plan.slots.length; s++) {
      var slot = plan.slots[s];
      if (slot.isPhrase) continue;
      if (matchesTitle(ix, slot, doc, range)) inTitle++;
      if (slot.idf >= rareIdf && slot.terms.some(function (t) {
        return t.quality <= STEMMED && postingIndex(ix, t.term, doc) >= 0;
      })) return true;
    }
    return inTitle >= ix.raw.lengths[doc][ix.raw.title];
  }

  /** The positions of a document's title field, as [start, end). */
  function titlePositions(ix, doc) {
    var title = ix.raw.title, bases = ix.raw.bases[doc];
    return [bases[title], title + 1 < bases.length ? bases[title + 1] : Infinity];
  }

  /** Whether a slot matches inside the title exactly, as a synonym or as a stem variant. */
  function matchesTitle(ix, slot, doc, range) {
    return slot.terms.some(function (t) {
      if (t.quality > STEMMED) return false;
      var p = postingIndex(ix, t.term, doc);
      return p >= 0 && ix.positions[t.term][p].some(function (position) { return position >= range[0] && position < range[1]; });
    });
  }

  /**
   * Searches the index: documents best first, each with its index, score and the
   * terms it matched (for highlights). `limit` defaults to the RESULTS_SHOWN the page shows.
   */
  function search(ix, query, limit) {
    var parsed = parseQuery(ix.k, query, ix.facetNames);
    var plan = makePlan(ix, parsed);
    var outcome = match(ix, plan);
    if (outcome.total < ix.k.minAll && expandRareWords(ix, plan)) outcome = match(ix, plan);
    var ranked = outcome.ranked;
    if (plan.slots.filter(function (slot) { return !slot.isPhrase; }).length >= 2) {
      var window = Math.min(ranked.length, ix.k.rerank), actions = actionSlots(ix, plan), subjects = subjectSlots(ix, plan);
      for (var i = 0; i < window; i++) {
        ranked[i].score = f32(ranked[i].score + proximityBonus(ix, ranked[i].doc, plan));
        ranked[i].score = f32(ranked[i].score + exactTitleBonus(ix, ranked[i].doc, plan));
        ranked[i].score = f32(ranked[i].score + actionTitleBonus(ix, ranked[i].doc, plan, actions, subjects));
        if (ix.specific.has(ranked[i].doc) && !ranked[i].pinned && !namesSpecificDocument(ix, ranked[i].doc, plan)) {
          ranked[i].score = f32(ranked[i].score * f32(ix.k.unnamedSpecific));
        }
      }
      var head = ranked.slice(0, window).sort(compare);
      ranked = head.concat(ranked.slice(window));
    }
    var matchedTerms = new Set();
    plan.slots.forEach(function (slot) { slot.terms.forEach(function (s) { matchedTerms.add(s.term); }); });
    plan.phrases.forEach(function (phrase) { phrase.words.forEach(function (w) { w.forEach(function (t) { matchedTerms.add(t); }); }); });
    return {
      total: outcome.total,
      terms: matchedTerms,
      hits: ranked.slice(0, limit || RESULTS_SHOWN).map(function (r) {
        var doc = ix.raw.docs[r.doc];
        return { index: r.doc, score: r.score, kind: doc[0] === 'c' ? 'code' : 'article', id: doc[1], title: doc[2], url: doc[3], summary: doc[4] };
      })
    };
  }

  // ---------------------------------------------------------------- pasted text

  /** How many of a pasted text's words are searched for: the rarest in the content (KnowledgeBase.ticketTermCount). */
  var TICKET_TERMS = 24;

  /** Documents holding the term or a word of its stem group, when the term is indexed; else 0 (SearchIndex.documentFrequency). */
  function documentFrequency(ix, term) {
    var id = ix.termId.get(term);
    return id === undefined ? 0 : ix.raw.gdf[ix.raw.tg[id]];
  }

  /**
   * The words of a long text (a ticket) that the content knows, rarest first (weighed by
   * how often the text repeats them), at most TICKET_TERMS: what a pasted ticket is
   * searched by, as KnowledgeBase.keyTerms does, so long text is weighed, never cut.
   */
  function keyTerms(ix, text) {
    var counts = new Map(), order = [];
    tokenize(ix.k, text).tokens.forEach(function (token) {
      var term = token.term;
      // Words only: no numbers, and no e-mail address or URL (their parts are words).
      if (token.hasDigit || /[@.\/:]/.test(term) || ix.stop.has(term) || Array.from(term).length < 2) return;
      if (!counts.has(term)) { counts.set(term, 0); order.push(term); }
      counts.set(term, counts.get(term) + 1);
    });
    var documents = Math.max(ix.n, 1), weighted = [];
    order.forEach(function (term, position) {
      var frequency = documentFrequency(ix, term);
      // A word no document has may be a typo of one that does: the search's typo tolerance reads it.
      var rarity = frequency === 0 ? (Array.from(term).length >= 5 ? Math.log(documents) * 0.6 : 0) : Math.log(1 + documents / frequency);
      if (rarity > 0) weighted.push({ term: term, weight: rarity * (1 + Math.log(counts.get(term))), first: position });
    });
    weighted.sort(function (a, b) { return b.weight - a.weight || a.first - b.first; });
    return weighted.slice(0, TICKET_TERMS).map(function (w) { return w.term; });
  }

  /** Whether a query is pasted rather than typed: a JSON object, a redirect URL, or more words than a query takes. */
  function isPasted(ix, text) {
    var trimmed = text.trim();
    if (trimmed.charAt(0) === '{' || /[?&]transaction_status=/.test(trimmed)) return true;
    return trimmed.split(/\s+/).length > ix.k.maxQueryWords;
  }

  /** A pasted text without its JSON, addresses and e-mails: the prose whose words are weighed. */
  function prose(text) {
    return text.replace(/\{[^]*\}/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, ' ');
  }

  // ---------------------------------------------------------------- the page

  /** `text` as text nodes and <mark> elements around the words whose term the search matched. */
  function highlighted(ix, text, terms) {
    var fragment = document.createDocumentFragment(), at = 0;
    tokenize(ix.k, text).tokens.forEach(function (token) {
      var id = ix.termId.get(token.term);
      var group = id !== undefined ? ix.raw.tg[id] : ix.groupOfStem.get(stemOf(ix, token.term));
      var hit = (id !== undefined && terms.has(id)) ||
        (group !== undefined && ix.groupTerms[group].some(function (t) { return terms.has(t); }));
      if (!hit) return;
      fragment.appendChild(document.createTextNode(text.slice(at, token.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(token.start, token.end);
      fragment.appendChild(mark);
      at = token.end;
    });
    fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  function startPage(raw) {
    var input = document.getElementById('kb_q');
    var list = document.getElementById('kb_results');
    var status = document.getElementById('kb_status');
    if (!input || !list || !status) return;
    var ix = prepare(raw);

    /** The page's words (data-prompt, data-none, …, in its language), with {query} and {count} filled. */
    function said(name, query, count) {
      return (status.getAttribute('data-' + name) || '').split('{count}').join(String(count)).split('{query}').join(query);
    }

    var api = status.getAttribute('data-api');
    var box = document.getElementById('kb_explained');
    var docs = new Map();
    ix.raw.docs.forEach(function (doc) { docs.set((doc[0] === 'c' ? 'code' : 'article') + ':' + doc[1], doc); });

    function element(name, text) {
      var node = document.createElement(name);
      if (text !== undefined) node.textContent = text;
      return node;
    }

    /** A link to the page of an article or a code of this tree, by the index's own address. */
    function pageLink(kind, id, title) {
      var doc = docs.get(kind + ':' + id);
      var link = element('a', title || (doc ? doc[2] : id));
      if (doc) link.href = doc[3];
      return link;
    }

    /** What the server's kb explain says of a pasted Midtrans message, above the results. */
    function explainAbove(query) {
      if (!box || !api || !window.fetch) return;
      fetch(api + 'explain?lang=' + encodeURIComponent(document.documentElement.lang || 'en'), {
        method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: query.trim()
      }).then(function (response) { return response.ok ? response.json() : null; }).then(function (explanation) {
        if (!explanation) return;
        while (box.firstChild) box.removeChild(box.firstChild);
        box.appendChild(element('h2', box.getAttribute('data-title')));
        box.appendChild(element('p', explanation.headline)).className = 'outcome';
        var steps = element('ul');
        explanation.next.forEach(function (step) { steps.appendChild(element('li', step)); });
        box.appendChild(steps);
        var reading = element('ul');
        explanation.read.forEach(function (item) { reading.appendChild(element('li')).appendChild(pageLink(item.kind, item.id, item.title)); });
        box.appendChild(element('p', box.getAttribute('data-read')));
        box.appendChild(reading);
        box.hidden = false;
      }).catch(function () { /* the results below stand alone */ });
    }

    function show(query) {
      while (list.firstChild) list.removeChild(list.firstChild);
      if (box) { box.hidden = true; while (box.firstChild) box.removeChild(box.firstChild); }
      if (query.trim() === '') { status.textContent = said('prompt'); return; }
      if (isPasted(ix, query)) {
        // Pasted: the server explains a Midtrans message; the results come from the text's rarest words.
        if (query.trim().charAt(0) === '{' || /[?&]transaction_status=/.test(query)) explainAbove(query);
        var terms = keyTerms(ix, prose(query));
        var code = /"channel_response_code"\s*:\s*"([0-9A-Za-z]{2})"/.exec(query);
        if (code) terms.unshift(code[1]);
        query = terms.join(' ');
      }
      var result = search(ix, query, RESULTS_SHOWN);
      status.textContent = said(result.total === 0 ? 'none' : result.total === 1 ? 'one' : 'many', query, result.total);
      result.hits.forEach(function (hit) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = hit.url;
        link.appendChild(highlighted(ix, hit.title, result.terms));
        item.appendChild(link);
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = said(hit.kind === 'code' ? 'code' : 'article');
        item.appendChild(kind);
        var summary = document.createElement('p');
        summary.appendChild(highlighted(ix, hit.summary, result.terms));
        item.appendChild(summary);
        list.appendChild(item);
      });
    }

    function keepInAddress(query) {
      if (!window.history || !window.history.replaceState) return;
      var url = new URL(window.location.href);
      if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
      try { window.history.replaceState(null, '', url.toString()); } catch (error) { /* file:// may refuse */ }
    }

    var pending = 0;
    input.addEventListener('input', function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { show(input.value); keepInAddress(input.value); }, 60);
    });
    input.form.addEventListener('submit', function (event) {
      event.preventDefault();
      show(input.value);
      keepInAddress(input.value);
    });
    var initial = new URLSearchParams(window.location.search).get('q') || '';
    input.value = initial;
    show(initial);
    if (!initial) input.focus();
  }

  var api = { prepare: prepare, search: search, tokenize: tokenize, fold: fold, keyTerms: keyTerms };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else if (typeof document !== 'undefined') {
    root.KBSearch = api;
    if (root.KB_SEARCH_INDEX) startPage(root.KB_SEARCH_INDEX);
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
