"""Human-readable summaries printed after ingest and by the demo."""
from __future__ import annotations

from collections import Counter

from rasid.pipeline import IngestReport
from rasid.store.sqlite import SQLiteStore


def plural(word: str, n: int) -> str:
    if n == 1:
        return word
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def ingest_summary(report: IngestReport, db: str) -> str:
    langs = ", ".join(f"{n} {lang}" for lang, n in report.languages.most_common())
    inferred = f", {report.inferred} publication dates inferred" if report.inferred else ""
    links = ", ".join(f"{n} {plural(kind, n)}" for kind, n in sorted(report.derivations.items()))
    entities = (f"; {report.mentions} mentions, {report.entities} entities"
                if report.entities is not None else "")
    return (f"ingested {report.items} items from {report.files} files into {db}: "
            f"{report.added} new articles{f' ({langs})' if langs else ''}, "
            f"{report.already_stored} already stored, {report.rejected} rejected{inferred}"
            + (f"; derived: {links}" if links else "") + entities)


def store_digest(store: SQLiteStore, newest: int = 8) -> str:
    counts = store.counts()
    db = store.db
    langs = Counter(dict(db.execute("SELECT lang, count(*) FROM articles GROUP BY lang").fetchall()))
    outlets = db.execute("SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL"
                         " GROUP BY outlet ORDER BY n DESC, outlet LIMIT 6").fetchall()
    first, last = db.execute("SELECT min(published), max(published) FROM articles").fetchone()
    codes = db.execute("SELECT code, count(*) FROM rejected GROUP BY code ORDER BY 2 DESC").fetchall()
    headlines = db.execute("SELECT count(*) FROM articles WHERE headline IS NOT NULL").fetchone()[0]
    n_dates, n_resolved = db.execute("SELECT count(*), count(value) FROM dates").fetchone()
    lines = [
        f"database {store.path}: {counts['articles']} articles, {counts['stories']} stories, "
        f"{counts['outlets']} outlets, {counts['rejected']} rejected inputs",
        "  languages: " + (", ".join(f"{lang} {n}" for lang, n in langs.most_common()) or "-"),
        f"  published: {first or '?'} .. {last or '?'}; {headlines} articles with a headline",
        f"  dates: {n_dates} expressions, {n_resolved} resolved to a calendar date",
    ]
    kinds = db.execute("SELECT kind, count(*), sum(directed) FROM derivations GROUP BY kind ORDER BY kind").fetchall()
    if kinds:
        lines.append("  who copied whom: " + ", ".join(
            f"{n} {plural(k, n)} ({d} with a known source)" for k, n, d in kinds))
    if counts["entities"]:
        lines.append(f"  who and where: {counts['mentions']} mentions of {counts['entities']} entities")
        for kind, label in (("PER", "people"), ("ORG", "organisations"), ("LOC", "places")):
            from rasid.resolve.resolver import latin_name

            top = [(e, latin_name(e)) for e in store.entities(kind, limit=5)]
            if top:
                lines.append(f"    {label}: " + ", ".join(
                    f"{e.name_ar or latin}{f' ({latin})' if latin and latin != e.name_ar else ''}"
                    f" [{len(e.article_ids)}]" for e, latin in top))
    if counts["quotes"] or counts["figures"]:
        anonymous = db.execute("SELECT count(*) FROM quotes WHERE anonymous = 1").fetchone()[0]
        denials = db.execute("SELECT count(*) FROM quotes WHERE denial = 1").fetchone()[0]
        lines.append(f"  who said what: {counts['quotes']} quotes ({anonymous} from unnamed sources, "
                     f"{denials} denials); {counts['figures']} figures")
    if outlets:
        lines.append("  top outlets: " + ", ".join(f"{o} ({n})" for o, n in outlets))
    if codes:
        lines.append("  rejected: " + ", ".join(f"{c} {n}" for c, n in codes))
    stories = store.stories()[:newest]
    if stories:
        lines.append("  newest stories:")
        for s in stories:
            lines.append(f"    {s.id}  {s.last_seen or '----------'}  [{len(s.article_ids)}]  {s.title}")
    return "\n".join(lines)
