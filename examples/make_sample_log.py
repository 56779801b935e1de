"""Write examples/sample_calls.jsonl: ten weeks of made-up LLM calls, as an LLM gateway would log them.

    python examples/make_sample_log.py            # rewrites examples/sample_calls.jsonl
    promptprism report examples/sample_calls.jsonl --out report.html

Every prompt below was written by hand by the PromptPrism team for this sample
(about ten per category of classifier/taxonomy.yaml, some in other languages,
some multi-turn with a system prompt, some offering tools and answered with a
tool call). A fixed seed draws about 3,000 calls from them over ten weeks,
from five apps and five models, with a mix that shifts the way real traffic
does: a coding assistant grows and gets an agent mode with tools in week 5, a
companion chat app shrinks, a marketing campaign runs in weeks 6 and 7, and
the research desk moves to a reasoning model. Replies are abridged to keep the
file small; ``usage`` reports the full-length answers' token counts, with
``reasoning_tokens`` for the reasoning model.

The output is the same on every run (the seed, the start date and the order
are fixed), so the committed file can be checked with ``git diff``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SEED = 20250901
START = datetime(2025, 9, 1, tzinfo=UTC)  # a Monday
WEEKS = 10
OUT = Path(__file__).resolve().parent / "sample_calls.jsonl"


@dataclass(frozen=True)
class Prompt:
    """One hand-written call: the user's turn, an abridged reply, and what else the request carried."""

    user: str
    reply: str = ""
    system: str | None = None
    history: tuple[tuple[str, str], ...] = ()  # earlier (user, assistant) turns
    tools: tuple[str, ...] = ()  # tools the request offers
    call: tuple[str, dict[str, Any]] | None = None  # the tool call made instead of a reply
    heavy: bool = False  # needs multi-step reasoning


def P(user: str, reply: str = "", **kwargs: Any) -> Prompt:
    return Prompt(user, reply, **kwargs)


# Function tools, as an OpenAI request offers them (short descriptions keep the file small).
TOOLS: dict[str, dict[str, Any]] = {
    "search_knowledge_base": {"query": "string"},
    "get_order_status": {"order_id": "string"},
    "create_ticket": {"subject": "string", "priority": "string"},
    "read_file": {"path": "string"},
    "run_tests": {"path": "string"},
    "search_code": {"query": "string"},
    "get_stock_quote": {"symbol": "string"},
    "web_search": {"query": "string"},
    "get_weather": {"city": "string"},
    "calculator": {"expression": "string"},
}


def tool_spec(name: str) -> dict[str, Any]:
    """The OpenAI ``tools`` entry of one tool."""
    properties = {key: {"type": kind} for key, kind in TOOLS[name].items()}
    return {
        "type": "function",
        "function": {
            "name": name,
            "parameters": {"type": "object", "properties": properties, "required": list(properties)},
        },
    }


PROMPTS: dict[str, list[Prompt]] = {
    "programming": [
        P(
            "How do I remove duplicates from a list in Python but keep the original order?",
            "Use dict.fromkeys: list(dict.fromkeys(items)) keeps the first occurrence of each item in order.",
        ),
        P(
            "My React component re-renders forever after I added a useEffect that fetches data. Here it is:\n\n"
            "useEffect(() => {\n  fetch('/api/items').then(r => r.json()).then(setItems);\n});",
            "The effect has no dependency array, so it runs after every render and setItems triggers another "
            "render. Pass [] as the second argument so it runs once.",
            heavy=True,
        ),
        P(
            "Write a SQL query that returns each customer's total spend in 2024 and their rank, highest first. "
            "Tables: customers(id, name), orders(id, customer_id, amount, created_at).",
            "SELECT c.name, SUM(o.amount) AS total, RANK() OVER (ORDER BY SUM(o.amount) DESC) AS rank FROM "
            "customers c JOIN orders o ON o.customer_id = c.id WHERE o.created_at >= '2024-01-01' AND "
            "o.created_at < '2025-01-01' GROUP BY c.name ORDER BY total DESC;",
        ),
        P(
            'Traceback (most recent call last):\n  File "etl.py", line 88, in <module>\n    df = pd.merge(a, b, '
            "on='user_id')\nKeyError: 'user_id'\n\nBoth dataframes definitely have that column, what is going on?",
            "One of the frames probably has 'user_id ' with a trailing space or a different case. Print "
            "a.columns.tolist() and b.columns.tolist(); strip them with df.columns = df.columns.str.strip().",
            heavy=True,
        ),
        P(
            "Can you review this Go function? It is supposed to be safe for concurrent use.\n\nfunc (c *Cache) "
            "Get(k string) (string, bool) {\n  v, ok := c.items[k]\n  return v, ok\n}",
            "The map read is not guarded: concurrent writes elsewhere make this a data race. Take c.mu.RLock() "
            "and defer c.mu.RUnlock(), or use sync.Map.",
            system="You are a senior Go reviewer. Be direct and point out bugs first.",
            heavy=True,
        ),
        P(
            "Write a GitHub Actions workflow that runs pytest on Python 3.11 and 3.12 for every pull request.",
            "name: tests\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      "
            "matrix: {python: ['3.11', '3.12']}\n    steps: [checkout, setup-python, pip install, pytest]",
        ),
        P(
            "Now make it also cache pip downloads.",
            "Add cache: pip to the actions/setup-python step; it keys the cache on your requirements files.",
            history=(
                (
                    "Write a GitHub Actions workflow that runs pytest on Python 3.11 and 3.12.",
                    "Here is a workflow with a matrix over both versions...",
                ),
            ),
        ),
        P(
            "Como faço para ler um arquivo CSV grande em Python sem estourar a memória?",
            "Use pandas.read_csv com chunksize=100_000 e processe cada bloco num laço, ou leia linha a linha "
            "com o módulo csv.",
        ),
        P(
            "The test test_refund_is_idempotent fails on CI but passes locally. Find out why.",
            system="You are a coding agent working in the user's repository. Use the tools to inspect files "
            "and run tests before you answer.",
            tools=("read_file", "run_tests", "search_code"),
            call=("run_tests", {"path": "tests/test_refunds.py"}),
            heavy=True,
        ),
        P(
            "Where is the retry logic for the payment webhook implemented? I want to change the backoff.",
            system="You are a coding agent working in the user's repository. Use the tools to inspect files "
            "and run tests before you answer.",
            tools=("read_file", "run_tests", "search_code"),
            call=("search_code", {"query": "webhook retry backoff"}),
        ),
        P(
            "Explain what this regex does: ^(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d@$!%*?&]{8,}$",
            "It accepts 8 or more characters from letters, digits and @$!%*?&, and the two lookaheads require "
            "at least one uppercase letter and one digit.",
        ),
    ],
    "roleplay": [
        P(
            "*pushes open the tavern door, shaking rain off my cloak* Barkeep, a room for the night and whatever "
            "is hot.",
            "*The barkeep, a broad dwarf with a braided beard, slides a bowl of stew across the counter.* "
            '"Two silver for the room. Stew\'s on the house if you tell me what brings you out in this storm."',
            system="You are the narrator of a dark-fantasy text adventure. Stay in character, describe the scene "
            "in the second person, and never break the fourth wall.",
        ),
        P(
            "I show him the map with the red seal.",
            '*His eyes narrow and he lowers his voice.* "Put that away. The Duke\'s men drink here."',
            system="You are the narrator of a dark-fantasy text adventure. Stay in character, describe the scene "
            "in the second person, and never break the fourth wall.",
            history=(
                (
                    "*pushes open the tavern door* Barkeep, a room for the night.",
                    '*The dwarf looks you over.* "Two silver. What brings you out in this storm?"',
                ),
                ("I'm looking for the old lighthouse keeper.", '*He stops polishing the mug.* "Who\'s asking?"'),
            ),
        ),
        P(
            "Hey Mia, I had such a rough day at work. My manager yelled at me in front of everyone.",
            "Oh no, that sounds awful, I'm sorry. Being called out in front of everyone stings. Do you want to "
            "tell me what happened, or would you rather I just distract you for a bit?",
            system="You are Mia, a warm and playful companion. Talk casually, remember what the user shares, and "
            "keep replies short.",
        ),
        P(
            "You are Sherlock Holmes. I am Watson and I just walked in with mud on my boots. Deduce where I've been.",
            '"Red clay on the left heel, fresh. You took the shortcut through the brickworks on Marlow Lane, '
            'Watson, which means you were in a hurry, and you only hurry when you owe someone money."',
        ),
        P(
            "Let's play a sci-fi scenario: you are the ship's AI, ARIA, and I'm the captain waking from cryosleep. "
            "Status report.",
            '"Good morning, Captain. You have been asleep for 212 days. Hull integrity 94%. One anomaly: a '
            'signal repeating from the moon below, in a human language."',
        ),
        P(
            "Ahora eres un pirata gruñón llamado Capitán Sal. Te pregunto: ¿dónde escondiste el tesoro?",
            "¡Arr! ¿Y tú crees que se lo voy a decir a un grumete que ni sabe atar un nudo? Primero friega la "
            "cubierta, luego hablaremos.",
        ),
        P(
            "*sits next to you on the bench* So... are you going to tell me why you left the party early?",
            '*Kai stares at the lake for a while.* "I saw my brother there. We haven\'t spoken in three years."',
            system="You are Kai, a reserved character in a slice-of-life story. Reply as Kai only.",
        ),
        P(
            "あなたは喫茶店のマスターです。私は常連客です。「いつものをお願いします」",
            "「いらっしゃい。いつものブレンドですね。今日は少し浅煎りの豆が入ったんですが、試してみますか？」",
        ),
        P(
            "Continue the scene: the dragon lands in front of the village gate and the children run to hide.",
            "*The dragon folds its wings and lowers its head until one golden eye is level with the gate.* "
            '"I am not here to burn anything," it rumbles. "I am here to return something you lost."',
            system="You are the game master of a cozy fantasy roleplay. Keep it gentle and whimsical.",
        ),
        P(
            "Good night Mia, talk tomorrow?",
            "Good night! Sleep well, and good luck with the presentation tomorrow, you've got this.",
            system="You are Mia, a warm and playful companion. Talk casually, remember what the user shares, and "
            "keep replies short.",
            history=(("I have a big presentation tomorrow", "You'll do great! What is it about?"),),
        ),
    ],
    "creative_writing": [
        P(
            "Write a short poem about the last ferry of the night crossing a foggy harbour.",
            "The last boat hums across the grey, / its lamps two coins the fog has spent, / and every bell "
            "along the quay / rings for the ones who never went.",
        ),
        P(
            "Write a 300-word horror story that starts with: 'The baby monitor picked up a second voice.'",
            "The baby monitor picked up a second voice. It was humming the lullaby I had stopped singing years "
            "ago, the one my mother sang...",
        ),
        P(
            "Give me feedback on my opening paragraph. Is it too slow?\n\n'Margaret had lived in the house on "
            "Elm Street for forty-one years, and in all that time she had never once opened the attic.'",
            "It's not slow; the attic is a strong hook. Consider cutting 'in all that time' to tighten the rhythm.",
        ),
        P(
            "Write song lyrics in the style of a 90s pop-punk anthem about missing the last train home.",
            "Verse 1: Platform nine, the clock says twelve-oh-three / the tail lights fading, waving back at me...",
        ),
        P(
            "I'm building a fantasy world. Invent a religion for a desert people who worship the moon, with two "
            "festivals and one taboo.",
            "The Veiled Mother: the moon is her lantern. Festivals: the Night of Open Wells and the Dimming. "
            "Taboo: no one may speak a dead person's name while the moon is new.",
        ),
        P(
            "Écris un court conte pour enfants sur un escargot qui veut voir la mer.",
            "Il était une fois un escargot nommé Léon qui rêvait de voir la mer. Chaque matin, il avançait d'un "
            "petit pas vers l'horizon...",
        ),
        P(
            "Write a limerick about a cat who learned to use the printer.",
            "A tabby named Tom from Dundee / learned printing at quarter past three; / he printed a mouse, / "
            "then the plans of the house, / and a note that said 'Feed me. Signed, me.'",
        ),
        P(
            "Write the opening scene of a screenplay: two astronauts arguing about whether to answer a distress "
            "signal.",
            "INT. SUPPLY SHIP CASSIOPEIA - COCKPIT - NIGHT\nA red light pulses. REYES (40s) stares at the console.",
        ),
        P(
            "Make the ending sadder.",
            "In the final lines the lighthouse keeper lights the lamp one last time, but no ship ever comes.",
            history=(
                (
                    "Write a flash fiction piece about a lighthouse keeper who writes letters to the sea.",
                    "Every evening Tomas wrote a letter and dropped it into the sea...",
                ),
            ),
        ),
        P(
            "Write a haiku sequence about the four seasons in a city.",
            "Spring: cherry petals / in the gutter of Fifth Street / taxis wear pink coats.",
        ),
    ],
    "translation": [
        P(
            "Translate into Spanish: 'Your order has shipped and should arrive within three business days.'",
            "Tu pedido ha sido enviado y debería llegar en un plazo de tres días hábiles.",
        ),
        P(
            "Übersetze bitte ins Englische: 'Wir bedanken uns für Ihre Geduld und melden uns so schnell wie möglich.'",
            "Thank you for your patience; we will get back to you as soon as possible.",
        ),
        P(
            "How do you say 'where is the nearest train station' in Japanese?",
            "最寄りの駅はどこですか？ (Moyori no eki wa doko desu ka?)",
        ),
        P(
            "Translate these UI strings to French and keep the placeholders: 'Welcome back, {name}!', "
            "'You have {count} unread messages', 'Log out'",
            "'Bon retour, {name} !', 'Vous avez {count} messages non lus', 'Se déconnecter'",
            system="You are a localisation tool. Return only the translations, one per line.",
        ),
        P(
            "Traduce al inglés este párrafo de un contrato de alquiler: 'El arrendatario se compromete a "
            "devolver el inmueble en el mismo estado en que lo recibió.'",
            "The tenant undertakes to return the property in the same condition in which it was received.",
        ),
        P(
            "Translate to German, informal tone: 'Hey, are you coming to the barbecue on Saturday? Bring your "
            "swimsuit!'",
            "Hey, kommst du am Samstag zum Grillen? Bring deine Badesachen mit!",
        ),
        P(
            "请把这句话翻译成英文：'我们的产品支持多种语言，并且可以离线使用。'",
            "Our product supports multiple languages and can be used offline.",
        ),
        P(
            "Translate these subtitles into Italian:\n1\n00:00:01,000 --> 00:00:03,000\nI told you not to come "
            "back here.\n2\n00:00:03,500 --> 00:00:05,000\nI had nowhere else to go.",
            "1\n00:00:01,000 --> 00:00:03,000\nTi avevo detto di non tornare qui.\n2\n00:00:03,500 --> "
            "00:00:05,000\nNon avevo nessun altro posto dove andare.",
        ),
        P(
            "What's the Portuguese for 'I'm allergic to peanuts'?",
            "Sou alérgico a amendoim (or 'alérgica' if you are a woman).",
        ),
        P(
            "Translate this product description into Korean: 'Lightweight, waterproof, and built to last.'",
            "가볍고 방수가 되며 오래 쓸 수 있도록 만들어졌습니다.",
        ),
    ],
    "writing": [
        P(
            "Rewrite this email so it sounds polite but firm: 'You still haven't sent the invoice. I asked "
            "three times. Send it today.'",
            "Hi Sam, just following up on the invoice for March: could you send it over today? We need it to "
            "close our books this week. Thanks!",
        ),
        P(
            "Summarise these meeting notes in five bullet points for people who missed the call: [notes] Q3 "
            "roadmap review, the mobile release moves to October, two new hires start Monday, budget for the "
            "offsite approved, Jana takes over vendor contracts, retro next Thursday.",
            "- Mobile release moves to October\n- Two new hires start Monday\n- Offsite budget approved\n- Jana "
            "now owns vendor contracts\n- Retro next Thursday",
        ),
        P(
            "Proofread my cover letter for a junior data analyst role and fix anything awkward.",
            "Here's a corrected version: I changed 'I am very passionate for data' to 'I am passionate about "
            "data' and tightened the second paragraph.",
            system="You are an editor. Keep the author's voice; explain your main changes briefly.",
        ),
        P(
            "Make this paragraph shorter, half the length, without losing the main point.",
            "Shortened: Remote work raised our output but hurt onboarding; we will keep it and add mentoring.",
        ),
        P(
            "Write a LinkedIn-style announcement that I'm leaving my job after six years, grateful, not cheesy.",
            "After six years at Northwind, Friday is my last day. I'm grateful to the team that taught me how "
            "to ship, argue well, and laugh through outages...",
        ),
        P(
            "Draft a polite message to my landlord asking to fix the heating, which has been broken for a week.",
            "Dear Mr. Patel, the heating in flat 3B has not worked since last Monday. Could you arrange a repair "
            "this week? I'm home after 5pm any day. Kind regards, Ana",
        ),
        P(
            "Schreib mir eine kurze, freundliche Abwesenheitsnotiz für zwei Wochen Urlaub.",
            "Vielen Dank für Ihre Nachricht. Ich bin bis zum 15. Oktober im Urlaub und habe keinen Zugriff auf "
            "E-Mails. In dringenden Fällen wenden Sie sich bitte an Lena Meier.",
        ),
        P(
            "Turn these bullet points into a one-page project status report for executives.",
            "Project Atlas, status: on track. Highlights: data migration complete; Risks: vendor API delay...",
        ),
        P(
            "Paraphrase this sentence three different ways: 'The results were not what we expected.'",
            "1. The outcome surprised us. 2. We got different results than we anticipated. 3. The findings "
            "defied our expectations.",
        ),
        P(
            "Can you make it more casual? It's for the team Slack, not the board.",
            "Quick update on Atlas: we're on track! Migration's done, only hiccup is the vendor API.",
            history=(("Write a status update for Project Atlas.", "Project Atlas status: on track..."),),
        ),
    ],
    "math": [
        P(
            "Solve for x: 3x^2 - 12x + 9 = 0, and show the steps.",
            "Divide by 3: x^2 - 4x + 3 = 0, which factors as (x - 1)(x - 3) = 0, so x = 1 or x = 3.",
            heavy=True,
        ),
        P("What is 15% of 240?", "15% of 240 is 36."),
        P(
            "Prove that the square root of 2 is irrational.",
            "Suppose sqrt(2) = p/q in lowest terms. Then p^2 = 2q^2, so p is even, p = 2k, so q^2 = 2k^2 and q "
            "is even too, contradicting lowest terms.",
            heavy=True,
        ),
        P(
            "A bag has 5 red and 3 blue marbles. I draw two without replacement. What's the probability both are red?",
            "(5/8) x (4/7) = 20/56 = 5/14, about 0.357.",
            heavy=True,
        ),
        P(
            "Compute the integral of x * e^x dx.",
            "By parts with u = x, dv = e^x dx: x e^x - e^x + C.",
            heavy=True,
        ),
        P(
            "¿Cuál es la derivada de sin(x^2)?",
            "Por la regla de la cadena: cos(x^2) · 2x.",
        ),
        P(
            "Find the eigenvalues of the matrix [[2, 1], [1, 2]].",
            "det(A - λI) = (2 - λ)^2 - 1 = 0, so λ = 1 or λ = 3.",
            heavy=True,
        ),
        P(
            "Three friends split a bill. Anna pays twice what Ben pays, and Ben pays 10 more than Carl. The "
            "total is 130. How much does each pay?",
            "Let Carl = c. Ben = c + 10, Anna = 2c + 20. 4c + 30 = 130, so c = 25: Carl 25, Ben 35, Anna 70.",
            heavy=True,
        ),
        P(
            "Is 1001 a prime number?",
            "No: 1001 = 7 x 11 x 13.",
        ),
        P(
            "What is the sum of the first 100 positive integers, and why does the trick work?",
            "5050: pair 1 with 100, 2 with 99 and so on; 50 pairs each summing to 101.",
            heavy=True,
        ),
    ],
    "science": [
        P(
            "Why is the sky blue but sunsets are red?",
            "Air molecules scatter short blue wavelengths far more than red (Rayleigh scattering). At sunset "
            "light crosses much more air, so most blue is scattered away and reds remain.",
        ),
        P(
            "A ball is thrown straight up at 20 m/s. How high does it go and how long until it lands? Ignore air "
            "resistance.",
            "Max height v^2/(2g) = 400/19.6 ≈ 20.4 m; time up 20/9.8 ≈ 2.04 s, so about 4.1 s until it lands.",
            heavy=True,
        ),
        P(
            "Explain how CRISPR-Cas9 edits a gene, at the level of a first-year biology student.",
            "A guide RNA leads the Cas9 enzyme to a matching DNA sequence, where Cas9 cuts both strands; the "
            "cell's repair machinery then disables the gene or inserts a template.",
        ),
        P(
            "Balance this chemical equation: C3H8 + O2 -> CO2 + H2O",
            "C3H8 + 5 O2 -> 3 CO2 + 4 H2O",
            heavy=True,
        ),
        P(
            "Pourquoi les feuilles des arbres changent-elles de couleur en automne ?",
            "La chlorophylle se dégrade quand les jours raccourcissent, révélant les caroténoïdes jaunes et "
            "orange ; les anthocyanes rouges sont produites en plus.",
        ),
        P(
            "How would I design an experiment to test whether music affects plant growth? What controls do I need?",
            "Use identical plants in identical conditions, randomly assign groups to music and silence, keep "
            "light, water and temperature the same, measure height weekly, and blind the measurer.",
            heavy=True,
        ),
        P(
            "What is the difference between a black hole and a neutron star?",
            "Both are collapsed stellar cores; a neutron star is held up by neutron degeneracy pressure, while "
            "a black hole's core was too massive and collapsed past its event horizon.",
        ),
        P(
            "Is the placebo effect real or just regression to the mean? What does the research say?",
            "Both contribute: meta-analyses find placebo effects mostly on subjective outcomes such as pain, "
            "and part of the apparent effect in trials is regression to the mean.",
        ),
        P(
            "Calculate the pH of a 0.01 M HCl solution.",
            "HCl dissociates fully, so [H+] = 0.01 M and pH = -log10(0.01) = 2.",
        ),
        P(
            "Why do we have tides twice a day and not once?",
            "The Moon's gravity stretches Earth's oceans into two bulges, one facing the Moon and one opposite, "
            "and Earth rotates through both each day.",
        ),
    ],
    "technology": [
        P(
            "My laptop's Wi-Fi keeps dropping every few minutes but my phone is fine. Windows 11. What can I try?",
            "Turn off power saving for the Wi-Fi adapter in Device Manager, update the driver, forget and re-add "
            "the network, and try the 5 GHz band.",
        ),
        P(
            "Which is better for a small office, a NAS or Google Drive? 8 people, mostly documents and photos.",
            "For 8 people with documents, Google Drive is simpler: no hardware, sharing and backups built in. "
            "A NAS pays off with large files, local speed or strict data rules.",
        ),
        P(
            "How do I set up two-factor authentication on my company's Microsoft 365 accounts?",
            "In the Entra admin center enable security defaults or a conditional access policy requiring MFA, "
            "then ask users to register the Authenticator app.",
        ),
        P(
            "¿Qué diferencia hay entre un SSD NVMe y uno SATA? ¿Vale la pena para jugar?",
            "NVMe usa PCIe y es varias veces más rápido que SATA; en juegos se nota en tiempos de carga, no en FPS.",
        ),
        P(
            "My customer says the mobile app shows 'session expired' every time they open it. What should I check?",
            system="You are the support assistant of Acme Cloud. Use the knowledge base before answering.",
            tools=("search_knowledge_base", "get_order_status", "create_ticket"),
            call=("search_knowledge_base", {"query": "mobile app session expired on open"}),
        ),
        P(
            "What's the difference between a VPN and a proxy, in plain words?",
            "Both route your traffic through another server; a VPN encrypts everything your device sends, "
            "while a proxy usually handles one app's traffic and may not encrypt it.",
        ),
        P(
            "Should I upgrade to 32 GB of RAM for photo editing in Lightroom or is 16 enough?",
            "16 GB works for most catalogs; 32 GB helps with large panoramas, HDR merges and many apps open.",
        ),
        P(
            "Our printer shows offline on every Mac in the office since the router was replaced.",
            "The printer likely got a new IP address. Give it a DHCP reservation on the new router and re-add "
            "it on the Macs using that address.",
        ),
        P(
            "Is it safe to turn off Windows Defender if I install a third-party antivirus?",
            "Windows turns Defender's real-time protection off by itself when another antivirus registers; do "
            "not disable it by hand.",
        ),
        P(
            "Explain what a CDN does and whether my small online shop needs one.",
            "A CDN caches your site's files on servers near visitors, cutting load times and absorbing traffic "
            "spikes; most shop platforms already include one.",
        ),
    ],
    "health": [
        P(
            "I've had a headache behind my eyes for three days and screens make it worse. Should I be worried?",
            "It is often eye strain or tension headache: take screen breaks and drink water. See a doctor soon "
            "if it is severe, sudden, or comes with vision changes, fever or a stiff neck.",
        ),
        P(
            "Can I take ibuprofen and paracetamol together?",
            "For most healthy adults, yes: they work differently and can be alternated or combined at standard "
            "doses. Check with a pharmacist if you have stomach, kidney or liver problems.",
        ),
        P(
            "Give me a 4-week beginner running plan to get to 5 km, three runs a week.",
            "Week 1: 8 x (1 min run, 90 s walk). Week 2: 6 x (2 min run, 1 min walk)...",
        ),
        P(
            "J'ai du mal à dormir depuis des semaines, je me réveille à 4 h du matin. Des conseils ?",
            "Gardez des horaires fixes, évitez les écrans et la caféine le soir, levez-vous si vous ne dormez "
            "pas après 20 minutes. Si cela dure, parlez-en à un médecin.",
        ),
        P(
            "What's a healthy breakfast with at least 30 g of protein that isn't eggs?",
            "Greek yogurt with oats, nuts and seeds; cottage cheese on toast; or a smoothie with protein powder "
            "and milk.",
        ),
        P(
            "My dad was just diagnosed with type 2 diabetes. What questions should we ask at the next appointment?",
            "Ask about his HbA1c target, medication side effects, how often to check glucose, diet and exercise "
            "referrals, and eye and foot check-ups.",
        ),
        P(
            "How much water should I actually drink a day?",
            "Most adults need about 2 to 3 litres of fluid a day from all drinks and food; more in heat or exercise.",
        ),
        P(
            "I feel anxious all the time lately and it's affecting work. Where do I start?",
            "Start with your GP, who can rule out physical causes and refer you to therapy; breathing exercises "
            "and regular exercise help in the meantime.",
            system="You are a supportive wellbeing assistant. You are not a doctor; suggest professional help "
            "when appropriate.",
        ),
        P(
            "Is it normal for my resting heart rate to be 52? I cycle a lot.",
            "Yes, for a trained cyclist a resting heart rate in the 50s is common and healthy.",
        ),
        P(
            "What are the side effects of sertraline in the first weeks?",
            "Nausea, headaches, sleep changes and jitteriness are common early and usually ease within 2 to 4 "
            "weeks; tell your doctor about anything severe.",
        ),
    ],
    "finance": [
        P(
            "I have $10,000 in savings. Should I pay off my 7% car loan or invest it in an index fund?",
            "Paying off a 7% loan is a guaranteed 7% return; index funds average more but with risk. Keep an "
            "emergency fund first, then paying down the loan is a solid choice.",
            heavy=True,
        ),
        P(
            "What's the difference between a Roth IRA and a traditional IRA?",
            "Traditional: contributions may be tax-deductible, withdrawals are taxed. Roth: you pay tax now, "
            "and qualified withdrawals are tax-free.",
        ),
        P(
            "If I invest 300 a month at 6% a year for 25 years, how much will I have?",
            "About 207,900: the future value of a monthly annuity at 0.5% per month over 300 months.",
            heavy=True,
        ),
        P(
            "¿Conviene amortizar la hipoteca o invertir el dinero? Tengo un tipo fijo del 2,1 %.",
            "Con un tipo del 2,1 % suele compensar más invertir a largo plazo, siempre que tengas un fondo de "
            "emergencia y toleres el riesgo.",
            heavy=True,
        ),
        P(
            "What's Apple trading at right now?",
            system="You are a markets assistant. Use the quote tool for prices; never guess.",
            tools=("get_stock_quote", "web_search"),
            call=("get_stock_quote", {"symbol": "AAPL"}),
        ),
        P(
            "Explain what a P/E ratio tells me and why tech stocks have high ones.",
            "P/E is price divided by earnings per share: what investors pay per unit of profit. Tech stocks "
            "have high P/Es because investors expect fast earnings growth.",
        ),
        P(
            "Help me build a monthly budget: take-home 3,800, rent 1,400, I want to save 20%.",
            "Savings 760, rent 1,400, leaves 1,640: about 450 groceries, 200 transport, 250 utilities and "
            "phone, 740 for everything else.",
        ),
        P(
            "How are crypto gains taxed if I sold some Bitcoin this year in the UK?",
            "Crypto disposals are subject to Capital Gains Tax; gains above the annual exempt amount are "
            "taxed at 18% or 24% depending on your income.",
        ),
        P(
            "Our startup has 14 months of runway. Burn is 85k a month. How much do we need to raise to reach 24 "
            "months if burn grows 3% a month?",
            "Total burn over 24 months with 3% growth is about 2.93M; you have about 1.19M of runway now, so "
            "raise roughly 1.75M plus a buffer.",
            heavy=True,
        ),
        P(
            "Is it smart to keep my emergency fund in a high-yield savings account?",
            "Yes: it stays liquid and safe while earning interest; money market funds are an alternative.",
        ),
    ],
    "legal": [
        P(
            "My landlord is keeping my whole deposit for 'general wear and tear'. Is that allowed in California?",
            "No: California landlords may not deduct for normal wear and tear, and must give an itemised "
            "statement within 21 days.",
        ),
        P(
            "What is the difference between a copyright and a trademark?",
            "Copyright protects original creative works; a trademark protects names, logos and signs that "
            "identify the source of goods or services.",
        ),
        P(
            "Draft a simple mutual NDA clause about the duration of confidentiality obligations.",
            "The obligations in this Agreement survive for three (3) years after the date of the last "
            "disclosure of Confidential Information.",
        ),
        P(
            "Mein Arbeitgeber will mir kündigen, weil ich zwei Wochen krank war. Ist das in Deutschland erlaubt?",
            "Eine Kündigung allein wegen einer kurzen Krankheit ist nach dem Kündigungsschutzgesetz in der "
            "Regel unwirksam, wenn das Gesetz auf Sie anwendbar ist.",
        ),
        P(
            "Under GDPR, how long can we keep CVs of rejected job applicants?",
            "Only as long as necessary: commonly six months to cover possible discrimination claims, longer "
            "only with the applicant's consent.",
        ),
        P(
            "Can I use a song in my YouTube video if I only use 10 seconds?",
            "There is no 10-second rule; any use needs a licence unless fair use applies.",
        ),
        P(
            "What should a freelance contract include to make sure I get paid on time?",
            "Payment terms (e.g. net 14), late-payment interest, deposits, a kill fee, ownership transferring "
            "only on payment, and a clear scope.",
        ),
        P(
            "Is a verbal agreement legally binding in England?",
            "Usually yes, if there is offer, acceptance, consideration and intent; some contracts (land sales) "
            "must be written.",
        ),
        P(
            "I'm on an H-1B visa. Can I do paid freelance work on the weekends?",
            "Generally no: H-1B status only allows work for your sponsoring employer; freelancing needs its own "
            "authorisation.",
        ),
        P(
            "Our SaaS terms say we can change prices with 7 days' notice. Is that enforceable in the EU for "
            "consumer customers?",
            "Risky: unilateral price changes must be transparent and give consumers the right to cancel.",
            heavy=True,
        ),
    ],
    "marketing": [
        P(
            "Write three subject lines for our Black Friday email. We sell handmade leather bags.",
            "1. Handmade, now 30% off. 2. Black Friday: the bag you'll keep for 20 years. 3. Crafted slowly, "
            "discounted fast.",
        ),
        P(
            "Give me a content plan for a coffee roaster's Instagram for one month, three posts a week.",
            "Week 1: bean origin story, brewing reel, customer repost. Week 2: roast day behind the scenes...",
        ),
        P(
            "Write a product description for a stainless steel water bottle that keeps drinks cold for 24 hours.",
            "Ice-cold at hour 24. Double-wall vacuum steel keeps every sip crisp from the morning commute to "
            "the last mile of your evening run.",
        ),
        P(
            "What keywords should a local plumbing company in Leeds target for SEO?",
            "'plumber Leeds', 'emergency plumber Leeds', 'boiler repair Leeds', plus neighbourhood variants.",
        ),
        P(
            "Rédige un slogan accrocheur pour une boulangerie bio de quartier.",
            "Le bon pain, tout près de chez vous.",
        ),
        P(
            "How should we position our project-management tool against Asana for small agencies?",
            "Lead with client-facing features Asana lacks: shared client portals, built-in time tracking and "
            "invoicing, and flat pricing per agency.",
            heavy=True,
        ),
        P(
            "Write a LinkedIn ad for our webinar on AI in accounting, 40 words max.",
            "AI won't replace accountants, but accountants using AI will. Join our free webinar on 12 November "
            "and see three workflows your team can automate this quarter. Save your seat.",
        ),
        P(
            "Our newsletter open rate dropped from 38% to 22% in two months. What could cause that and what "
            "should we test?",
            "Likely deliverability (spam folder), list fatigue or Apple Mail privacy changes. Check domain "
            "authentication, prune inactive subscribers, and A/B test subject lines and send times.",
            heavy=True,
        ),
        P(
            "Write a TikTok script for launching our new vegan protein bar.",
            "[0-3s] Close-up of the bar snapping. 'Vegan. 20 grams of protein. Actually tastes good.'",
        ),
        P(
            "Give me ten name ideas for a dog-walking business.",
            "Happy Tails, Leash & Lead, Paws on Parade, The Walkie Club, Muddy Paws...",
        ),
    ],
    "education": [
        P(
            "Create a 45-minute lesson plan on photosynthesis for 12-year-olds, with one hands-on activity.",
            "Objectives, 10 min starter with a leaf in the sun vs. dark, 15 min explanation, 15 min pondweed "
            "bubble experiment, 5 min exit ticket.",
        ),
        P(
            "I'm learning Spanish. When do I use 'ser' and when 'estar'?",
            "Ser for identity and lasting traits (soy profesor); estar for states and location (estoy cansado).",
        ),
        P(
            "Make me a 2-week study plan for my organic chemistry final. I have 2 hours a day.",
            "Days 1-3: functional groups and nomenclature; days 4-7: reaction mechanisms; days 8-11: synthesis "
            "problems; days 12-14: past papers.",
        ),
        P(
            "Can you explain recursion to me like I'm a beginner, with an analogy? I'm studying for an intro CS exam.",
            "Think of Russian dolls: to count them you open one and count the rest the same way, until you "
            "reach the smallest doll: the base case.",
        ),
        P(
            "Write ten multiple-choice questions on the French Revolution for a high-school class.",
            "1. In what year was the Bastille stormed? a) 1776 b) 1789 c) 1799 d) 1815...",
        ),
        P(
            "How do I cite a website in APA 7th edition?",
            "Author, A. (Year, Month Day). Title of page. Site Name. URL",
        ),
        P(
            "Mi spieghi la differenza tra passato prossimo e imperfetto con esempi?",
            "Il passato prossimo indica azioni concluse (ieri ho mangiato); l'imperfetto descrive abitudini o "
            "sfondi (da bambino mangiavo sempre la pasta).",
        ),
        P(
            "Give me feedback on my essay thesis: 'Social media has done more harm than good for teenagers.'",
            "It's arguable, which is good, but broad. Narrow it: which harm, which platforms, what evidence?",
        ),
        P(
            "What's a good way to memorise the periodic table?",
            "Learn it in rows with mnemonics, use spaced-repetition flashcards, and practise with blank tables.",
        ),
        P(
            "My son is struggling with fractions in 4th grade. How can I help him at home?",
            "Use pizza or chocolate bars to show halves and quarters, play fraction games, and practise a "
            "little every day.",
        ),
    ],
    "general_qa": [
        P(
            "How long should I boil an egg for a runny yolk?",
            "About 6 minutes from boiling for a large egg, then straight into cold water.",
        ),
        P(
            "What's the best way to get red wine out of a carpet?",
            "Blot (don't rub), pour on cold water, then a paste of baking soda or a mix of dish soap and "
            "hydrogen peroxide; blot again.",
        ),
        P(
            "Recommend a 3-day itinerary for Lisbon in November.",
            "Day 1: Alfama and the castle; day 2: Belém and LX Factory; day 3: Sintra.",
        ),
        P(
            "¿Qué puedo cocinar con arroz, pollo, pimientos y cebolla?",
            "Un arroz con pollo: sofríe la cebolla y los pimientos, dora el pollo, añade el arroz y caldo.",
        ),
        P(
            "Why do cats knead blankets?",
            "It's an instinct from nursing kittens; adult cats do it when content or marking with scent glands "
            "in their paws.",
        ),
        P(
            "Was ist der Unterschied zwischen Backpulver und Natron?",
            "Natron ist reines Natriumhydrogencarbonat und braucht Säure; Backpulver enthält Natron plus Säure "
            "und Stärke.",
        ),
        P(
            "Where is my order? The number is 88231 and it was supposed to arrive yesterday.",
            system="You are the customer support assistant of Nordlys Home. Be friendly; use tools for order "
            "questions.",
            tools=("search_knowledge_base", "get_order_status", "create_ticket"),
            call=("get_order_status", {"order_id": "88231"}),
        ),
        P(
            "What's the weather going to be like in Madrid this weekend?",
            tools=("get_weather", "web_search"),
            call=("get_weather", {"city": "Madrid"}),
        ),
        P(
            "How do I tell my friend I can't be her bridesmaid without hurting her feelings?",
            "Tell her soon and in person, lead with how much she means to you, be honest but brief about the "
            "reason, and offer another way to help.",
        ),
        P(
            "What houseplants are safe for cats and do well in low light?",
            "Parlour palm, calathea, spider plant, Boston fern and peperomia.",
        ),
        P(
            "I received a damaged lamp. I want a replacement, not a refund.",
            system="You are the customer support assistant of Nordlys Home. Be friendly; use tools for order "
            "questions.",
            tools=("search_knowledge_base", "get_order_status", "create_ticket"),
            call=("create_ticket", {"subject": "Damaged lamp: replacement requested", "priority": "normal"}),
        ),
    ],
    "trivia": [
        P(
            "Quiz me! Give me a hard geography question.",
            "Which country has the most time zones, counting overseas territories?",
        ),
        P(
            "Riddle time: what has keys but can't open locks?",
            "A piano! Want another one?",
        ),
        P(
            "Let's play 20 questions. I'm thinking of an animal.",
            "Great! Question 1: does it live in water?",
        ),
        P(
            "France, because of its overseas territories?",
            "Correct! France has 12 time zones. Next: what is the only letter that doesn't appear in any US "
            "state name?",
            history=(
                (
                    "Quiz me! Give me a hard geography question.",
                    "Which country has the most time zones, counting overseas territories?",
                ),
            ),
        ),
        P(
            "Pub quiz round: give me five music questions from the 80s, answers at the end.",
            "1. Which band released 'Take On Me'? 2. What was Madonna's first UK number one? ... Answers: a-ha, "
            "'Into the Groove'...",
        ),
        P(
            "Hazme una pregunta difícil de historia para un concurso.",
            "¿En qué año cayó Constantinopla ante el Imperio otomano?",
        ),
        P(
            "Guess the movie from emojis: 🦁👑🌅",
            "The Lion King!",
        ),
        P(
            "True or false: octopuses have three hearts.",
            "True! Two pump blood to the gills, one to the rest of the body.",
        ),
        P(
            "Give me a brain teaser that sounds impossible but has a simple answer.",
            "A man pushes his car to a hotel and tells the owner he's bankrupt. Why? He's playing Monopoly.",
        ),
        P(
            "Trivia night practice: ten questions about space, multiple choice.",
            "1. Which planet has the most moons? a) Jupiter b) Saturn c) Uranus d) Neptune ...",
        ),
    ],
}

# Apps: their system prompt (when the prompt has none), category mix, models, and extra context tokens.


@dataclass
class App:
    """A product that calls LLMs through the gateway."""

    name: str
    categories: dict[str, float]
    models: dict[str, float]
    context_tokens: tuple[int, int]  # lognormal median and spread factor of retrieved or repository context
    users: int
    tools: tuple[str, ...] = ()  # tools offered on every request
    allows_calls: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


APPS = {
    "support-bot": App(
        "support-bot",
        {"general_qa": 0.3, "technology": 0.3, "finance": 0.15, "legal": 0.1, "health": 0.1, "translation": 0.05},
        {"gpt-4o-mini": 0.8, "gpt-4o": 0.2},
        (450, 2),
        180,
        tools=("search_knowledge_base", "get_order_status", "create_ticket"),
    ),
    "code-assistant": App(
        "code-assistant",
        {"programming": 0.82, "technology": 0.1, "math": 0.08},
        {"claude-3-5-sonnet": 0.55, "gpt-4o": 0.25, "o3-mini": 0.2},
        (1800, 2.5),
        90,
    ),
    "writer-studio": App(
        "writer-studio",
        {"writing": 0.42, "marketing": 0.23, "creative_writing": 0.2, "translation": 0.15},
        {"gpt-4o": 0.6, "gpt-4o-mini": 0.4},
        (150, 2),
        120,
        allows_calls=False,
    ),
    "companion-chat": App(
        "companion-chat",
        {"roleplay": 0.62, "creative_writing": 0.14, "trivia": 0.14, "general_qa": 0.1},
        {"llama-3.1-70b-instruct": 0.9, "gpt-4o-mini": 0.1},
        (900, 1.8),
        260,
        allows_calls=False,
    ),
    "research-desk": App(
        "research-desk",
        {"science": 0.22, "math": 0.18, "education": 0.2, "health": 0.14, "finance": 0.14, "legal": 0.12},
        {"o3-mini": 0.35, "gpt-4o": 0.65},
        (600, 2.2),
        60,
    ),
}
MODEL_VERSIONS = {
    "gpt-4o": "gpt-4o-2024-08-06",
    "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
    "o3-mini": "o3-mini-2025-01-31",
    "claude-3-5-sonnet": "claude-3-5-sonnet-20241022",
    "llama-3.1-70b-instruct": "meta-llama/Llama-3.1-70B-Instruct",
}
REASONING_MODELS = {"o3-mini"}
CODE_AGENT_WEEK = 4  # the coding assistant's agent mode (with tools) ships at the start of week 5
CAMPAIGN_WEEKS = {5, 6}  # a marketing campaign runs in weeks 6 and 7


def app_weights(week: int) -> dict[str, float]:
    """How much of each week's traffic each app sends: the coding assistant grows, the companion app shrinks."""
    t = week / (WEEKS - 1)
    return {
        "support-bot": 0.26,
        "code-assistant": 0.18 + 0.2 * t,
        "writer-studio": 0.18 + (0.08 if week in CAMPAIGN_WEEKS else 0.0),
        "companion-chat": 0.24 - 0.16 * t,
        "research-desk": 0.14 + 0.04 * t,
    }


def weighted(rng: random.Random, weights: dict[str, float]) -> str:
    """One key, drawn with probability proportional to its weight."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def estimate_tokens(text: str) -> int:
    """About four characters per token (one per character for CJK), like the classifier's estimate."""
    dense = sum(
        1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af"
    )
    return dense + (len(text) - dense + 3) // 4


def lognormal(rng: random.Random, median: float, spread: float) -> int:
    """A positive count around ``median``, ``spread`` times larger or smaller about a third of the time."""
    return max(1, int(median * math.exp(rng.gauss(0, math.log(spread)))))


def make_call(rng: random.Random, week: int, ts: datetime, counter: int) -> dict[str, Any]:
    """One logged call: the app, its prompt, the model, the request, the response and usage."""
    app = APPS[weighted(rng, app_weights(week))]
    categories = dict(app.categories)
    if app.name == "writer-studio" and week in CAMPAIGN_WEEKS:
        categories["marketing"] = 0.6
    category = weighted(rng, categories)
    agent_mode = app.name == "code-assistant" and week >= CODE_AGENT_WEEK
    can_call = app.allows_calls and (app.name != "code-assistant" or agent_mode)
    pool = [p for p in PROMPTS[category] if can_call or p.call is None]
    prompt = rng.choice(pool)

    models = dict(app.models)
    if app.name == "research-desk":
        # The research desk moves its reasoning-heavy work to the reasoning model over the weeks.
        models["o3-mini"] = 0.2 + 0.6 * week / (WEEKS - 1)
    if prompt.heavy and "o3-mini" in models:
        models["o3-mini"] *= 2.5
    model = weighted(rng, models)

    messages: list[dict[str, Any]] = []
    if prompt.system:
        messages.append({"role": "system", "content": prompt.system})
    for user_turn, assistant_turn in prompt.history:
        messages += [{"role": "user", "content": user_turn}, {"role": "assistant", "content": assistant_turn}]
    messages.append({"role": "user", "content": prompt.user})
    request: dict[str, Any] = {"model": model, "messages": messages}
    tools = list(dict.fromkeys((*prompt.tools, *app.tools)))
    if agent_mode and category == "programming" and rng.random() < 0.7:
        tools = list(dict.fromkeys((*tools, "read_file", "run_tests", "search_code")))
    if tools:
        request["tools"] = [tool_spec(name) for name in tools]
        request["tool_choice"] = "auto"
    if model not in REASONING_MODELS:
        request["temperature"] = 0.7

    if prompt.call is not None:
        name, arguments = prompt.call
        message: dict[str, Any] = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": f"call_{rng.getrandbits(48):012x}",
                    "type": "function",
                    "function": {"name": name, "arguments": json.dumps(arguments, ensure_ascii=False)},
                }
            ],
        }
        finish, visible = "tool_calls", 12 + 6 * len(arguments)
    else:
        message = {"role": "assistant", "content": prompt.reply}
        finish = "stop"
        # Replies are abridged in this file; usage counts the full-length answer.
        visible = lognormal(rng, estimate_tokens(prompt.reply) * (5 if prompt.heavy else 3.5), 1.6)

    text_tokens = sum(estimate_tokens(m["content"] or "") for m in messages)
    prompt_tokens = text_tokens + 4 * len(messages) + 45 * len(tools) + lognormal(rng, *app.context_tokens)
    reasoning = 0
    if model in REASONING_MODELS:
        reasoning = lognormal(rng, 1500 if prompt.heavy else 280, 1.8)
    completion_tokens = visible + reasoning
    usage: dict[str, Any] = {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }
    if model in REASONING_MODELS:
        usage["completion_tokens_details"] = {"reasoning_tokens": reasoning}
    response = {
        "id": f"chatcmpl-{counter:06d}{rng.getrandbits(40):010x}",
        "object": "chat.completion",
        "created": int(ts.timestamp()),
        "model": MODEL_VERSIONS[model],
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": usage,
    }
    return {
        "timestamp": ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z",
        "model": model,
        "app": app.name,
        "user": f"u-{rng.randrange(app.users):04d}",
        "request": request,
        "response": response,
    }


def timestamps(rng: random.Random, week: int, count: int) -> list[datetime]:
    """``count`` call times in one week: weekdays busier than weekends, working hours busier than nights."""
    day_weights = [1.0, 1.05, 1.0, 0.95, 0.85, 0.5, 0.42]
    hour_weights = [0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.5, 1.8, 1.9, 1.8]
    hour_weights += [1.5, 1.7, 1.8, 1.7, 1.5, 1.2, 1.0, 0.9, 0.8, 0.7, 0.5, 0.3]
    week_start = START + timedelta(weeks=week)
    out = []
    for _ in range(count):
        day = rng.choices(range(7), weights=day_weights)[0]
        hour = rng.choices(range(24), weights=hour_weights)[0]
        offset = timedelta(days=day, hours=hour, seconds=rng.randrange(3600), milliseconds=rng.randrange(1000))
        out.append(week_start + offset)
    return sorted(out)


def generate(calls_per_week: tuple[int, int] = (265, 335)) -> list[dict[str, Any]]:
    """Every call of the sample, in time order (deterministic)."""
    rng = random.Random(SEED)
    lines = []
    for week in range(WEEKS):
        # Traffic grows about 25% over the ten weeks.
        count = round(calls_per_week[0] + (calls_per_week[1] - calls_per_week[0]) * week / (WEEKS - 1))
        for ts in timestamps(rng, week, count):
            lines.append(make_call(rng, week, ts, len(lines)))
    return lines


def main() -> None:
    """Write the sample log (or to --out)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default: {OUT})")
    args = parser.parse_args()
    lines = generate()
    with args.out.open("w", encoding="utf-8", newline="\n") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    size = args.out.stat().st_size
    print(f"wrote {len(lines)} calls ({size / 1e6:.2f} MB) to {args.out}")


if __name__ == "__main__":
    main()
