"""NER with a HuggingFace token-classification model, for users who have one.

Optional: torch and transformers are imported only when a `TransformersTagger` is built,
so the rest of rasid never needs them. Nothing is downloaded unless the caller says so.

Long texts are cut into overlapping windows of the model's maximum length; a token seen
in two windows keeps the prediction from the window where it has more context. A word
takes the label of its first sub-token, the usual convention of fine-tuned NER models.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

from rasid.errors import ModelError
from rasid.extract.entities.base import TYPES, coarse_type
from rasid.model import Mention, Span

_INSTALL = "pip install torch transformers"
_PREFIXES = ("B-", "I-", "E-", "S-", "L-", "U-")
_CLOSING = ("E-", "L-", "S-", "U-")  # BIOES/BILOU tags after which a mention cannot go on
# Position ids of these start after the padding index, so fewer positions are usable.
_SHIFTED_POSITIONS = {"roberta", "xlm-roberta", "camembert"}
# a text's tokens by (start, end): (context, word id, label id, probability mass per type)
_Tokens = dict[tuple[int, int], tuple[int, int, int, np.ndarray]]


class TransformersTagger:
    """Tags PER, ORG and LOC with a token-classification model on the CPU.

    `model` is a directory written by `save_pretrained` or a hub name; with
    `local_files_only` (the default) a hub name must already be in the local cache.
    """

    def __init__(self, model: str | Path, *, local_files_only: bool = True,
                 batch_size: int = 8, max_length: int | None = None,
                 stride: int | None = None) -> None:
        try:
            import torch
            import transformers  # noqa: F401  (fail here, with our message, not on first use)
        except ImportError as e:
            raise ModelError(f"the transformers NER backend needs torch and transformers ({e}); "
                             f"install them with: {_INSTALL}") from e
        source = str(model)
        path = Path(source).expanduser()
        if not path.is_dir() and (isinstance(model, Path) or path.is_absolute()
                                  or source.startswith((".", "~"))):
            raise ModelError(f"no model directory at {path}: give a directory written by "
                             "save_pretrained (config.json, weights, tokenizer.json) or a hub name")
        tokenizer, net = _load(str(path) if path.is_dir() else source, local_files_only)
        if not getattr(tokenizer, "is_fast", False):
            raise ModelError(f"{source}: the tokenizer has no fast (Rust) version, which rasid needs "
                             "for character offsets; save the model with a tokenizer.json")

        labels = [net.config.id2label[i] for i in range(net.config.num_labels)]
        self._labels = labels
        # label id x coarse type, so one matrix product gives each token's mass per type
        self._mass = np.array([[coarse_type(lab) == t for t in TYPES] for lab in labels], float)
        if not self._mass.any():
            raise ModelError(f"{source}: none of the model's labels ({', '.join(labels)}) "
                             "names a person, organisation or place")

        limit = int(getattr(net.config, "max_position_embeddings", 0) or tokenizer.model_max_length)
        if net.config.model_type in _SHIFTED_POSITIONS:
            limit -= int(net.config.pad_token_id or 0) + 1
        self.max_length = min(max_length or limit, limit, tokenizer.model_max_length)
        room = self.max_length - tokenizer.num_special_tokens_to_add()
        if room < 2:
            raise ModelError(f"{source}: max_length {self.max_length} leaves no room for text")
        self.stride = max(0, min(stride if stride is not None else room // 4, room - 1))
        self.batch_size = max(1, batch_size)
        self.name = f"ner/hf:{path.resolve().name if path.is_dir() else source}"
        self._torch = torch
        self._tokenizer = tokenizer
        self._net = net.eval()

    def tag(self, text: str) -> list[Mention]:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        it = iter(texts)
        while chunk := list(islice(it, self.batch_size)):
            yield from self._tag_chunk(chunk)

    def _tag_chunk(self, texts: list[str]) -> list[list[Mention]]:
        todo = [i for i, t in enumerate(texts) if t.strip()]
        out: list[list[Mention]] = [[] for _ in texts]
        if not todo:
            return out
        enc = self._tokenizer([texts[i] for i in todo], truncation=True, max_length=self.max_length,
                              stride=self.stride, return_overflowing_tokens=True,
                              return_offsets_mapping=True)
        probs = self._predict(enc["input_ids"])
        tokens: list[_Tokens] = [{} for _ in todo]
        for w, sample in enumerate(enc["overflow_to_sample_mapping"]):
            words = enc.word_ids(w)
            inside = [j for j, word in enumerate(words) if word is not None]
            if not inside:
                continue
            first, last = inside[0], inside[-1]
            mass = probs[w] @ self._mass
            seen = tokens[sample]
            for j in inside:
                start, end = enc["offset_mapping"][w][j]
                if start >= end:
                    continue
                context = min(j - first, last - j)
                if (start, end) not in seen or seen[(start, end)][0] < context:
                    seen[(start, end)] = (context, words[j], int(probs[w][j].argmax()), mass[j])
        for sample, i in enumerate(todo):
            out[i] = self._mentions(texts[i], tokens[sample])
        return out

    def _predict(self, windows: list[list[int]]) -> list[np.ndarray]:
        """Label probabilities for each window's tokens, batched by similar length."""
        torch = self._torch
        pad = self._tokenizer.pad_token_id or 0
        result: list[np.ndarray] = [np.empty(0)] * len(windows)
        order = sorted(range(len(windows)), key=lambda w: len(windows[w]))
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                batch = order[b:b + self.batch_size]
                width = max(len(windows[w]) for w in batch)
                ids = torch.full((len(batch), width), pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for row, w in enumerate(batch):
                    ids[row, :len(windows[w])] = torch.tensor(windows[w])
                    mask[row, :len(windows[w])] = 1
                logits = self._net(input_ids=ids, attention_mask=mask).logits
                p = torch.softmax(logits.float(), dim=-1).numpy()
                for row, w in enumerate(batch):
                    result[w] = p[row, :len(windows[w])]
        return result

    def _mentions(self, text: str, tokens: _Tokens) -> list[Mention]:
        # A word ends where the tokenizer's word id changes or at a gap in the text, so a
        # tokenizer without word boundaries still cannot join pieces across spaces.
        words: list[list] = []  # [start, end, label of first piece, [(start, end, mass)]]
        prev_word, prev_end = None, -1
        for (start, end), (_, word, label, mass) in sorted(tokens.items()):
            if words and word == prev_word and start <= prev_end:
                words[-1][1] = end
                words[-1][3].append((start, end, mass))
            else:
                words.append([start, end, self._labels[label], [(start, end, mass)]])
            prev_word, prev_end = word, end
        mentions = []
        for a, b, typ in decode([w[2] for w in words]):
            start, end = _trim(text, words[a][0], words[b - 1][1])
            if start == end:
                continue
            k = TYPES.index(typ)
            masses = [m[k] for w in words[a:b] for s, e, m in w[3] if s < end and e > start]
            mentions.append(Mention(Span(start, end), text[start:end], typ,
                                    score=round(float(np.mean(masses)), 4)))
        return mentions


def decode(labels: list[str]) -> list[tuple[int, int, str]]:
    """Word labels -> (first word, last word + 1, coarse type) of each mention.

    Tolerates what models emit in practice: an I- or E- that does not continue a mention
    of its type starts one, and bare labels ("PER", IO tagging) join like I-.
    """
    out: list[tuple[int, int, str]] = []
    open_ = False
    for i, label in enumerate(labels):
        typ = coarse_type(label)
        tag = label[:2] if label[:2] in _PREFIXES else "I-"
        if typ is None:
            open_ = False
            continue
        if open_ and out[-1][2] == typ and tag in ("I-", "E-", "L-"):
            out[-1] = (out[-1][0], i + 1, typ)
        else:
            out.append((i, i + 1, typ))
        open_ = tag not in _CLOSING
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces, punctuation and invisible marks (RLM, ZWNJ) a mention's pieces carried in."""
    def junk(ch: str) -> bool:
        return ch.isspace() or unicodedata.category(ch)[0] == "P" or unicodedata.category(ch) == "Cf"
    while start < end and junk(text[start]):
        start += 1
    while end > start and junk(text[end - 1]):
        end -= 1
    return start, end


def _load(source: str, local_files_only: bool) -> tuple[Any, Any]:
    from transformers import AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    # rasid reports its own progress: no loading bars on stderr.
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        # the model first: its error for a wrong directory (no config.json) is the clearer one
        net = AutoModelForTokenClassification.from_pretrained(source, local_files_only=local_files_only)
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_files_only)
    except Exception as e:  # the loaders raise OSError, ValueError, hub and safetensors errors alike
        hint = (" (nothing is downloaded unless local_files_only=False)" if local_files_only else "")
        detail = " ".join(str(e).split()).rstrip(".")  # one line, for the CLI's error line
        raise ModelError(f"cannot load the NER model {source!r}: {detail}. Give a directory written by "
                         f"save_pretrained, or a hub name in the local cache{hint}") from e
    finally:
        if bars:
            hf_logging.enable_progress_bar()
    return tokenizer, net
