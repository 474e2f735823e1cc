"""Why two articles are (or are not) linked as copy, rewrite or translation: the evidence in a
form people can read (`rasid show ID --explain [OTHER]`)."""
from __future__ import annotations

from rasid.link.stage import Check, DerivationStage
from rasid.model import Article


def check_record(c: Check) -> dict:
    """One checked pair as a plain record (JSON-ready)."""
    d = c.derivation()
    e = c.evidence
    rec = {
        "a": c.a.id, "b": c.b.id,
        "linked": d is not None,
        "kind": c.verdict.kind, "score": c.verdict.score, "reason": c.verdict.reason,
        "containment": round(e.containment, 3) if e else None,
        "languages": [c.a.lang, c.b.lang],
        "source_id": d.source_id if d is not None and d.directed else None,
        "direction_basis": list(c.direction.basis) if c.direction else [],
        "aligned": [],
    }
    if c.units is not None and e is not None:
        ua, ub = c.units
        rec["aligned"] = [{"a": ua.spans[i].of(c.a.text), "b": ub.spans[j].of(c.b.text),
                           "similarity": round(s, 3)} for i, j, s in e.alignment.pairs]
    return rec


def explain_pair(stage: DerivationStage, a: Article, b: Article) -> dict:
    return check_record(stage.check(a, b))


def explain_article(stage: DerivationStage, store, a: Article) -> list[dict]:
    """Every candidate the stage would consider for `a`, checked, strongest first."""
    pairs = stage.candidates(store, [a])
    out = []
    for x, y in sorted(pairs):
        other = store.article(y if x == a.id else x)
        if other is not None:
            out.append(check_record(stage.check(a, other)))
    return sorted(out, key=lambda r: (-r["linked"], -(r["score"] or 0), r["b"]))


def format_check(rec: dict, limit: int = 6) -> str:
    lines = [f"{rec['a']} ~ {rec['b']}: {'LINKED ' + rec['kind'] if rec['linked'] else 'not linked'}"
             f" ({rec['reason']})"]
    if rec["linked"]:
        src = rec["source_id"]
        lines.append(f"  direction: {('source ' + src) if src else 'unknown'}"
                     f"{' from ' + ', '.join(rec['direction_basis']) if rec['direction_basis'] else ''}")
    for al in rec["aligned"][:limit]:
        lines.append(f"  {al['similarity']:.2f}  {al['a'][:70]}  <>  {al['b'][:70]}")
    if len(rec["aligned"]) > limit:
        lines.append(f"  … {len(rec['aligned']) - limit} more aligned clauses")
    return "\n".join(lines)
