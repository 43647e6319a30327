"""Character features for the Chinese NER tok2vec, registered as ``kg.CharFeatureEmbed.v1``.

Why a custom embed layer: spaCy's stock ``MultiHashEmbed`` only sees one token at a time
(NORM/PREFIX/SUFFIX/SHAPE all collapse to the same character for char tokens), while
character-level Chinese NER gains most from *bigrams* and *lexicon matches*.  This layer
gives each character token seven hashed features:

0. the character (full-width ASCII folded to half-width, so １９９８ and 1998 share rows)
1. the bigram ending here, 2. the bigram starting here
3. / 4. the longest word of the general jieba dictionary starting / ending here
   (coded by its POS group nr/ns/nt/nz/other and its length)
5. / 6. the longest entity string of the *training* corpus starting / ending here
   (coded by the labels it carried and its length).

The gazetteer (5/6) is built from the training entities only.  To keep the model from
trusting it blindly, training sentences see it with K-fold exclusion: a sentence in fold k
(``crc32(text) % K``) only matches entity strings also seen in another fold.  At run time
(``is_train=False``) the whole gazetteer is used.  Lexicon and gazetteer are stored in the
layer's attrs, so the saved model is self-contained (no jieba file needed at run time).

The module must be imported before a pipeline holding this layer is loaded or sourced
(``import extractors.ner`` does it).
"""
from __future__ import annotations

import json
import os
import zlib
from typing import Callable, Dict, List, Optional

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

N_FEATURES = 7
K_FOLDS = 3
LEX_MAX = 8
GAZ_MAX = 12
LABELS = ("PER", "ORG", "LOC")
# Full-width ASCII (FF01-FF5E) and the ideographic space fold to ASCII.
FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
FOLD[0x3000] = 0x20
_MUL = numpy.uint64(1000003)
_BOS = numpy.uint64(0x9E3779B97F4A7C15)


def fold(text: str) -> str:
    """Half-width form used for every feature (not for offsets: it keeps length)."""
    return text.translate(FOLD)


def _pos_group(tag: str) -> int:
    if tag.startswith("nr"):
        return 1
    if tag.startswith("ns"):
        return 2
    if tag.startswith("nt"):
        return 3
    if tag.startswith("nz"):
        return 4
    return 5


_FINE_GROUPS = (
    ("nr", 1), ("ns", 2), ("nt", 3), ("nz", 4), ("n", 5), ("v", 6), ("a", 7), ("d", 7),
    ("p", 8), ("c", 8), ("u", 8), ("m", 9), ("q", 9), ("t", 9), ("j", 11),
)


def _fine_pos_group(tag: str) -> int:
    """Eleven groups: names, places, bodies, other proper nouns, nouns, verbs, modifiers,
    function words, numbers/time, abbreviations (j: 国家教委, not tagged as ORG), the rest."""
    for prefix, group in _FINE_GROUPS:
        if tag.startswith(prefix):
            return group
    return 10


def jieba_lexicon(fine_pos: bool = False) -> Dict[str, int]:
    """General vocabulary from the installed jieba dictionary: word -> POS group, prefixes -> 0."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    lex: Dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 3:
                continue
            word = fold(parts[0])
            if not 2 <= len(word) <= LEX_MAX:
                continue
            lex[word] = _fine_pos_group(parts[2]) if fine_pos else _pos_group(parts[2])
    _add_prefixes(lex)
    return lex


def _add_prefixes(table: Dict[str, int]) -> None:
    for word in list(table):
        for j in range(2, len(word)):
            table.setdefault(word[:j], 0)


def build_gazetteer(records: List[dict]) -> Dict[str, int]:
    """Entity string -> bitmask (label index * K + fold), from training records."""
    gaz: Dict[str, int] = {}
    for rec in records:
        text = rec["text"]
        k = zlib.crc32(text.encode("utf-8")) % K_FOLDS
        for s, e, label in rec["entities"]:
            if label not in LABELS or not 2 <= e - s <= GAZ_MAX:
                continue
            key = fold(text[s:e])
            gaz[key] = gaz.get(key, 0) | (1 << (LABELS.index(label) * K_FOLDS + k))
    _add_prefixes(gaz)
    return gaz


def _fold_filter(k: int) -> Callable[[int], int]:
    """Label set (3 bits) of a gazetteer mask, ignoring fold k."""
    keep = 0
    for j in range(len(LABELS)):
        for f in range(K_FOLDS):
            if f != k:
                keep |= 1 << (j * K_FOLDS + f)

    def labels(mask: int) -> int:
        mask &= keep
        out = 0
        for j in range(len(LABELS)):
            if (mask >> (j * K_FOLDS)) & ((1 << K_FOLDS) - 1):
                out |= 1 << j
        return out

    return labels


def _labels_all(mask: int) -> int:
    out = 0
    for j in range(len(LABELS)):
        if (mask >> (j * K_FOLDS)) & ((1 << K_FOLDS) - 1):
            out |= 1 << j
    return out


def _scan(
    s: str,
    table: Dict[str, int],
    max_len: int,
    code: Callable[[int], int],
    mask: Optional[Callable[[int], int]] = None,
) -> tuple[list[int], list[int], Optional[tuple[list[int], list[int], list[int]]]]:
    """One pass over all table words in ``s`` (the table also holds their prefixes, value 0).

    Returns codes (value*16+len) of the longest word starting / ending at each position and,
    when ``mask`` is given, SoftLexicon-style bitmasks of the groups of *all* words that
    begin / are inside / end at each position.
    """
    n = len(s)
    start = [0] * n
    end = [0] * n
    b = m = e = None
    if mask is not None:
        b = [0] * n
        m = [0] * n
        e = [0] * n
    get = table.get
    for i in range(n):
        best = 0
        stop = i + max_len if i + max_len < n else n
        for j in range(i + 2, stop + 1):
            v = get(s[i:j])
            if v is None:
                break
            if v:
                c = code(v)
                if c:
                    best = c * 16 + (j - i)
                    if not end[j - 1]:
                        end[j - 1] = best
                if mask is not None:
                    bit = mask(v)
                    if bit:
                        b[i] |= bit
                        e[j - 1] |= bit
                        for k in range(i + 1, j - 1):
                            m[k] |= bit
        start[i] = best
    return start, end, (b, m, e) if mask is not None else None


def _group_bit(v: int) -> int:
    return 1 << (v - 1)


_CLAUSE_END = set("，,。；;：:！？!?、（）()“”\"《》 ")


def _cue_distance(s: str, cues: Dict[str, int]) -> list[int]:
    """Distance (1..16, 0 = none) to the nearest cue ending at or after each char, in-clause."""
    n = len(s)
    out = [0] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        ch = s[i]
        if ch in _CLAUSE_END:
            nxt = -1
            continue
        if ch in cues or (i and s[i - 1:i + 1] in cues):
            nxt = i
        if nxt >= 0:
            out[i] = min(nxt - i, 15) + 1
    return out


def build_cues(records: List[dict], label: str, min_count: int = 3, min_ratio: float = 0.25) -> Dict[str, int]:
    """Last char / last two chars that often end a `label` span in training (委, 政府, 大学...)."""
    ends: Dict[str, int] = {}
    total: Dict[str, int] = {}
    for rec in records:
        text = fold(rec["text"])
        for s, e, lab in rec["entities"]:
            if lab == label and e - s >= 2:
                for k in (1, 2):
                    if e - s > k:
                        key = text[e - k:e]
                        ends[key] = ends.get(key, 0) + 1
        for i in range(len(text)):
            for k in (1, 2):
                if i + k <= len(text):
                    key = text[i:i + k]
                    if key in ends:
                        total[key] = total.get(key, 0) + 1
    # second pass needed only for keys first seen late; recount them exactly
    total = {k: 0 for k in ends}
    for rec in records:
        text = fold(rec["text"])
        for i in range(len(text)):
            for k in (1, 2):
                key = text[i:i + k]
                if len(key) == k and key in total:
                    total[key] += 1
    return {k: 1 for k, c in ends.items() if c >= min_count and c / max(total[k], 1) >= min_ratio}


_char_ids: Dict[str, int] = {}
_orth_cache: Dict[int, tuple[str, int]] = {}


def _char_id(ch: str) -> int:
    v = _char_ids.get(ch)
    if v is None:
        v = zlib.crc32(ch.encode("utf-8")) * 2654435761 + 1
        v &= 0xFFFFFFFFFFFFFFFF
        if len(_char_ids) < 200_000:
            _char_ids[ch] = v
    return v


def _identity(v: int) -> int:
    return v


def n_columns(soft_lexicon: bool, cue_features: bool) -> int:
    return N_FEATURES + (4 if soft_lexicon else 0) + (2 if cue_features else 0)


def doc_features(
    doc: Doc,
    lex: Dict[str, int],
    gaz: Dict[str, int],
    train: bool,
    soft_lexicon: bool = False,
    cues: Optional[Dict[str, Dict[str, int]]] = None,
) -> numpy.ndarray:
    """(n_tokens, n_columns) uint64 feature ids for one char-tokenised doc."""
    n = len(doc)
    out = numpy.zeros((n, n_columns(soft_lexicon, cues is not None)), dtype="uint64")
    if n == 0:
        return out
    # Each char token's first char, folded; via ORTH ids to avoid building Token objects.
    strings = doc.vocab.strings
    chars: list[str] = []
    ids: list[int] = []
    cache = _orth_cache
    for orth in doc.to_array(ORTH).tolist():
        hit = cache.get(orth)
        if hit is None:
            text = strings[orth]
            ch = fold(text[0]) if text else " "
            hit = (ch, _char_id(ch))
            if len(cache) < 200_000:
                cache[orth] = hit
        chars.append(hit[0])
        ids.append(hit[1])
    s = "".join(chars)
    uni = numpy.array(ids, dtype="uint64")
    out[:, 0] = uni
    prev = numpy.empty_like(uni)
    prev[0] = _BOS
    prev[1:] = uni[:-1]
    nxt = numpy.empty_like(uni)
    nxt[-1] = _BOS
    nxt[:-1] = uni[1:]
    out[:, 1] = prev * _MUL + uni
    out[:, 2] = uni * _MUL + nxt + numpy.uint64(7)
    ls, le, lmask = _scan(s, lex, LEX_MAX, _identity, _group_bit if soft_lexicon else None)
    out[:, 3] = ls
    out[:, 4] = le
    if train:
        gcode = _fold_filter(zlib.crc32(doc.text.encode("utf-8")) % K_FOLDS)
    else:
        gcode = _labels_all
    gs, ge, gmask = _scan(s, gaz, GAZ_MAX, gcode, gcode if soft_lexicon else None)
    out[:, 5] = gs
    out[:, 6] = ge
    col = N_FEATURES
    if soft_lexicon:
        b, m, e = lmask
        out[:, col] = b
        out[:, col + 1] = m
        out[:, col + 2] = e
        gb, gm, ge2 = gmask
        out[:, col + 3] = [x | (y << 3) | (z << 6) for x, y, z in zip(gb, gm, ge2)]
        col += 4
    if cues is not None:
        out[:, col] = _cue_distance(s, cues["ORG"])
        out[:, col + 1] = _cue_distance(s, cues["LOC"])
    return out


def _extract_forward(model: Model, docs: List[Doc], is_train: bool):
    lex = model.attrs["lexicon"]
    gaz = model.attrs["gazetteer"]
    soft = model.attrs.get("soft_lexicon", False)
    cues = model.attrs.get("cues") if model.attrs.get("cue_features", False) else None
    feats = [
        model.ops.asarray(doc_features(d, lex, gaz, is_train, soft, cues), dtype="uint64")
        for d in docs
    ]
    return feats, lambda dY: []


def _extract_init(model: Model, X: Optional[List[Doc]] = None, Y=None) -> None:
    """Fill lexicon (jieba) and gazetteer (training entities, JSONL path) at training start."""
    if not model.attrs["lexicon"]:
        if model.attrs["use_lexicon"]:
            model.attrs["lexicon"] = jieba_lexicon(model.attrs.get("fine_pos", False))
    path = model.attrs["gazetteer_path"]
    if path and not model.attrs["gazetteer"]:
        with open(path, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        model.attrs["gazetteer"] = build_gazetteer(records)
        if model.attrs.get("cue_features", False):
            model.attrs["cues"] = {label: build_cues(records, label) for label in ("ORG", "LOC")}


def CharFeatureExtractor(
    gazetteer_path: str,
    use_lexicon: bool,
    soft_lexicon: bool = False,
    cue_features: bool = False,
    fine_pos: bool = False,
) -> Model[List[Doc], List[Ints2d]]:
    return Model(
        "kg_char_features",
        _extract_forward,
        init=_extract_init,
        attrs={
            "lexicon": {},
            "gazetteer": {},
            "gazetteer_path": gazetteer_path,
            "use_lexicon": use_lexicon,
            "soft_lexicon": soft_lexicon,
            "cue_features": cue_features,
            "fine_pos": fine_pos,
            "cues": {"ORG": {}, "LOC": {}},
        },
    )


@registry.architectures("kg.CharFeatureEmbed.v1")
def char_feature_embed(
    width: int,
    char_rows: int = 6000,
    bigram_rows: int = 40000,
    char_width: int = 64,
    bigram_width: int = 32,
    lex_width: int = 16,
    maxout_pieces: int = 3,
    gazetteer_path: str = "",
    use_lexicon: bool = True,
    soft_lexicon: bool = False,
    cue_features: bool = False,
    fine_pos: bool = False,
) -> Model[List[Doc], List[Floats2d]]:
    """Hash-embed the seven char features and mix them with a Maxout to ``width``."""
    embeds = [
        HashEmbed(char_width, char_rows, column=0, seed=11),
        HashEmbed(bigram_width, bigram_rows, column=1, seed=12),
        HashEmbed(bigram_width, bigram_rows, column=2, seed=13),
        HashEmbed(lex_width, 1000, column=3, seed=14),
        HashEmbed(lex_width, 1000, column=4, seed=15),
        HashEmbed(lex_width, 1000, column=5, seed=16),
        HashEmbed(lex_width, 1000, column=6, seed=17),
    ]
    n_extra = n_columns(soft_lexicon, cue_features) - N_FEATURES
    embeds += [
        HashEmbed(lex_width, 1000, column=N_FEATURES + i, seed=18 + i) for i in range(n_extra)
    ]
    concat = char_width + 2 * bigram_width + (4 + n_extra) * lex_width
    return chain(
        CharFeatureExtractor(gazetteer_path, use_lexicon, soft_lexicon, cue_features, fine_pos),
        list2ragged(),
        with_array(concatenate(*embeds)),
        with_array(Maxout(width, concat, nP=maxout_pieces, dropout=0.0, normalize=True)),
        ragged2list(),
    )
