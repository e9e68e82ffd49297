"""Writes a wrk Lua script that rotates through the relevance queries as
GET /v1/search?q=... requests (what merchants and agents type: keywords,
questions, typos, codes). Used by load.sh and soak.sh.

Usage: python3 scripts/search-lua.py OUT.lua Tests/Relevance/queries.tsv [--vary-limit | --distinct]

--vary-limit adds &limit=1..50 in turn, so there are more distinct URIs than the
server's response cache holds (4,096): a soak run then exercises eviction too.
--distinct adds &n=1, 2, 3, ... (a parameter the server ignores), so no two requests
have the same URI and none is answered from the cache: the same searches, uncached.
"""
import sys
import urllib.parse

out, tsv = sys.argv[1], sys.argv[2]
vary_limit = "--vary-limit" in sys.argv[3:]
distinct = "--distinct" in sys.argv[3:]
queries = []
for line in open(tsv, encoding="utf-8"):
    if line.startswith("#") or line.startswith("query\t") or not line.strip():
        continue
    queries.append(line.split("\t")[0])
paths = ", ".join('"/v1/search?q=%s"' % urllib.parse.quote(q) for q in queries)
# With --vary-limit, the limit changes each time the list comes round (103 x 50 URIs).
suffix = '.. "&limit=" .. ((math.floor(i / #paths) % 50) + 1)' if vary_limit else ""
# With --distinct, each wrk thread counts from its own start (wrk runs one Lua state per
# thread): thread t sends n = t * 10^9 + 1, + 2, ... so no URI is ever sent twice.
if distinct:
    suffix = '.. "&n=" .. (base + i)'
setup = ("local threads = 0\nsetup = function(thread)\n  thread:set(\"base\", threads * 1000000000)\n"
         "  threads = threads + 1\nend\n") if distinct else ""
with open(out, "w") as f:
    f.write(setup + "local paths = {%s}\nlocal i = 0\n%srequest = function()\n  i = i + 1\n"
            "  return wrk.format(\"GET\", paths[(i %% #paths) + 1] %s)\nend\n"
            % (paths, "base = base or 0\n" if distinct else "", suffix))
print("%d queries to rotate through" % len(queries), file=sys.stderr)
