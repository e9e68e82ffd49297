"""Generates content folders for `make scale`, deterministically (the same input gives
the same bytes), outside the repository.

  python3 scripts/scale-content.py copies N OUT
      Content/ with every article (English and Indonesian) N times: copy k > 1 is
      <slug>-copy-k.md, its title ending "(copy k)". N = 1 is Content/ as shipped.
  python3 scripts/scale-content.py kit COUNT KIT_DIR OUT
      COUNT articles made from the bench kit's documents (KIT_DIR holds the extracted
      kbbench-corpus), taken in path order and round again when COUNT is larger: each
      gets front matter `kb check` accepts (title from its first heading, summary from
      its first sentence, a category in turn) and the document as its body. Content/'s
      categories, policies, codes and synonyms come along.

Prints the number of articles and bytes written.
"""
import json
import os
import re
import shutil
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CONTENT = os.path.join(ROOT, "Content")
CATEGORIES = ["portal-access", "users-and-account", "payments", "card-declines", "integration"]


def fresh(out):
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "articles"))
    for name in sorted(os.listdir(CONTENT)):
        if name.endswith(".yaml"):
            shutil.copy(os.path.join(CONTENT, name), os.path.join(out, name))


def copies(count, out):
    fresh(out)
    written = articles = 0
    for folder in ("articles", os.path.join("id", "articles")):
        source = os.path.join(CONTENT, folder)
        if not os.path.isdir(source):
            continue
        os.makedirs(os.path.join(out, folder), exist_ok=True)
        if folder != "articles":
            for name in sorted(os.listdir(os.path.dirname(source))):
                if name.endswith(".yaml"):
                    shutil.copy(os.path.join(os.path.dirname(source), name), os.path.join(out, "id", name))
        for name in sorted(os.listdir(source)):
            if not name.endswith(".md"):
                continue
            text = open(os.path.join(source, name), encoding="utf-8").read()
            for k in range(1, count + 1):
                if k == 1:
                    target, body = name, text
                else:
                    target = name[:-3] + "-copy-%d.md" % k
                    body = re.sub(r"^title: (.*)$", lambda m: "title: %s (copy %d)" % (m.group(1), k), text, count=1, flags=re.M)
                with open(os.path.join(out, folder, target), "w", encoding="utf-8") as f:
                    f.write(body)
                written += len(body.encode())
                articles += 1
    return articles, written


def plain(text):
    """Markdown reduced to words for a title or summary line."""
    text = re.sub(r"<[^>]*>|!?\[([^\]]*)\]\([^)]*\)|[`*_#>|{}\[\]]", lambda m: m.group(1) or " ", text)
    return re.sub(r"\s+", " ", text).strip()


def kit(count, kit_dir, out):
    fresh(out)
    documents = []
    for folder, _, names in os.walk(kit_dir):
        for name in names:
            if name.endswith(".md"):
                documents.append(os.path.join(folder, name))
    documents.sort()
    if not documents:
        sys.exit("scale-content: no .md documents under %s" % kit_dir)
    written = 0
    for i in range(count):
        path = documents[i % len(documents)]
        round_ = i // len(documents) + 1
        text = open(path, encoding="utf-8", errors="replace").read()
        # Placeholders are kb's own syntax; the kit's templates would read as unknown ones.
        body = re.sub(r"\{+", lambda m: "{ " * len(m.group(0)), text)
        # Links to the kit's own files are no articles of ours: made web addresses.
        body = re.sub(r"\]\((?!https?:|mailto:)", "](https://kit.example/", body)
        # Reference definitions are left as text ("[x] : target"), their links as brackets.
        body = re.sub(r"^(\s*(?:[-*+]\s+)?\[[^\]]+\]):", r"\1 :", body, flags=re.M)
        if body.startswith("---"):
            end = body.find("\n---", 3)
            body = body[end + 4:] if end > 0 else body
        heading = next((plain(line) for line in body.splitlines() if line.startswith("#") and plain(line)), "")
        relative = os.path.relpath(path, kit_dir)
        title = (heading or plain(relative.replace("/", " ").replace("-", " ")) or "Document")[:90]
        if round_ > 1:
            title += " (%d)" % round_
        words = plain(" ".join(l for l in body.splitlines() if l.strip() and not l.startswith("#")))
        summary = (re.split(r"(?<=[.!?]) ", words)[0] if words else title)[:160] or title
        front = [
            "---",
            "title: " + json.dumps(title, ensure_ascii=False),
            "summary: " + json.dumps(summary, ensure_ascii=False),
            "category: " + CATEGORIES[i % len(CATEGORIES)],
            "tags: [kit, " + json.dumps(relative.split("/")[0]) + "]",
            "questions: [" + json.dumps(title, ensure_ascii=False) + ", "
            + json.dumps("What does " + title + " say?", ensure_ascii=False) + "]",
            "updated: 2026-11-25",
            "answer: |",
            "  " + summary,
            "---",
            "",
        ]
        article = "\n".join(front) + body
        with open(os.path.join(out, "articles", "doc-%06d.md" % i), "w", encoding="utf-8") as f:
            f.write(article)
        written += len(article.encode())
    return count, written


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "copies":
        articles, written = copies(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "kit":
        articles, written = kit(int(sys.argv[2]), sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
    print("%d articles, %d bytes" % (articles, written))


main()
