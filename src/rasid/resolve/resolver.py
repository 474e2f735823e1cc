"""Mentions -> entities, over the whole corpus.

Three passes, from safest to most context-bound:

1. **Names that match on their own** (`NameMatcher`): folded spellings, aliases from the
   reviewed file, places across scripts, people part by part and across scripts. Pairs
   are only compared inside blocks that share a surname skeleton (or a place id, or an
   alias), never all against all.
2. **Short names in context**: a lone surname (الشطري) joins the one full name in the
   same article that ends with it, else the one in the same story; with no such full
   name it stays an entity of its own rather than guess.
3. **Garbles in context**: inside one story, two full names that share a part exactly
   and whose other parts share a consonant skeleton (فؤاد حسين / فايد حسين in a
   machine-translated copy) are one person, unless both appear in one article, which
   proves they are two.
4. **Renamings the text states**: «قوات سوريا الديمقراطية (قسد)», «الشرع، المعروف بأبي محمد
   الجولاني» (found by the tagger's stage) join the two names wherever they appear.
5. **Titles standing for a person** («وقال الرئيس السوري إن…», where the mention's text is its
   own role): the person the same article gives that title, else the one the archive calls
   so nearest the article's date (within a year); with neither, the mention names no one.
6. **Acronyms and translations in context**: an acronym joins the organisation whose
   initials it spells in the same article (INIS); inside one story, an Arabic
   organisation or place name joins its English rendering when each is the other's
   closest match by multilingual embedding (الهيئة الوطنية للموارد المائية / National
   Authority for Water Resources).

The resolver is pure: mentions in, an assignment and entity records out. The stage in
`stage.py` reads and writes the store.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rasid.ids import digest
from rasid.model import Entity, Role
from rasid.resolve import aliases, places
from rasid.resolve.names import (MAX_ROMANIZED_PARTS, MIN_SOUND, NameMatcher, is_latin,
                                 latin_as_arabic_skeleton, latin_tokens, loose_skeleton,
                                 name_tokens, skeleton, sound_key)

MAX_BLOCK = 300  # a block larger than this is split by first-name skeleton
# Cosine of USE embeddings above which an Arabic and an English organisation name in one
# story may be one entity (mutual best match required). On the demo corpus's labelled
# pairs, renderings score 0.72-0.91 and other names in the same stories at most 0.42.
TRANSLATION_SIMILARITY = 0.6
_INITIAL_SKIP = frozenset("of for the and al el de".split())
_WEAK = str.maketrans({"ا": None, "و": None, "ي": None, "ء": None, "ع": None, "ى": None})


@dataclass(frozen=True, slots=True)
class MentionRef:
    """What the resolver needs to know about one mention."""
    article_id: str
    index: int                     # position in the article's mention list
    text: str
    type: str
    story_id: str | None = None
    published: str | None = None
    role: str | None = None
    same_as: int | None = None     # the article's text says this mention renames that one


@dataclass
class Resolution:
    entity_of: dict[tuple[str, int], str] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    keys: dict[tuple[str, int], str] = field(default_factory=dict)  # folded name per mention


class _Sets:
    """Union-find over node ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Node:
    """One distinct name form of one type, with every mention that used it."""
    id: int
    type: str
    tokens: tuple[str, ...]
    texts: Counter = field(default_factory=Counter)
    mentions: list[MentionRef] = field(default_factory=list)
    alias: aliases.Alias | None = None
    # Asked hundreds of thousands of times on a large archive (every pass, every pair of a
    # block), so kept until a mention is added rather than recomputed over the mentions.
    _text: str | None = field(default=None, repr=False, compare=False)
    _title_only: bool = field(default=True, repr=False, compare=False)
    _full: bool | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The most used spelling."""
        if self._text is None:
            self._text = self.texts.most_common(1)[0][0]
        return self._text

    def add(self, m: MentionRef) -> None:
        self.texts[m.text] += 1
        self.mentions.append(m)
        self._title_only = self._title_only and m.role == m.text
        self._text = self._full = None

    @property
    def title_only(self) -> bool:
        return self._title_only

    @property
    def full(self) -> bool:
        if self._full is None:
            self._full = self._is_full()
        return self._full

    def _is_full(self) -> bool:
        if self.title_only:
            return False
        if self.alias is not None:
            return True
        if _is_acronym(self.text):
            return False
        return self.type != "PER" or len(self.tokens) >= 2


class EntityResolver:
    name = "resolve"
    version = "1"

    def __init__(self, matcher: NameMatcher | None = None, max_block: int = MAX_BLOCK,
                 embed=None, translation_similarity: float = TRANSLATION_SIMILARITY) -> None:
        """`embed`: texts -> unit vectors (e.g. `rasid.text.embed.Embedder()`); without it
        names are not matched across languages by meaning, only by sound and aliases."""
        self.matcher = matcher or NameMatcher()
        self.max_block = max_block
        self.embed = embed
        self.translation_similarity = translation_similarity
        # Romanizing every Arabic name for blocking costs ~10 ms each, and the consonant
        # ("sound") key already puts Hussein and حسين in one block; switch it on to also
        # block by the romanizer's spelling.
        self.romanize: bool | None = False

    def resolve(self, mentions: Iterable[MentionRef]) -> Resolution:
        nodes, node_of = self._nodes(mentions)
        sets = _Sets()
        self._match_names(nodes, sets, romanize=_needs_romanization(nodes)
                          if self.romanize is None else self.romanize)
        self._renamings(nodes, node_of, sets)
        self._garbles(nodes, sets)        # before lone surnames: a garble is not a second man
        self._short_names(nodes, node_of, sets)
        named_titles = self._titles(nodes, sets)
        self._acronyms(nodes, sets)
        if self.embed is not None:
            self._translations(nodes, sets)
        return self._records([n for n in nodes if not n.title_only or n.id in named_titles],
                             node_of, sets)

    # -- forms ---------------------------------------------------------------------

    def _nodes(self, mentions: Iterable[MentionRef]):
        by_key: dict[tuple, _Node] = {}
        node_of: dict[tuple[str, int], _Node] = {}
        for m in mentions:
            tokens = name_tokens(m.text)
            if not tokens:
                continue
            alias = aliases.lookup(m.text, clitics=True)
            kind = alias.type if alias is not None else m.type
            key = ("alias", alias.id) if alias is not None else (kind, tokens)
            if m.role is not None and m.role == m.text:
                key = ("title", tokens, m.article_id)   # resolved by date in _titles
            elif alias is None and (kind == "PER" and len(tokens) == 1 or _is_acronym(m.text)):
                # A lone surname or an acronym is read in its own story: الشرع in 2012 and
                # in 2025 may be two men, BOC two companies; each story's use is resolved
                # separately (and uses no full name explains are joined by spelling).
                key = (kind, tokens, m.story_id or m.article_id)
            node = by_key.get(key)
            if node is None:
                if alias is not None:  # every form of an alias has the alias's own key
                    tokens = name_tokens(alias.name_ar) or tokens
                node = by_key[key] = _Node(len(by_key), kind, tokens, alias=alias)
            node.add(m)
            node_of[m.article_id, m.index] = node
        return list(by_key.values()), node_of

    # -- pass 1: names that match on their own ----------------------------------------

    def _blocks(self, nodes: Sequence[_Node], romanize: bool) -> dict[tuple, list[_Node]]:
        blocks: dict[tuple, list[_Node]] = defaultdict(list)
        for n in nodes:
            if not n.full:
                continue
            for key in _block_keys(n, romanize):
                blocks[key].append(n)
        return blocks

    def _match_names(self, nodes: Sequence[_Node], sets: _Sets, romanize: bool) -> None:
        compared: set[tuple[int, int]] = set()
        for key, block in self._blocks(nodes, romanize).items():
            if key[0] == "across":
                # Cross-script blocks only ever pair an Arabic name with a Latin one.
                latin = [n for n in block if is_latin(n.text)][: self.max_block]
                arabic = [n for n in block if not is_latin(n.text)][: self.max_block] if latin else []
                pairs = ((a, b) for a in latin for b in arabic)
            else:
                pairs = ((a, b) for group in _split(block, self.max_block)
                         for i, a in enumerate(group) for b in group[i + 1:])
            for a, b in pairs:
                pair = (min(a.id, b.id), max(a.id, b.id))
                if pair in compared or a.type != b.type:
                    continue
                compared.add(pair)
                if sets.find(a.id) != sets.find(b.id) and self.matcher.same(a.text, b.text, a.type):
                    sets.union(a.id, b.id)

    # -- pass 2: short names inside their article, then their story ----------------

    def _short_names(self, nodes, node_of, sets: _Sets) -> None:
        full_in_article: dict[str, set[int]] = defaultdict(set)
        full_in_story: dict[str, set[int]] = defaultdict(set)
        by_id = {n.id: n for n in nodes}
        for n in nodes:
            if n.full and n.type == "PER":
                for m in n.mentions:
                    full_in_article[m.article_id].add(n.id)
                    if m.story_id:
                        full_in_story[m.story_id].add(n.id)
        unresolved: dict[tuple, list[int]] = defaultdict(list)
        for n in nodes:
            if n.full or n.type != "PER" or n.title_only:
                continue
            part = n.tokens[0]
            # A short name joins a full name only when every use of it agrees on which one.
            targets: set[int] = set()
            for m in n.mentions:
                found = _owners(part, full_in_article.get(m.article_id, ()), by_id, sets)
                if not found and m.story_id:
                    found = _owners(part, full_in_story.get(m.story_id, ()), by_id, sets)
                if len(found) == 1:
                    targets |= found
                elif len(found) > 1:
                    targets.add(-1)  # ambiguous somewhere: never guess
            if len(targets) == 1 and -1 not in targets:
                sets.union(n.id, targets.pop())
            else:
                unresolved[(n.type,) + n.tokens].append(n.id)
        # Lone names no full name explains are one entity per spelling across stories.
        for ids in unresolved.values():
            for other in ids[1:]:
                sets.union(ids[0], other)

    # -- renamings the text states ----------------------------------------------------

    def _renamings(self, nodes, node_of, sets: _Sets) -> None:
        for n in nodes:
            for m in n.mentions:
                if m.same_as is not None:
                    other = node_of.get((m.article_id, m.same_as))
                    if other is not None and other.type == n.type:
                        sets.union(n.id, other.id)

    # -- titles standing for a person ------------------------------------------------

    def _titles(self, nodes: Sequence[_Node], sets: _Sets) -> set[int]:
        """Join each title-only mention to its holder; return the nodes that found one."""
        from datetime import date

        from rasid.resolve.roles import _contains, _words

        # Indexed by article (a title names whom its own article gives it) and by exact
        # title (across articles), so the pass stays linear in the number of mentions.
        in_article: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        by_title: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
        for n in nodes:
            if n.type == "PER" and n.full:
                for m in n.mentions:
                    if m.role and m.role != m.text:
                        words = _words(m.role)
                        in_article[m.article_id].append((words, n.id))
                        if m.published:
                            by_title[words].append((m.published, n.id))
        named: set[int] = set()
        for n in nodes:
            if not n.title_only:
                continue
            m = n.mentions[0]
            want = _words(m.text)
            here = {sets.find(nid) for words, nid in in_article.get(m.article_id, ())
                    if _contains(words, want)}
            if len(here) == 1:
                sets.union(n.id, here.pop())
                named.add(n.id)
                continue
            if here or not m.published:
                continue  # two holders in one article, or no date to choose by
            day = date.fromisoformat(m.published)
            near: dict[int, int] = {}
            # Across articles only the very title counts: «وزير الخارجية» alone could be
            # any country's minister.
            for when, nid in by_title.get(want, ()):
                gap = abs((date.fromisoformat(when) - day).days)
                if gap <= 365:
                    root = sets.find(nid)
                    near[root] = min(gap, near.get(root, gap))
            if near:
                best = min(near.values())
                closest = [r for r, g in near.items() if g == best]
                if len(closest) == 1:
                    sets.union(n.id, closest[0])
                    named.add(n.id)
        return named

    # -- pass 3: machine-translation garbles inside one story ------------------------

    def _garbles(self, nodes: Sequence[_Node], sets: _Sets) -> None:
        in_story: dict[str, list[_Node]] = defaultdict(list)
        articles: dict[int, set[str]] = {}   # root -> articles its names appear in
        for n in nodes:
            if n.full and n.type == "PER" and len(n.tokens) >= 2:
                for s in sorted({m.story_id for m in n.mentions if m.story_id}):
                    in_story[s].append(n)
            if n.full and n.type == "PER":
                root = sets.find(n.id)
                articles.setdefault(root, set()).update(m.article_id for m in n.mentions)
        for sid in sorted(in_story):
            group = sorted(in_story[sid], key=lambda n: (n.tokens, n.id))
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    ra, rb = sets.find(a.id), sets.find(b.id)
                    # Two names side by side in one article are two people.
                    if ra == rb or articles.get(ra, set()) & articles.get(rb, set()):
                        continue
                    if _garbled(a.tokens, b.tokens):
                        sets.union(a.id, b.id)
                        root = sets.find(a.id)
                        articles[root] = articles.pop(ra, set()) | articles.pop(rb, set())

    # -- pass 4: acronyms and translations ---------------------------------------------

    def _acronyms(self, nodes: Sequence[_Node], sets: _Sets) -> None:
        """Each story's use of an acronym joins the one organisation in its article whose
        initials it spells; uses nothing explains are one entity per spelling."""
        orgs_in: dict[str, list[_Node]] = defaultdict(list)
        for n in nodes:
            if n.type == "ORG" and is_latin(n.text) and not _is_acronym(n.text):
                for aid in {m.article_id for m in n.mentions}:
                    orgs_in[aid].append(n)
        unexplained: dict[tuple, list[int]] = defaultdict(list)
        spelled = {(n.type, n.tokens): n.id for n in nodes if n.full}
        for a in nodes:
            if a.full or not _is_acronym(a.text):
                continue
            owners = {sets.find(n.id) for m in a.mentions for n in orgs_in.get(m.article_id, ())
                      if _initials(n.text) == a.text}
            if len(owners) == 1:
                sets.union(a.id, owners.pop())
            elif not owners:
                unexplained[(a.type, a.text)].append(a.id)
        for (kind, text), ids in unexplained.items():
            for other in ids[1:]:
                sets.union(ids[0], other)
            same = spelled.get((kind, latin_tokens(text)))  # MVNOS and MVNOs
            if same is not None:
                sets.union(ids[0], same)

    def _translations(self, nodes: Sequence[_Node], sets: _Sets) -> None:
        by_story: dict[str, list[_Node]] = defaultdict(list)
        for n in nodes:
            if n.type in ("ORG", "LOC") and n.full:
                for sid in {m.story_id for m in n.mentions if m.story_id}:
                    by_story[sid].append(n)
        vectors: dict[str, object] = {}
        for group in by_story.values():
            latin = [n for n in group if is_latin(n.text) and not _is_acronym(n.text)]
            arabic = [n for n in group if not is_latin(n.text)]
            if not latin or not arabic:
                continue
            todo = [n.text for n in latin + arabic if n.text not in vectors]
            if todo:
                vectors.update(zip(todo, self.embed(todo)))
            sim = {(a.id, b.id): float(vectors[a.text] @ vectors[b.text]) for a in latin for b in arabic
                   if a.type == b.type}
            for a in latin:
                scored = [(v, bid) for (aid, bid), v in sim.items() if aid == a.id]
                if not scored:
                    continue
                best, bid = max(scored)
                back = max((v, aid) for (aid, b2), v in sim.items() if b2 == bid)
                if best >= self.translation_similarity and back[1] == a.id:
                    sets.union(a.id, bid)

    # -- records -----------------------------------------------------------------------

    def _records(self, nodes, node_of, sets: _Sets) -> Resolution:
        clusters: dict[int, list[_Node]] = defaultdict(list)
        for n in nodes:
            clusters[sets.find(n.id)].append(n)
        out = Resolution()
        used: set[str] = set()
        for members in sorted(clusters.values(), key=lambda ms: min(
                (m.article_id, m.index) for n in ms for m in n.mentions)):
            entity = _entity(members)
            if entity.id in used:
                # Two entities that share their canonical name (kept apart on purpose, e.g.
                # two men of one name in one article): the later one gets a suffixed id.
                first = min((m.article_id, m.index) for n in members for m in n.mentions)
                entity = replace(entity, id="e" + digest(entity.type, entity.id, *map(str, first)))
            used.add(entity.id)
            out.entities.append(entity)
            for n in members:
                for m in n.mentions:
                    out.entity_of[m.article_id, m.index] = entity.id
                    out.keys[m.article_id, m.index] = " ".join(n.tokens)
        out.entities.sort(key=lambda e: (-len(e.article_ids), e.id))
        return out


def _needs_romanization(nodes: Sequence[_Node]) -> bool:
    return any(n.type == "PER" and is_latin(n.text) for n in nodes)


def _block_keys(n: _Node, romanize: bool = False) -> list[tuple]:
    if n.alias is not None:
        return [("alias", n.alias.id)]
    keys: list[tuple] = [("tokens", n.type, n.tokens)]
    if n.type == "LOC":
        keys += [("place", p) for p in places.place_ids(n.text, clitics=True)]
    last = n.tokens[-1]
    if is_latin(n.text):
        keys.append(("across", n.type, latin_as_arabic_skeleton(last)))
    else:
        keys.append(("skeleton", n.type, skeleton(last)))
        keys.append(("sound", n.type, loose_skeleton(last)))
        # Across scripts the article is dropped (الزبيدي ~ Zubaidi); these blocks only ever
        # pair an Arabic name with a Latin one.
        keys.append(("across", n.type, loose_skeleton(_bare(last))))
        keys.append(("joined", n.type, "".join(n.tokens)))
        # Foreign names spelled for Persian, Urdu or Kurdish readers, or with particles
        # joined or dropped (لیونارڈو ڈا ونچی / ليوناردو دافينشي), meet by their sound.
        sound = sound_key(n.tokens)
        if len(sound) >= MIN_SOUND:
            keys.append(("foreign", n.type, sound))
        if n.type == "PER" and romanize and len(n.tokens) <= MAX_ROMANIZED_PARTS:
            from rasid.resolve.script import romanize as roman_of  # known names cross this way

            roman = latin_tokens(roman_of(n.text))
            if roman:
                keys.append(("sound", n.type, latin_as_arabic_skeleton(roman[-1])))
    return keys


def _split(block: list[_Node], limit: int) -> Iterable[list[_Node]]:
    if len(block) <= limit:
        yield block
        return
    by_first: dict[str, list[_Node]] = defaultdict(list)
    for n in block:
        by_first[skeleton(n.tokens[0])[:2]].append(n)
    for group in by_first.values():
        if len(group) <= limit:
            yield group
            continue
        # Still too big: overlapping windows in name order, so every node meets the names
        # that sort near it (its spelling variants) at a bounded cost.
        group = sorted(group, key=lambda n: n.tokens)
        step = max(1, limit // 2)
        for i in range(0, len(group) - step, step):
            yield group[i:i + limit]


def _owners(part: str, candidates: Iterable[int], by_id, sets: _Sets) -> set[int]:
    """Clusters of full names in `candidates` that `part` can stand for: their last part
    (a surname), or a single given name matched exactly."""
    from rasid.resolve.names import cross_script_match, latin_token_match

    found = set()
    part_latin = bool(re.fullmatch(r"[a-z]+", part))
    for nid in candidates:
        node = by_id[nid]
        last = node.tokens[-1]
        node_latin = is_latin(node.text)
        if part_latin and node_latin:
            hit = latin_token_match(part, last)
        elif part_latin:
            hit = cross_script_match(" ".join(node.text.split()[-1:]), (part,))
        elif node_latin:
            hit = False  # an Arabic lone surname is not read against a Latin full name
        else:
            hit = part == last or _bare(part) == _bare(last) or (
                skeleton(part) == skeleton(last) and len(skeleton(part)) >= 3)
        if hit:
            found.add(sets.find(nid))
    return found


def _is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}", text))


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _INITIAL_SKIP]
    return "".join(w[0].upper() for w in words)


def _bare(token: str) -> str:
    return token[2:] if token.startswith("ال") and len(token) > 4 else token


def _weak(token: str) -> str:
    """Consonants only, long vowels gone: فؤاد and فايد -> 'فد'; محمد and احمد stay apart."""
    s = re.sub(r"[هة]$", "", token).translate(_WEAK).translate(_SKELETON_ONLY)
    return re.sub(r"(.)\1+", r"\1", s)


_SKELETON_ONLY = str.maketrans({"ط": "ت", "ص": "س", "ض": "د", "ظ": "ز", "ذ": "ز", "ث": "س",
                                "ق": "ك", "ح": "ه", "أ": None, "إ": None, "آ": None})


def _garbled(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b) or a == b:
        return False
    exact = sum(x == y for x, y in zip(a, b))
    return exact >= 1 and all(x == y or (_weak(x) == _weak(y) and len(_weak(x)) >= 2)
                              for x, y in zip(a, b))


def _entity(members: list[_Node]) -> Entity:
    types = Counter()
    texts = Counter()
    alias = next((n.alias for n in members if n.alias is not None), None)
    article_ids, story_ids, roles = set(), set(), {}
    for n in members:
        types[n.type] += len(n.mentions)
        if not n.title_only:  # «الرئيس السوري» names him on a date; it is not his name
            texts.update(n.texts)
        for m in n.mentions:
            article_ids.add(m.article_id)
            if m.story_id:
                story_ids.add(m.story_id)
            if m.role:
                key = (" ".join(name_tokens(m.role, clitics=False)), m.published)
                role = Role(m.role, m.published, m.article_id)
                if key not in roles or (role.article_id, role.title) < (roles[key].article_id, roles[key].title):
                    roles[key] = role
    kind = alias.type if alias else types.most_common(1)[0][0]
    full = [n for n in members if n.full] or [n for n in members if not n.title_only] or members
    arabic = Counter({t: c for n in full for t, c in n.texts.items() if not is_latin(t)})
    latin = Counter({t: c for n in full for t, c in n.texts.items() if is_latin(t)})
    first_seen: dict[str, str] = {}
    for n in members:
        for m in n.mentions:
            if m.published and (m.text not in first_seen or m.published < first_seen[m.text]):
                first_seen[m.text] = m.published
    name_ar = alias.name_ar if alias else _best(arabic, first_seen) or _best(texts, first_seen)
    name_latin = alias.name_latin if alias else _best(latin, first_seen) or _latin_name(name_ar, kind)
    canonical = alias.id if alias else min(
        (" ".join(n.tokens) for n in full), key=lambda k: (-sum(
            len(n.mentions) for n in full if " ".join(n.tokens) == k), k))
    return Entity(
        id="e" + digest(kind, canonical), type=kind, name_ar=name_ar, name_latin=name_latin,
        variants=tuple(t for t, _ in sorted(texts.items(), key=lambda x: (-x[1], x[0]))),
        roles=tuple(sorted(roles.values(), key=lambda r: (r.date or "", r.title))),
        article_ids=tuple(sorted(article_ids)), story_ids=tuple(sorted(story_ids)),
        aliases=(alias.id,) if alias else (),
    )


def _best(counts: Counter, first_seen: dict[str, str]) -> str:
    if not counts:
        return ""
    from rasid.resolve.known import is_known

    # The most used spelling; among equals the one made of known name words (not a
    # garble), then the one published first (copies garble, originals come first),
    # then the longest (the fullest form of the name).
    def rank(item):
        text, count = item
        known = sum(is_known(t) for t in name_tokens(text))
        first = first_seen.get(text, "9999")
        return (-count, -known, first, -len(text), text)
    return min(counts.items(), key=rank)[0]


def _latin_name(name_ar: str, kind: str) -> str:
    """A Latin name known without guessing: the name itself, or a place's English name.
    People's names are romanized when shown (`latin_name`), not on every resolution."""
    if not name_ar or is_latin(name_ar):
        return name_ar
    if kind == "LOC":
        return places.english_name(name_ar)
    return ""


def latin_name(entity: Entity) -> str:
    """The entity's Latin name, romanizing a person's Arabic name when none is known."""
    if entity.name_latin or entity.type != "PER" or not entity.name_ar:
        return entity.name_latin
    if len(name_tokens(entity.name_ar)) > MAX_ROMANIZED_PARTS:
        return ""
    from rasid.resolve.names import HONORIFICS, fold_arabic
    from rasid.resolve.script import romanize

    words = entity.name_ar.split()
    while len(words) > 1 and fold_arabic(words[0]) in HONORIFICS:
        words = words[1:]  # the title is not part of the name: no "Sheikh …" in Latin
    return romanize(" ".join(words), model=False)
