#!/usr/bin/env python3
"""kb eval --peers: rank the same documents for the same queries with SQLite FTS5 and tantivy.

Reads JSON from the file named first:
  {"lang": "en", "docs": [{"id", "title", "body"}], "queries": ["...", ...]}
and writes to the file named second:
  {"fts5": {"engine": "...", "ranked": [[id, ...], ...]}, "tantivy": {...}}
one list of up to 10 ids per query, best first. kb scores the lists itself, so every
engine is measured by the same code.

FTS5: porter tokenizer (English; unicode61 alone for other languages), bm25 with the
title weighted 4 to the body's 1, the query's words joined by OR.
tantivy: en_stem tokenizer (English; the default tokenizer for other languages), BM25,
title boosted 4, the query parser's default disjunction.
Both drivers follow ../shared/bench/peers (fts5.py, tantivy_bench.py).
"""
import json
import re
import sqlite3
import sys

TITLE_WEIGHT = 4.0
WORD = re.compile(r"\w+", re.UNICODE)


def words(query):
    return WORD.findall(query.lower())


def rank_all(queries, search):
    """search(words) for each query's words, best 10 ids first; nothing for a query without words."""
    return [search(terms) if terms else [] for terms in map(words, queries)]


def fts5(docs, queries, english):
    tokenizer = "porter unicode61" if english else "unicode61"
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='%s')" % tokenizer)
    with con:
        con.executemany("INSERT INTO docs(id, title, body) VALUES (?, ?, ?)",
                        [(d["id"], d["title"], d["body"]) for d in docs])
    sql = "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, %g, 1) LIMIT 10" % TITLE_WEIGHT

    def search(terms):
        expr = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return [row[0] for row in con.execute(sql, (expr,))]
    ranked = rank_all(queries, search)
    engine = "sqlite %s fts5 %s, bm25 title %g body 1, OR" % (sqlite3.sqlite_version, tokenizer, TITLE_WEIGHT)
    return {"engine": engine, "ranked": ranked}


def tantivy_ranks(docs, queries, english):
    import tantivy
    try:
        from importlib.metadata import version
        tv = version("tantivy")
    except Exception:
        tv = "?"
    tokenizer = "en_stem" if english else "default"
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=False, tokenizer_name=tokenizer)
    sb.add_text_field("body", stored=False, tokenizer_name=tokenizer)
    index = tantivy.Index(sb.build())
    writer = index.writer(heap_size=64 * 1000 * 1000, num_threads=1)
    for d in docs:
        writer.add_document(tantivy.Document(id=d["id"], title=d["title"], body=d["body"]))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def search(terms):
        parsed = index.parse_query(" ".join(terms), ["title", "body"], field_boosts={"title": TITLE_WEIGHT})
        hits = searcher.search(parsed, 10, count=False).hits
        return [searcher.doc(address)["id"][0] for _score, address in hits]
    ranked = rank_all(queries, search)
    engine = "tantivy-py %s, %s, BM25 title boost %g, OR" % (tv, tokenizer, TITLE_WEIGHT)
    return {"engine": engine, "ranked": ranked}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: eval-peers.py INPUT.json OUTPUT.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    english = data.get("lang", "en") == "en"
    out = {
        "fts5": fts5(data["docs"], data["queries"], english),
        "tantivy": tantivy_ranks(data["docs"], data["queries"], english),
    }
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
