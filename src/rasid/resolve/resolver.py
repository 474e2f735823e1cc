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
`stage.py` reads and writes the store. `resolve` decides every mention of an archive;
`update` decides only the re-read ones, with the other mentions of the entities they may
join given as `KeptForm`s (their earlier entity held, their spellings summed), and returns
only the entities that changed.
"""
from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from rasid.ids import digest
from rasid.model import Entity, Role
from rasid.resolve import aliases, places
from rasid.resolve.names import (MAX_ROMANIZED_PARTS, MIN_LOOSE, MIN_SOUND, NameMatcher,
                                 foreign_letters, is_latin, latin_as_arabic_skeleton, latin_tokens,
                                 loose_skeleton, name_tokens, skeleton, sound_key)

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


@dataclass(frozen=True, slots=True)
class KeptForm:
    """One spelling of an entity an earlier run resolved, summed over its mentions in the
    articles an incremental run does not read again. Such mentions stay with their entity
    (what joined them has not changed); the form is only a name new names may match, and
    what the entity's record is rebuilt from if it changes."""
    entity: str
    text: str
    type: str
    title: bool                    # the mention's text is its own role (a title for a person)
    count: int
    published: str | None          # the first date it was used on
    first: tuple[str, int]         # its first mention: (article id, index)
    roles: tuple[tuple[str, str | None, str], ...] = ()   # (title, date, first article id)


@dataclass
class Resolution:
    entity_of: dict[tuple[str, int], str] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    keys: dict[tuple[str, int], str] = field(default_factory=dict)  # folded name per mention
    # (lookup key, entity id): what a later incremental run asks the store to find the
    # entities a new article's names may join (see `lookup_keys`)
    index: list[tuple[str, str]] = field(default_factory=list)
    # Incremental runs: the earlier entities whose records are rewritten (or gone), and the
    # entity each one's kept mentions now belong to.
    replaced: set[str] = field(default_factory=set)
    renamed: dict[str, str | None] = field(default_factory=dict)   # None: unlinked


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
    kept_forms: list[KeptForm] = field(default_factory=list)
    kept: bool = True    # only kept forms: nothing of it is read again in this run
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
        self.kept = False
        self._text = self._full = None

    def add_kept(self, f: KeptForm) -> None:
        self.texts[f.text] += f.count
        self.kept_forms.append(f)
        self._title_only = self._title_only and f.title
        self._text = self._full = None

    @property
    def count(self) -> int:
        return len(self.mentions) + sum(f.count for f in self.kept_forms)

    @property
    def first(self) -> tuple[str, int]:
        return min([(m.article_id, m.index) for m in self.mentions] + [f.first for f in self.kept_forms])

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
    version = "2"   # 2: short sound keys stored by bare spelling and script (`_stored_key`)

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
        """Entities for every mention of an archive."""
        return self._resolve(mentions)

    def update(self, mentions: Iterable[MentionRef], kept: Iterable[KeptForm],
               was: dict[tuple[str, int], str] | None = None,
               together: Callable[[set[str], set[str]], bool] | None = None,
               existing: Callable[[set[str]], set[str]] | None = None) -> Resolution:
        """An incremental run. `mentions` are every mention of the articles read again (the
        changed articles' whole stories: names are read within their story); `kept` are the
        forms of every entity those names may join, summed over their other mentions; `was`
        the entity each of `mentions` had before, if any. Only entities that gain or lose
        mentions, or merge, are returned (`replaced` lists the earlier ones they rewrite).

        Lookups the checks need, answered by the store: `together` (whether two sets of
        entities are named in one kept article: two names side by side are two people) and
        `existing` (which of these ids an entity holds, so none is given twice)."""
        return self._resolve(mentions, list(kept), dict(was or {}), together, existing, incremental=True)

    def _resolve(self, mentions, kept=(), was=None, together=None, existing=None,
                 incremental: bool = False) -> Resolution:
        nodes, node_of = self._nodes(mentions, kept)
        sets = _Sets()
        self._keep(nodes, sets)
        romanize = _needs_romanization(nodes) if self.romanize is None else self.romanize
        self._match_names(nodes, sets, romanize=romanize)
        self._renamings(nodes, node_of, sets)
        self._garbles(nodes, sets, together)   # before lone surnames: a garble is not a second man
        self._short_names(nodes, node_of, sets)
        named_titles = self._titles(nodes, sets)
        if was:
            self._follow_holders(nodes, node_of, sets, was)
        self._acronyms(nodes, sets)
        if self.embed is not None:
            self._translations(nodes, sets)
        named = [n for n in nodes if not n.title_only or n.id in named_titles]
        if not incremental:
            return self._records(named, sets, romanize)
        return self._changed_records(named, sets, romanize, set((was or {}).values()), existing)

    def lookup_keys(self, mentions: Iterable[MentionRef]) -> set[str]:
        """The index keys under which the store finds the entities these mentions may join:
        the name blocks of full names, and lone names, acronyms and titles by their words."""
        nodes, _ = self._nodes(mentions)
        romanize = _needs_romanization(nodes) if self.romanize is None else self.romanize
        keys: set[str] = set()
        for n in nodes:
            keys.update(_key_text(k) for k in _lookup_keys(n, romanize))
        return keys

    # -- what an earlier run decided ---------------------------------------------------

    @staticmethod
    def _keep(nodes: Sequence[_Node], sets: _Sets) -> None:
        """Kept mentions stay with the entity an earlier run gave them: what joined them
        (names, their own articles and stories) has not changed. New names can still join
        such an entity, by every pass below."""
        first: dict[str, int] = {}
        for n in nodes:
            for f in n.kept_forms:
                sets.union(n.id, first.setdefault(f.entity, n.id))

    @staticmethod
    def _follow_holders(nodes, node_of, sets: _Sets, was: dict[tuple[str, int], str]) -> None:
        """A kept title (an unchanged article's «الوزير» that an earlier run gave its holder)
        whose holder's names were all read again follows them to the entity they are in now,
        when they are all in one: the holder still has that title on that date."""
        now: dict[str, set[int]] = defaultdict(set)     # earlier entity -> roots of its names now
        for key, entity in was.items():
            node = node_of.get(key)
            if node is not None and not node.title_only:
                now[entity].add(sets.find(node.id))
        named = {sets.find(n.id) for n in nodes if not n.title_only}
        for n in nodes:
            if n.kept and n.title_only and sets.find(n.id) not in named:
                roots = {sets.find(r) for f in n.kept_forms for r in now.get(f.entity, ())}
                if len(roots) == 1:
                    sets.union(n.id, roots.pop())

    # -- forms ---------------------------------------------------------------------

    def _nodes(self, mentions: Iterable[MentionRef], kept: Iterable[KeptForm] = ()):
        by_key: dict[tuple, _Node] = {}
        node_of: dict[tuple[str, int], _Node] = {}

        def node_for(text: str, type: str, title: bool, scope: str) -> _Node | None:
            tokens = name_tokens(text)
            if not tokens:
                return None
            alias = aliases.lookup(text, clitics=True)
            kind = alias.type if alias is not None else type
            key = ("alias", alias.id) if alias is not None else (kind, tokens)
            if title:
                key = ("title", tokens, scope)   # resolved by date in _titles
            elif alias is None and (kind == "PER" and len(tokens) == 1 or _is_acronym(text)):
                # A lone surname or an acronym is read in its own story: الشرع in 2012 and
                # in 2025 may be two men, BOC two companies; each story's use is resolved
                # separately (and uses no full name explains are joined by spelling).
                key = (kind, tokens, scope)
            node = by_key.get(key)
            if node is None:
                if alias is not None:  # every form of an alias has the alias's own key
                    tokens = name_tokens(alias.name_ar) or tokens
                node = by_key[key] = _Node(len(by_key), kind, tokens, alias=alias)
            return node

        for m in mentions:
            title = m.role is not None and m.role == m.text
            node = node_for(m.text, m.type, title, m.article_id if title else m.story_id or m.article_id)
            if node is not None:
                node.add(m)
                node_of[m.article_id, m.index] = node
        for f in kept:
            # a kept title or lone name stays in its own entity's node (its article or story
            # is not read again); a full name shares its node with new uses of the spelling
            node = node_for(f.text, f.type, f.title, "\x00" + f.entity)
            if node is not None:
                node.add_kept(f)
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
            if all(n.kept for n in block):
                continue   # kept names were compared by the run that kept them
            if key[0] == "across":
                # Cross-script blocks only ever pair an Arabic name with a Latin one.
                latin = [n for n in block if is_latin(n.text)][: self.max_block]
                arabic = [n for n in block if not is_latin(n.text)][: self.max_block] if latin else []
                pairs = ((a, b) for a in latin for b in arabic if not (a.kept and b.kept))
            else:
                pairs = (pair for group in _split(block, self.max_block) for pair in _pairs(group))
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
        kept_full = _by_kept_entity(n for n in nodes if n.full and n.type == "PER")
        for n in nodes:
            if n.full or n.type != "PER" or n.title_only:
                continue
            if n.kept:
                # Decided in its own unchanged story. A lone name no full name explained (its
                # entity has none it can stand for) still meets new uses of its spelling below.
                if not any(_stands_for(n.tokens[0], f) for f in _of_kept_entities(n, kept_full)):
                    unresolved[(n.type,) + n.tokens].append(n.id)
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
                for f in n.kept_forms:
                    for title, when, _ in f.roles:
                        if when and title != f.text:
                            by_title[_words(title)].append((when, n.id))
        named: set[int] = set()
        for n in nodes:
            if not n.title_only:
                continue
            if n.kept:           # an earlier run found its holder (else it had no entity)
                named.add(n.id)
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

    def _garbles(self, nodes: Sequence[_Node], sets: _Sets, together=None) -> None:
        in_story: dict[str, list[_Node]] = defaultdict(list)
        articles: dict[int, set[str]] = {}   # root -> articles its names appear in
        kept: dict[int, set[str]] = {}       # root -> earlier entities whose names it holds
        for n in nodes:
            if n.full and n.type == "PER" and len(n.tokens) >= 2:
                for sid in sorted({m.story_id for m in n.mentions if m.story_id}):
                    in_story[sid].append(n)
            if n.full and n.type == "PER":
                root = sets.find(n.id)
                articles.setdefault(root, set()).update(m.article_id for m in n.mentions)
                kept.setdefault(root, set()).update(f.entity for f in n.kept_forms)
        for sid in sorted(in_story):
            group = sorted(in_story[sid], key=lambda n: (n.tokens, n.id))
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    ra, rb = sets.find(a.id), sets.find(b.id)
                    # Two names side by side in one article are two people.
                    if ra == rb or articles.get(ra, set()) & articles.get(rb, set()):
                        continue
                    if not _garbled(a.tokens, b.tokens):
                        continue
                    if together is not None and kept.get(ra) and kept.get(rb) and together(kept[ra], kept[rb]):
                        continue
                    sets.union(a.id, b.id)
                    root = sets.find(a.id)
                    articles[root] = articles.pop(ra, set()) | articles.pop(rb, set())
                    kept[root] = kept.pop(ra, set()) | kept.pop(rb, set())

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
        kept_orgs = _by_kept_entity(n for n in nodes
                                    if n.type == "ORG" and is_latin(n.text) and not _is_acronym(n.text))
        for a in nodes:
            if a.full or not _is_acronym(a.text):
                continue
            if a.kept:   # decided in its unchanged story; unexplained, it meets its spelling
                if not any(_initials(o.text) == a.text for o in _of_kept_entities(a, kept_orgs)):
                    unexplained[(a.type, a.text)].append(a.id)
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
            if all(n.kept for n in group):
                continue
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

    def _records(self, nodes, sets: _Sets, romanize: bool = False) -> Resolution:
        out = Resolution()
        used: set[str] = set()
        for members in _clusters(nodes, sets):
            entity = _entity(members)
            if entity.id in used:
                entity = _suffixed(entity, members)
            used.add(entity.id)
            self._emit(out, entity, members, romanize)
        mentions = Counter(out.entity_of.values())
        out.entities.sort(key=lambda e: (-mentions[e.id], e.id))   # the most mentioned first
        return out

    def _changed_records(self, nodes, sets: _Sets, romanize: bool, lost: set[str], existing) -> Resolution:
        """An incremental run's records: only entities that gained or lost mentions, or that
        merge earlier ones, are built again; an earlier entity this run only read as a
        candidate keeps its record."""
        out = Resolution()
        changed: list[tuple[list[_Node], set[str]]] = []
        for members in _clusters(nodes, sets):
            earlier = {f.entity for n in members for f in n.kept_forms}
            if any(n.mentions for n in members) or len(earlier) > 1 or earlier & lost:
                out.replaced |= earlier
                if all(n.title_only for n in members):
                    # titles whose holder's names all left: a whole run would find them no
                    # holder in their own articles, so they name no one
                    out.renamed.update(dict.fromkeys(earlier))
                    continue
                changed.append((members, earlier))
        out.replaced |= lost        # an earlier entity of only re-read mentions may be gone
        built = [(_entity(ms), ms, ea) for ms, ea in changed]
        held = existing({e.id for e, _, _ in built}) - out.replaced if existing else set()
        used: set[str] = set()
        for entity, members, earlier in built:
            if entity.id in used or entity.id in held:
                entity = _suffixed(entity, members)
            used.add(entity.id)
            self._emit(out, entity, members, romanize)
            out.renamed.update(dict.fromkeys(earlier, entity.id))
        return out

    @staticmethod
    def _emit(out: Resolution, entity: Entity, members: list[_Node], romanize: bool) -> None:
        out.entities.append(entity)
        index: set[str] = set()
        for n in members:
            index.update(_key_text(k) for k in _index_keys(n, romanize))
            for m in n.mentions:
                out.entity_of[m.article_id, m.index] = entity.id
                out.keys[m.article_id, m.index] = " ".join(n.tokens)
        out.index.extend((k, entity.id) for k in sorted(index))


def _by_kept_entity(nodes: Iterable[_Node]) -> dict[str, list[_Node]]:
    """Nodes by the earlier entities whose kept forms they hold (read before a pass joins
    anything: what an earlier run decided, not a union-find root that moves as it goes)."""
    out: dict[str, list[_Node]] = defaultdict(list)
    for n in nodes:
        for e in {f.entity for f in n.kept_forms}:
            out[e].append(n)
    return out


def _of_kept_entities(n: _Node, by_entity: dict[str, list[_Node]]) -> list[_Node]:
    return [m for e in {f.entity for f in n.kept_forms} for m in by_entity.get(e, ())]


def _clusters(nodes, sets: _Sets) -> list[list[_Node]]:
    """Nodes by entity, in order of each entity's first mention."""
    clusters: dict[int, list[_Node]] = defaultdict(list)
    for n in nodes:
        clusters[sets.find(n.id)].append(n)
    return sorted(clusters.values(), key=lambda ms: min(n.first for n in ms))


def _suffixed(entity: Entity, members: list[_Node]) -> Entity:
    """Two entities that share their canonical name (kept apart on purpose, e.g. two men of
    one name in one article): the later one gets an id suffixed by its first mention."""
    first = min(n.first for n in members)
    return replace(entity, id="e" + digest(entity.type, entity.id, *map(str, first)))


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


def _index_keys(n: _Node, romanize: bool) -> list[tuple]:
    """The keys an entity is found by, for each of its name forms (see `_lookup_keys`)."""
    from rasid.resolve.roles import _words

    if n.title_only:
        return []            # a title is found by its holders' roles
    keys = [r for k in _block_keys(n, romanize) for r in _stored_key(k, n, own=True)] if n.full else []
    if _is_acronym(n.text) and n.alias is None:
        keys.append(("acronym", n.type, n.text))
    elif n.type == "PER" and not n.full:
        keys.append(("lone", n.type, n.tokens))
    if n.type == "PER" and n.full:
        keys += [("title", *_words(m.role)) for m in n.mentions if m.role and m.role != m.text]
        keys += [("title", *_words(title)) for f in n.kept_forms for title, _, _ in f.roles if title != f.text]
    return keys


def _lookup_keys(n: _Node, romanize: bool) -> list[tuple]:
    """The keys under which a changed article's name form finds the entities it may join: a
    full name meets the names of its blocks; a lone name or an acronym meets the same
    spelling elsewhere (and an acronym the name it spells out); a title meets its holders."""
    from rasid.resolve.roles import _words

    if n.title_only:
        return [("title", *_words(n.mentions[0].text))]
    keys = [r for k in _block_keys(n, romanize) for r in _stored_key(k, n, own=False)] if n.full else []
    if _is_acronym(n.text) and n.alias is None:
        keys += [("acronym", n.type, n.text), ("tokens", n.type, latin_tokens(n.text))]
    elif n.type == "PER" and not n.full:
        keys.append(("lone", n.type, n.tokens))
    return keys


def _stored_key(key: tuple, n: _Node, own: bool) -> list[tuple]:
    """How a block key is written in the entity index (`own`: the keys an entity is stored
    under) or asked of it (a changed name's), so that an ingest fetches the entities a whole
    run could join to its names, not every entity of their blocks.

    A short sound key (a surname of one or two consonants once its vowels and weak letters
    go: علي, سالم, حسين) gathers thousands of entities as an archive grows: at 100,000
    articles a small ingest fetched 37,376 entities, 93% of them by sound keys, 1,387 under
    «ل» alone. Two different words whose loose skeletons are that short never match as
    Arabic words (`token_match` needs MIN_LOOSE letters), so such a block only ever joins the
    same word with and without its article (the bare spelling) or a name written with
    non-Arabic letters (ماریو رسی / ماريو روسي) to any other: a name is stored under those
    two and asks only what it could join (23,838 entities fetched then). The whole run's
    blocks are unchanged."""
    if key[0] != "sound" or len(key[2]) >= MIN_LOOSE:
        return [_script_side(key, n, own)]
    foreign = any(foreign_letters(t) for t in n.texts)
    keys = [(*key, "bare", _bare(n.tokens[-1]))]
    if own:
        return keys + [(*key, "foreign" if foreign else "arabic")]
    return keys + [(*key, "foreign")] + ([(*key, "arabic")] if foreign else [])


def _script_side(key: tuple, n: _Node, own: bool) -> tuple:
    """A cross-script block only ever pairs an Arabic name with a Latin one, so an entity is
    indexed under its own script and a name looks under the other: an Arabic name does not
    fetch every Arabic entity whose surname sounds like its own."""
    if key[0] != "across":
        return key
    latin = is_latin(n.text)
    return (*key, "latin" if latin == own else "arabic")


def _key_text(key: tuple) -> str:
    return json.dumps(key, ensure_ascii=False, separators=(",", ":"))


def _pairs(group: list[_Node]) -> Iterable[tuple[_Node, _Node]]:
    """Every pair of a group but those of two kept names (an incremental run: those were
    compared when they were kept), without walking the kept pairs."""
    fresh = [n for n in group if not n.kept]
    if len(fresh) == len(group):
        return ((a, b) for i, a in enumerate(group) for b in group[i + 1:])
    kept = [n for n in group if n.kept]
    return itertools.chain(((a, b) for i, a in enumerate(fresh) for b in fresh[i + 1:]),
                           ((a, b) for a in fresh for b in kept))


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
    return {sets.find(nid) for nid in candidates if _stands_for(part, by_id[nid])}


def _stands_for(part: str, node: _Node) -> bool:
    """Whether a lone name can stand for this full name: its last part (a surname), or a
    single given name matched exactly."""
    from rasid.resolve.names import cross_script_match, latin_token_match

    part_latin = bool(re.fullmatch(r"[a-z]+", part))
    last = node.tokens[-1]
    node_latin = is_latin(node.text)
    if part_latin and node_latin:
        return latin_token_match(part, last)
    if part_latin:
        return cross_script_match(" ".join(node.text.split()[-1:]), (part,))
    if node_latin:
        return False  # an Arabic lone surname is not read against a Latin full name
    return part == last or _bare(part) == _bare(last) or (
        skeleton(part) == skeleton(last) and len(skeleton(part)) >= 3)


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
    """The record of one entity. Kept forms (an incremental run) count by their sums. Where
    it appears is not part of it: the mentions it is linked to say so (`entity_of`), and the
    store reads its articles and stories from them."""
    types = Counter()
    texts = Counter()
    alias = next((n.alias for n in members if n.alias is not None), None)
    roles = {}

    def add_role(title: str, date: str | None, article_id: str) -> None:
        key = (" ".join(name_tokens(title, clitics=False)), date)
        role = Role(title, date, article_id)
        if key not in roles or (role.article_id, role.title) < (roles[key].article_id, roles[key].title):
            roles[key] = role

    for n in members:
        types[n.type] += n.count
        if not n.title_only:  # «الرئيس السوري» names him on a date; it is not his name
            texts.update(n.texts)
        for m in n.mentions:
            if m.role:
                add_role(m.role, m.published, m.article_id)
        for f in n.kept_forms:
            for title, date, article_id in f.roles:
                add_role(title, date, article_id)
    kind = alias.type if alias else types.most_common(1)[0][0]
    full = [n for n in members if n.full] or [n for n in members if not n.title_only] or members
    arabic = Counter({t: c for n in full for t, c in n.texts.items() if not is_latin(t)})
    latin = Counter({t: c for n in full for t, c in n.texts.items() if is_latin(t)})
    first_seen: dict[str, str] = {}
    for n in members:
        for text, published in [(m.text, m.published) for m in n.mentions] + [
                (f.text, f.published) for f in n.kept_forms]:
            if published and (text not in first_seen or published < first_seen[text]):
                first_seen[text] = published
    name_ar = alias.name_ar if alias else _best(arabic, first_seen) or _best(texts, first_seen)
    name_latin = alias.name_latin if alias else _best(latin, first_seen) or _latin_name(name_ar, kind)
    canonical = alias.id if alias else min(
        (" ".join(n.tokens) for n in full), key=lambda k: (-sum(
            n.count for n in full if " ".join(n.tokens) == k), k))
    return Entity(
        id="e" + digest(kind, canonical), type=kind, name_ar=name_ar, name_latin=name_latin,
        variants=tuple(t for t, _ in sorted(texts.items(), key=lambda x: (-x[1], x[0]))),
        roles=tuple(sorted(roles.values(), key=lambda r: (r.date or "", r.title))),
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
