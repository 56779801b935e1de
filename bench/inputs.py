"""Deterministic benchmark inputs: a realistic mix of LLM traffic, the same for every figure.

The mix (by share of items):

- 35 % short questions (English, 6-20 words);
- 20 % long chats: a long system prompt or character card, several turns, and
  the assistant's answer with ``usage``;
- 20 % code: a snippet (Python, SQL, JavaScript, Rust, Go) with a question or a stack trace;
- 25 % non-English questions (Chinese, Spanish, German, Japanese, French, Russian, Korean).

Every item is distinct (an id-like detail varies), so the embedding cache never
inflates a throughput figure. :func:`repeating_stream` builds a separate stream
with the repetition real traffic has, to measure the cache's hit rate.
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED = 20240611

_TOPICS = ["docker", "kubernetes", "postgres", "react", "python", "rust", "git", "nginx", "pandas", "redis"]
_VERBS = ["fix", "speed up", "debug", "explain", "set up", "migrate", "test", "secure", "monitor", "deploy"]
_THINGS = ["a memory leak", "a slow query", "a flaky test", "a race condition", "an auth bug", "a timeout", "a crash"]
_SHORT_TEMPLATES = [
    ("programming", "how do I {verb} {thing} in {topic} version {n}?"),
    ("programming", "why does my {topic} service hit {thing} after {n} minutes"),
    ("math", "what is {n} times {m} divided by {k}, show the steps"),
    ("math", "prove that the sum of the first {n} odd numbers is a perfect square"),
    ("general_qa", "who was the {n}th president of the united states and what did they do?"),
    ("general_qa", "what is the capital of the country with the {n}th largest population"),
    ("creative_writing", "write a {n}-line poem about {topic} and the sea"),
    ("creative_writing", "tell me a short story about a robot named unit {n} who learns to {verb}"),
    ("finance", "should I put {n} percent of my savings in index funds at age {m}?"),
    ("health", "is it safe to run {n} kilometres a day if I have knee pain since {m} weeks?"),
    ("translation", "translate 'meeting moved to room {n}' into {lang}"),
]
_LANGS = ["German", "French", "Japanese", "Korean", "Spanish", "Portuguese", "Italian"]
_SYSTEM_PROMPTS = [
    (
        "roleplay",
        "You are Captain Mira Voss, commander of the starship Halcyon. You speak with calm authority, use naval "
        "terms, and never break character. The crew trusts you; the year is 2387 and the Federation is at a fragile "
        "peace with the Vektari. Describe sensory details, keep replies under 200 words, and end each reply with a "
        "decision the user must make. Never mention that you are an AI. The ship has 412 crew, a damaged warp core, "
        "and a medical bay run by Dr. Okafor, who distrusts you since the incident at Kepler Station. " * 2,
    ),
    (
        "programming",
        "You are a senior backend engineer reviewing pull requests. Point out bugs first, then performance problems, "
        "then style. Quote the exact lines you mean. Prefer small, testable suggestions. Our stack is Python 3.11, "
        "FastAPI, SQLAlchemy 2 and PostgreSQL 16; we deploy on Kubernetes with Helm. Never suggest adding a new "
        "dependency without saying why the standard library is not enough. Be direct and concise. " * 2,
    ),
    (
        "general_qa",
        "You are a helpful assistant for Northwind Telecom customer support. Answer questions about plans, billing "
        "and outages. Escalate to a human if the customer mentions cancellation, legal action or a medical device "
        "that depends on the line. Our plans: Basic (20 GB, 25 EUR), Plus (100 GB, 35 EUR), Unlimited (45 EUR). "
        "Outage credits are 1 EUR per full hour. Always confirm the account number before discussing billing. " * 2,
    ),
    (
        "creative_writing",
        "You are a co-author helping the user write a fantasy novel set in the river city of Ashmere. Keep the "
        "established canon: magic is drawn from tides, the Salt Guild controls the docks, and the heroine Tamsin is "
        "a cartographer with a forged guild seal. Match the user's prose style, suggest one plot twist per reply "
        "at most, and keep continuity notes at the end of each answer in brackets. " * 2,
    ),
]
_CHAT_TURNS = [
    "Status report on the warp core, captain?",
    "Can you look at this handler and tell me what is wrong with the session handling?",
    "My bill went up by 10 EUR this month and I did not change anything.",
    "Write the next scene where Tamsin sneaks into the Salt Guild archive.",
    "What should we do about the Vektari envoy who wants to board?",
    "Is there a cleaner way to structure this dependency injection?",
    "There was an outage yesterday for six hours, do I get a credit?",
    "Give Tamsin a reason to doubt her mentor.",
]
_CODE = [
    (
        "python",
        "def load(path):\n    with open(path) as f:\n        data = json.load(f)\n    for row in data['rows']:\n"
        "        yield {{k.lower(): v for k, v in row.items()}}\n\nfor r in load('dump_{n}.json'):\n    print(r['id'])",
    ),
    (
        "sql",
        "SELECT c.id, c.name, SUM(o.total) AS revenue\nFROM customers c\nJOIN orders o ON o.customer_id = c.id\n"
        "WHERE o.created_at > now() - interval '{n} days'\nGROUP BY c.id, c.name\nORDER BY revenue DESC\nLIMIT 10;",
    ),
    (
        "javascript",
        "const items = await fetch(`/api/items?page={n}`).then(r => r.json());\nitems.data.map(item => {{\n"
        "  return <Row key={{item.id}} label={{item.name}} />;\n}});",
    ),
    (
        "rust",
        "fn main() {{\n    let v: Vec<u32> = (0..{n}).collect();\n    let idx = v.len();\n"
        '    println!("{{}}", v[idx]);\n}}',
    ),
    (
        "go",
        "func handler(w http.ResponseWriter, r *http.Request) {{\n    ctx, cancel := context.WithTimeout(r.Context(), "
        "{n}*time.Millisecond)\n    defer cancel()\n    rows, err := db.QueryContext(ctx, q)\n}}",
    ),
]
_CODE_ASKS = [
    "Why does this fail with an error on line {m}?",
    "Can you make this faster? It takes {m} seconds on big inputs.",
    "Traceback (most recent call last):\n  File \"app.py\", line {m}, in <module>\nKeyError: 'rows'\nwhat is wrong?",
    "Rewrite this in idiomatic style and add tests for run {m}.",
]
_NON_ENGLISH = [
    ("programming", "zh", "我的 Python 程序在处理第 {n} 行数据时崩溃了，怎么调试？"),
    ("translation", "zh", "请把这句话翻译成英文：会议改到 {n} 号房间。"),
    ("general_qa", "es", "¿Cuál es la diferencia entre un virus y una bacteria? Pregunta número {n}."),
    ("finance", "es", "¿Cuánto debería ahorrar cada mes si gano {n} euros al mes?"),
    ("health", "de", "Ist es gesund, jeden Tag {n} Tassen Kaffee zu trinken?"),
    ("creative_writing", "de", "Schreib ein kurzes Gedicht über den Herbst in {n} Zeilen."),
    ("math", "ja", "{n} の平方根を小数点以下三桁まで計算してください。"),
    ("general_qa", "fr", "Quelle est la meilleure saison pour visiter la Provence ? Question {n}."),
    ("programming", "ru", "Почему мой запрос к базе данных выполняется {n} секунд?"),
    ("translation", "ko", "'회의가 {n}번 방으로 옮겨졌습니다'를 영어로 번역해 주세요."),
]


@dataclass(frozen=True)
class BenchItem:
    """One benchmark input: the request body as the HTTP API takes it, its kind and a category label."""

    body: dict[str, Any]
    kind: str
    category: str


def _short(rng: random.Random, i: int) -> BenchItem:
    category, template = rng.choice(_SHORT_TEMPLATES)
    text = template.format(
        verb=rng.choice(_VERBS),
        thing=rng.choice(_THINGS),
        topic=rng.choice(_TOPICS),
        lang=rng.choice(_LANGS),
        n=i + 2,
        m=rng.randint(2, 99),
        k=rng.randint(2, 9),
    )
    return BenchItem({"text": text}, "short", category)


def _chat(rng: random.Random, i: int) -> BenchItem:
    card = rng.randrange(len(_SYSTEM_PROMPTS))
    category, system = _SYSTEM_PROMPTS[card]
    turns = rng.randint(2, 5)
    messages: list[dict[str, Any]] = [{"role": "system", "content": system}]
    for t in range(turns):
        ask = rng.choice(_CHAT_TURNS[card::4] + _CHAT_TURNS)
        messages.append({"role": "user", "content": f"{ask} (turn {t + 1} of conversation {i})"})
        if t < turns - 1:
            messages.append({"role": "assistant", "content": _answer(rng, 40 + 20 * t)})
    answer = _answer(rng, rng.randint(60, 180))
    body = {
        "request": {"model": "gpt-4o-mini", "messages": messages},
        "response": {
            "choices": [{"message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 300 + 40 * turns, "completion_tokens": len(answer) // 4},
        },
        "app": "chat-frontend",
    }
    return BenchItem(body, "chat", category)


_ANSWER_TEXT = (
    "the crew checks the readings again and the numbers hold steady while the engineer reports that the coolant "
    "loop is stable but the secondary relay still drops power every few minutes which means we should reroute "
    "through the auxiliary bus before the next jump and log every change so the audit later makes sense"
)
_WORDS = _ANSWER_TEXT.split()


def _answer(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(_WORDS))
    return " ".join(_WORDS[(start + j) % len(_WORDS)] for j in range(words)).capitalize() + "."


def _code(rng: random.Random, i: int) -> BenchItem:
    _, snippet = rng.choice(_CODE)
    ask = rng.choice(_CODE_ASKS).format(m=rng.randint(2, 120))
    text = f"{ask}\n\n```\n{snippet.format(n=i + 7)}\n```"
    if rng.random() < 0.5:
        return BenchItem({"prompt": text, "completion": None}, "code", "programming")
    return BenchItem({"text": text}, "code", "programming")


def _foreign(rng: random.Random, i: int) -> BenchItem:
    category, _, template = rng.choice(_NON_ENGLISH)
    return BenchItem({"text": template.format(n=i + 3)}, "non_english", category)


_KINDS = ((_short, 0.35), (_chat, 0.20), (_code, 0.20), (_foreign, 0.25))


def make_items(n: int, seed: int = SEED, offset: int = 0) -> list[BenchItem]:
    """``n`` distinct items in the benchmark mix; the same ``(n, seed, offset)`` gives the same items."""
    rng = random.Random(f"{seed}:{offset}")
    makers = [maker for maker, _ in _KINDS]
    weights = [share for _, share in _KINDS]
    items = []
    for i in range(offset, offset + n):
        maker = rng.choices(makers, weights)[0]
        items.append(maker(rng, i))
    return items


def repeating_stream(n: int, seed: int = SEED, pool: int = 200, repeat_share: float = 0.3) -> list[BenchItem]:
    """A stream with real traffic's repetition, for the cache hit rate.

    About ``repeat_share`` of the calls repeat an earlier request exactly (retries,
    popular prompts, a client that sends the same canned request), drawn from a
    pool of ``pool`` requests with a Zipf-like skew; the rest are new. The long
    chats also share their four system prompts, which only helps the cache where
    the whole request repeats: the cache key is the whole text the model reads.
    """
    rng = random.Random(f"{seed}:stream")
    fresh = iter(make_items(n, seed, offset=10_000_000))
    popular = make_items(pool, seed, offset=20_000_000)
    weights = [1.0 / (rank + 1) for rank in range(pool)]
    return [rng.choices(popular, weights)[0] if rng.random() < repeat_share else next(fresh) for _ in range(n)]


def training_csv(rows: int, path: Path, seed: int = SEED) -> Path:
    """Write a labeled CSV of ``rows`` distinct items (``text`` or ``messages`` input, ``category`` label)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["text", "messages", "category"])
    for item in make_items(rows, seed, offset=30_000_000):
        body = item.body
        if "request" in body:
            messages = [*body["request"]["messages"], body["response"]["choices"][0]["message"]]
            writer.writerow(["", json.dumps(messages, ensure_ascii=False), item.category])
        else:
            text = body.get("text") or body.get("prompt") or ""
            writer.writerow([text, "", item.category])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path
