"""Marketing rows: ads, SEO, brand, social posts, product descriptions, slogans, campaigns and positioning."""

from s3_rows import Rows

S, U, A = "system", "user", "assistant"
R = Rows("marketing")

# --- exam / multiple-choice shaped ---------------------------------------------------------------------
R.text(
    "mcq",
    "en",
    False,
    """Digital marketing certification practice question 14:
A brand wants to measure how many unique people saw its campaign at least once. Which metric should it use?
A) Impressions
B) Reach
C) Click-through rate
D) Frequency
Answer with the letter.""",
)
R.text(
    "mcq",
    "en",
    True,
    """Marketing analytics exam, Q3 (short answer, show working): A campaign spent $12,000 and brought 480
leads. 15% of leads became customers, and the average customer is worth $350 in gross margin over their
lifetime. Compute the cost per lead, the customer acquisition cost and the ROI of the campaign, and say
whether you would renew it.""",
)
R.text(
    "mcq",
    "es",
    False,
    """Pregunta de examen de Marketing II: ¿Cuál de las siguientes NO es una de las 4P del marketing mix?
a) Producto
b) Precio
c) Personas
d) Plaza
Responde solo con la letra.""",
)
R.text(
    "mcq",
    "en",
    False,
    "True or false: in SEO, adding the same keyword to every image alt text on a page improves rankings. "
    "Answer true/false and give a one-line explanation.",
)
R.chat(
    "mcq",
    "de",
    False,
    (S, "Du bist Prüfer für die IHK-Prüfung Kaufmann/Kauffrau für Marketingkommunikation. Bewerte Antworten knapp."),
    (
        U,
        "Aufgabe 2b: Erläutern Sie den Unterschied zwischen Pull- und Push-Strategie in der "
        "Kommunikationspolitik und nennen Sie je ein Beispiel für einen Sportartikelhersteller.",
    ),
)

# --- persona / system preamble ----------------------------------------------------------------------
R.chat(
    "persona",
    "en",
    False,
    (
        S,
        "You are a world-class direct-response copywriter. You write benefit-driven, specific copy and never "
        "use clichés like 'game-changer' or 'unlock'.",
    ),
    (
        U,
        "Write 3 Facebook ad variations for our meal-prep delivery service, target: busy parents, price "
        "$8.99/meal, first box 50% off.",
    ),
)
R.text(
    "persona",
    "en",
    False,
    "Act as a senior brand strategist. Our company makes refillable cleaning products (concentrate tablets "
    "+ glass bottles). Give me a brand positioning statement, 3 brand pillars and a tone-of-voice guide in "
    "5 bullet points.",
)
R.text(
    "persona",
    "fr",
    False,
    "Tu es un community manager expérimenté pour une boulangerie artisanale à Bordeaux. Rédige 5 posts "
    "Instagram pour la semaine de la galette des rois, avec émojis et hashtags.",
)
R.chat(
    "persona",
    "ja",
    False,
    (S, "あなたはプロのコピーライターです。短く、心に残るキャッチコピーを作ってください。"),
    (
        U,
        "地方の小さな酒蔵が作った、アルコール度数低めのスパークリング日本酒のキャッチコピーを5案ください。ターゲットは"
        "20代の女性です。",
    ),
)

# --- format-only instructions -----------------------------------------------------------------------
R.text(
    "format",
    "en",
    False,
    "Is this a good headline for a landing page? Y or N only: 'Solutions for Your Business Needs'",
)
R.chat(
    "format",
    "en",
    False,
    (
        S,
        'You generate e-commerce SEO metadata. Reply with JSON only: {"title": <=60 chars, '
        '"meta_description": <=155 chars, "h1": str}.',
    ),
    (U, "Product: Merino wool hiking socks, cushioned, anti-blister, made in Portugal, 3-pack"),
)
R.text("format", "pt", False, "Um slogan para uma academia de bairro. Uma frase só, sem explicação.")
R.text(
    "format",
    "en",
    False,
    "Give me 10 Instagram hashtags for a vegan bakery in Austin. Comma separated, nothing else.",
)

# --- pasted document + short instruction ------------------------------------------------------------
R.text(
    "doc",
    "en",
    False,
    """Here's our product spec sheet. Write an Amazon product listing from it: title (max 200 chars), 5 bullet
points, and a product description (~200 words). Audience is home cooks, not chefs. Don't invent features.

PRODUCT SPECIFICATION — HEARTH & IRON 28 cm ENAMELLED CAST IRON SKILLET (MODEL HI-28E)

Materials: Cast iron body with two-layer vitreous enamel coating. Interior: matte black enamel, satin finish,
designed to develop a light patina with use. Exterior: gloss enamel in four colours — Sage, Terracotta, Ink
Blue, Cream. Stainless steel knob-free design; no plastic or wooden parts.

Dimensions: Cooking surface diameter 24 cm; top diameter 28 cm; depth 5.2 cm; overall length including main
handle 46 cm. Helper handle opposite the main handle. Two pouring lips.

Weight: 2.9 kg.

Heat sources: Suitable for gas, electric, ceramic, halogen and induction hobs. Oven safe to 260°C. Suitable
for grill and barbecue use. Not suitable for microwave.

Care: Dishwasher safe, though hand washing recommended to keep exterior gloss. No seasoning required before
first use. Avoid sudden temperature changes (e.g. plunging a hot pan into cold water). Metal utensils can be
used; the enamel may show light marks over time which do not affect performance.

Performance notes from our test kitchen: Reaches even searing temperature across the base in approx. 4
minutes on a medium gas burner. Retains heat well; temperature drop when adding two room-temperature steaks
measured at 18°C versus 41°C for a 28 cm aluminium pan. Suitable for searing, shallow frying, baking
cornbread and skillet cookies, and finishing dishes in the oven.

Warranty: Lifetime warranty against manufacturing defects in the enamel and cast iron. Does not cover chips
from dropping or misuse.

Packaging: Recyclable cardboard box, no plastic. Includes a care leaflet and a pair of silicone handle
sleeves (removable, heat resistant to 230°C).

Manufactured in: France (foundry) with enamelling in France.

Certifications: Complies with EU regulation 1935/2004 for food contact materials. PFAS-free, PTFE-free.

RRP: $89.00. Launch promotion: $74.00 for the first 30 days.

Target keywords (from SEO team): enameled cast iron skillet, induction frying pan, oven safe skillet,
non toxic frying pan, cast iron pan no seasoning.

Brand voice: warm, practical, a bit understated. No exclamation marks. Never say "revolutionary".""",
)
R.text(
    "doc",
    "en",
    True,
    """Below is last quarter's campaign report. Based on it, recommend how to split next quarter's $60k budget
across channels and explain the reasoning with numbers. We want to maximise new customers, but we can't drop
any channel below $5k because of contracts.

Q2 PERFORMANCE SUMMARY — PAWSOME (premium dog food subscription)

Total spend: $54,000. Total new subscribers: 1,180. Blended CAC: $45.76.

Channel breakdown:

1. Paid social (Meta + TikTok)
Spend: $22,000. Clicks: 61,000. Trials started: 1,950. Paid subscribers: 540. CAC: $40.74.
Notes: TikTok creatives with real owners outperformed studio creatives 3:1 on CTR. Frequency reached 6.1 in
June and CPMs rose 28% month over month, suggesting audience fatigue. Retention at 90 days for this cohort:
58%.

2. Google Search
Spend: $14,000. Clicks: 9,800. Trials: 820. Paid subscribers: 360. CAC: $38.89.
Notes: Brand terms are 40% of spend and convert at 3x non-brand. Non-brand CAC estimated at $61. Impression
share on non-brand terms is 34%, so there is room to scale, but CPCs rise with bid. Retention at 90 days:
71%.

3. Influencer partnerships
Spend: $10,000 (four mid-tier creators). Trackable subscribers via codes: 160. CAC: $62.50.
Notes: One creator (@barkandbrew) drove 110 of the 160. The other three underperformed. Code-based
attribution undercounts; post-purchase survey suggests influencers were "how did you hear about us" for 12%
of all new subscribers, i.e. roughly 140 more. Retention at 90 days: 66%.

4. Email to waitlist / referrals
Spend: $3,000 (referral credits). Subscribers: 95. CAC: $31.58.
Notes: Referral program only launched in mid-May. Each referred customer refers 0.3 others on average.
Retention at 90 days: 79%.

5. Podcast sponsorship
Spend: $5,000 (contracted through Q3). Subscribers via code: 25. CAC: $200.
Notes: Survey attribution suggests maybe 40 more. Contract is fixed at $5k per quarter until end of Q3.

Average subscriber lifetime gross margin: $210 (at 70% retention). Margin scales roughly linearly with 90-day
retention.

Constraints for Q3: total budget $60,000; podcast fixed at $5,000; influencer contract minimum $5,000;
leadership wants blended CAC under $45 and would rather see fewer, better-retained customers than a volume
spike that churns.""",
)
R.text(
    "doc",
    "nl",
    False,
    """Hieronder staat de tekst van onze 'Over ons'-pagina. Kun je er een pakkende LinkedIn-bedrijfsbeschrijving
van maken (max. 2000 tekens) en drie varianten van een korte slogan? Doelgroep: facility managers bij
middelgrote bedrijven.

OVER ONS

Groenwerk Interieurbeplanting is in 2009 begonnen in een schuur in Boskoop, met één bestelbus, twee
oprichters en een simpel idee: kantoren worden beter als er echte planten staan. Niet een paar vergeten
ficussen in een hoek, maar beplanting die is ontworpen voor de ruimte, het licht en de mensen die er werken.

Inmiddels werken we met 34 medewerkers voor meer dan 400 klanten in de Randstad en Noord-Brabant: van
advocatenkantoren en zorginstellingen tot scale-ups die net hun eerste eigen verdieping hebben. Wij ontwerpen,
leveren, plaatsen en onderhouden. Onze hoveniers komen elke twee weken langs, controleren de
watervoorziening, snoeien, voeden en vervangen planten die het niet redden — zonder extra kosten.

Wat ons onderscheidt? Ten eerste: we kiezen planten op basis van metingen. Voordat we een voorstel maken,
meten we de lichtintensiteit, temperatuur en luchtvochtigheid op de werkplek. Zo voorkomen we dat er planten
komen te staan die na drie maanden bruin worden. Ten tweede: duurzaamheid. Al onze planten komen van
Nederlandse kwekers binnen een straal van 80 kilometer, onze potten zijn gemaakt van gerecycled plastic of
keramiek, en sinds 2022 rijden al onze bussen elektrisch. Ten derde: flexibiliteit. Klanten kunnen kiezen
voor koop of huur, en bij huur kunnen ze elk jaar een deel van de beplanting laten wisselen, bijvoorbeeld met
de seizoenen.

We geloven dat groen op de werkvloer meer is dan decoratie. Onderzoek laat zien dat planten kunnen bijdragen
aan een prettiger binnenklimaat, minder geluidsoverlast en een hogere tevredenheid van medewerkers. Maar we
beloven geen wonderen: wat we wel beloven, is dat uw planten er over een jaar nog net zo goed uitzien als op
de dag dat ze geplaatst werden.

Daarnaast bieden we mosschilderijen, groene wanden, kerstbomen en -decoratie, en bloemstukken voor de
receptie. Voor evenementen verhuren we ook tijdelijke beplanting.

Groenwerk is sinds 2021 B Corp-gecertificeerd en is erkend leerbedrijf: jaarlijks leiden we zes tot acht
MBO-studenten op tot hovenier.

Benieuwd wat groen voor uw kantoor kan doen? Plan een gratis adviesgesprek met een van onze ontwerpers.""",
)

# --- few-shot ---------------------------------------------------------------------------------------
R.text(
    "fewshot",
    "en",
    False,
    """Write product taglines in this style:
Product: noise-cancelling headphones → "Silence, on demand."
Product: electric toothbrush → "Two minutes. Zero guesswork."
Product: reusable coffee cup →""",
)
R.prompt(
    "fewshot",
    "en",
    False,
    """Turn features into benefits.
Feature: 10,000 mAh battery → Benefit: Charge your phone twice over without hunting for a socket.
Feature: waterproof to 50 m → Benefit: Swim, surf or get caught in a downpour without a second thought.
Feature: 2-minute setup →""",
    "Benefit: Out of the box and working before your coffee's ready.",
)
R.text(
    "fewshot",
    "it",
    False,
    """Scrivi oggetti email per la newsletter del nostro negozio di vini, stile questi:
- "Il rosso che mancava alla tua cena di sabato"
- "3 bottiglie sotto i 15 €, promesso"
- "Cosa bevono i sommelier quando nessuno li guarda"
Tema di questa settimana: i bianchi dell'Alto Adige in offerta.""",
)

# --- bare -----------------------------------------------------------------------------------------------
R.text("bare", "en", False, "what's a good CTR for google ads")
R.text("bare", "en", False, "slogan for a mobile bike repair service")
R.text("bare", "ko", False, "인스타 릴스 조회수 올리는 방법")
R.text("bare", "en", False, "what is a lead magnet")
R.text("bare", "zh", False, "小红书笔记标题怎么写才有流量")

# --- multi-turn chats ----------------------------------------------------------------------------------
R.chat(
    "multiturn",
    "en",
    False,
    (
        U,
        "write me a product description for handmade soy candles, scent is fig and cedar, 40 hour burn, "
        "cotton wick. for my etsy shop",
    ),
    (
        A,
        "Fig & Cedar Soy Candle — Hand-poured in small batches, this candle pairs ripe, jammy fig with the "
        "dry warmth of cedarwood…",
    ),
    (U, "shorter please, and add a line about gift wrapping"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (
        S,
        "You are the marketing assistant for Brightline, a B2B invoicing SaaS. Audience: finance managers "
        "at companies with 50-500 employees.",
    ),
    (U, "Give me 5 LinkedIn post ideas for our launch of automatic payment reminders."),
    (
        A,
        "1. 'The awkward email nobody wants to write' — a post about chasing late payments… 2. A stat post: "
        "average DSO… 3. Customer quote… 4. Before/after… 5. A poll…",
    ),
    (U, "write out number 2"),
)
R.chat(
    "multiturn",
    "es",
    False,
    (
        U,
        "Necesito un plan de contenidos para el Instagram de mi clínica dental en Valencia, un mes, 3 posts "
        "por semana.",
    ),
    (
        A,
        "Semana 1: lunes — presentación del equipo; miércoles — mito vs. realidad sobre el blanqueamiento; "
        "viernes — antes/después (con consentimiento)…",
    ),
    (U, "¿y para las stories?"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (
        U,
        "we're a small craft brewery launching a hazy IPA called 'Fog Machine'. give me a launch campaign "
        "idea for our taproom + socials, budget $2k",
    ),
    (
        A,
        "Campaign: 'Lost in the Fog' — a week-long launch: a fog-machine taproom night, a scavenger hunt "
        "on Instagram with can-shaped clues…",
    ),
    (U, "go on"),
)
R.chat(
    "multiturn",
    "ru",
    False,
    (S, "Ты маркетолог интернет-магазина детской одежды. Пиши живо, без канцелярита."),
    (U, "Придумай текст для рассылки к распродаже «Снова в школу», скидки до 30%."),
    (A, "Тема: Рюкзак собран? А форма? 🎒\n\nДо 1 сентября осталось совсем немного…"),
    (U, "ещё вариант темы письма"),
)
R.chat(
    "multiturn",
    "en",
    True,
    (
        U,
        "We sell a $29/mo productivity app. Should we run a 14-day free trial or a freemium tier? Our trial "
        "converts at 9%, and we think freemium would get 4x signups but only 2.5% of free users would upgrade "
        "in the first 3 months. Support costs $1.20/month per free user.",
    ),
    (
        A,
        "Let's compare per 1,000 visitors who'd start a trial today: trial → 90 paying… freemium → 4,000 "
        "free users, 100 paying in 3 months, minus support cost of ~$4,800/month…",
    ),
    (U, "what about the second one over 12 months instead of 3?"),
)
R.chat(
    "multiturn",
    "tr",
    False,
    (U, "Kafemiz için Instagram biyografisi yazar mısın? Kadıköy'de küçük bir üçüncü dalga kahveci, kedi dostu."),
    (A, "☕ Kadıköy'ün en küçük kahve durağı\n🐈 Kedilerimiz seni bekliyor\n📍 Moda Cd. No:12"),
    (U, "biraz daha esprili olsun"),
)

# --- other ------------------------------------------------------------------------------------------
R.text(
    "plain",
    "en",
    False,
    "need a google ads headline set (15 headlines, 30 chars max each) for a plumber in Leeds, 24/7 emergency callouts",
)
R.text(
    "plain",
    "en",
    True,
    "We're pricing a new project-management tool. Competitors: Asana $10.99/user, Monday $9/user (3-seat "
    "min), ClickUp $7/user. Our cost to serve is $2/user and we're better for agencies (client portals). "
    "Propose a 3-tier pricing and packaging with reasoning on anchoring and margins, and estimate the "
    "blended price per user if 60/30/10 of customers pick the tiers.",
)
R.prompt(
    "plain",
    "en",
    False,
    "Write a tweet announcing our coffee shop now opens at 6am",
    "Early birds, this one's for you ☕ Starting Monday we open at 6am. Same beans, more mornings.",
)
R.text(
    "plain",
    "de",
    False,
    "Schreib mir eine Produktbeschreibung für unseren Onlineshop: handgemachte Holzspielzeug-Eisenbahn aus "
    "Buche, ab 3 Jahren, 12 Teile, unbehandelt.",
)
R.text(
    "plain",
    "hi",
    False,
    "मेरी मिठाई की दुकान के लिए दिवाली ऑफर का व्हाट्सएप मैसेज लिखो, 20% छूट काजू कतली पर।",
)
R.text(
    "plain",
    "en",
    False,
    "Can you do an SEO keyword cluster for a blog about sourdough baking? group them by search intent",
)
R.text(
    "plain",
    "en",
    True,
    "Our A/B test on the pricing page: version A 4,210 visitors, 168 signups; version B 4,185 visitors, 201 "
    "signups. Marketing wants to ship B today. Is the difference significant at 95%, and what would you tell "
    "the team about shipping it and what to test next?",
)
R.text(
    "plain",
    "ar",
    False,
    "اكتب لي إعلاناً قصيراً على فيسبوك لمطعم مشاوي جديد في الرياض، مع عرض الافتتاح: خصم 25% لمدة أسبوع.",
)
R.text(
    "plain",
    "vi",
    False,
    "Viết caption Facebook quảng cáo khóa học tiếng Anh giao tiếp online cho người đi làm, giọng văn thân "
    "thiện, có kêu gọi đăng ký.",
)
R.text(
    "plain",
    "en",
    False,
    "Write a cold outreach email to boutique hotel owners selling our locally roasted coffee for their "
    "breakfast service. Keep it under 120 words, not salesy",
)
R.text(
    "plain",
    "id",
    False,
    "Bikinin caption TikTok buat promo sambal botolan rumahan, level pedas 1-5, gratis ongkir Jabodetabek.",
)
R.text(
    "plain",
    "pl",
    False,
    "Potrzebuję nazwy i sloganu dla nowej marki naturalnych kosmetyków dla mężczyzn. Daj 5 propozycji.",
)
R.text(
    "plain",
    "en",
    True,
    "Plan a 6-week product launch calendar for our kombucha brand with these constraints: $15k total, "
    "no paid ads before week 3, the retail partner (Whole Foods region) stocks us in week 4, we need 3 "
    "influencer posts before stocking, and the email list (8k) shouldn't get more than one email a week. "
    "Put it in a week-by-week table with budget per line.",
)

# --- more marketing jobs --------------------------------------------------------------------------------
R.chat(
    "multiturn",
    "en",
    True,
    (
        U,
        "Help me plan ad spend for our online plant shop for November. Last year: Google Shopping ROAS 4.2 "
        "at $3k/mo, Meta ROAS 2.1 at $2k/mo, Pinterest ROAS 3.0 at $500/mo. This year budget is $8k. Returns "
        "diminish around 1.5x last year's spend per channel.",
    ),
    (
        A,
        "Given diminishing returns above ~1.5× last year's spend, Google Shopping caps near $4.5k, "
        "Pinterest near $750…",
    ),
    (U, "and then what do I do with the leftover?"),
)
R.text(
    "persona",
    "en",
    False,
    "You're an expert SEO consultant. Audit this title tag and meta description for our Denver dentist "
    "page and rewrite both: Title: 'Home' / Meta: 'Welcome to our website. We are dentists.'",
)
R.text(
    "mcq",
    "en",
    False,
    """Which positioning statement is strongest for a budget airline targeting students? Pick one (A/B/C) and
then write a 30-second radio spot based on it.
A) "The cheapest way to get anywhere."
B) "Go now. Pay for the snacks later."
C) "Quality service at affordable prices.\"""",
)
R.text(
    "plain",
    "en",
    True,
    "Our SaaS trial-to-paid funnel: 10,000 visitors → 800 signups → 320 activated (created a project) → 64 "
    "paid. We can afford one of three fixes this quarter: a new landing page (+20% signups expected), an "
    "onboarding checklist (+30% activation), or a pricing page redesign (+15% activated-to-paid). Which "
    "should marketing prioritise? Show the math and the assumptions.",
)
R.text("bare", "en", False, "best time to post on linkedin")
R.text(
    "plain",
    "en",
    True,
    "We sell a $40 skincare serum. Influencer A: 220k followers, 1.8% engagement, quotes $3,500/post. "
    "Influencer B: 45k followers, 6.5% engagement, $900/post. Influencer C: 9k followers, 11% engagement, "
    "$250/post, and we can book several. Assume 2% of engaged users buy. Which mix gets the most sales for "
    "$5,000, and what non-numeric risks should we weigh?",
)
R.text(
    "mcq",
    "fr",
    True,
    """Étude de cas, examen de marketing stratégique : une marque de yaourts premium perd des parts de marché
face aux marques de distributeur (prix 40 % plus bas). Quelle stratégie recommandez-vous ?
A) Baisser le prix de 30 %
B) Lancer une gamme « seconde marque » moins chère
C) Renforcer la différenciation (origine locale, recettes) et garder le prix
D) Augmenter la publicité télé
Justifiez en calculant l'impact sur la marge d'une baisse de prix de 30 % si la marge actuelle est de 35 %.""",
)
