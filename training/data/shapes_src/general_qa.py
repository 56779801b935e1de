"""General Q&A rows (facts, everyday how-to, recommendations) in real-traffic shapes."""

from training.data.shapes_src.rows import chat, pc, t

CATEGORY = "general_qa"

ROWS = [
    # --- exam / MCQ / true-false / short answer ---
    t(
        "mcq",
        """Food handler certificate practice test, question 9:
What is the safest way to thaw a frozen whole chicken?
A. On the kitchen counter overnight
B. In the refrigerator
C. In a sink of hot water
D. In direct sunlight on the windowsill
Answer with the letter.""",
    ),
    t("mcq", "True or False: you should rinse raw chicken under the tap before cooking it to remove bacteria."),
    t(
        "mcq",
        """geography test tomorrow, practice q:
Which of the following is the capital of Australia?
a) Sydney b) Melbourne c) Canberra d) Perth""",
    ),
    t(
        "mcq",
        """Quiz de fin de formation barista (QCM) :
Quelle est la plage de température recommandée pour l'eau d'extraction d'un espresso ?
A) 70–75 °C
B) 80–85 °C
C) 90–96 °C
D) 100–105 °C""",
    ),
    t(
        "mcq",
        "Housekeeping staff training quiz: Which two common cleaning products must NEVER be mixed, and why? "
        "(short answer)",
    ),
    t(
        "mcq",
        "Examen práctico del curso de cocina, pregunta abierta: explique paso a paso cómo se hace un sofrito "
        "básico para arroces y qué error hace que quede amargo.",
    ),
    t(
        "mcq",
        "家庭科のテスト対策です。洗濯表示で「桶に手を入れたマーク」は何を意味しますか？\n"
        "ア 洗濯機で洗える　イ 手洗いできる　ウ 洗濯できない　エ ドライクリーニング\n記号で答えて",
    ),
    t(
        "mcq",
        """Consumer skills worksheet: Which of these is the strongest warning sign that an online shop might be a scam?
A) It only accepts bank transfer or gift cards, and the prices are far below every other shop
B) It has a chat widget in the corner
C) It ships from another country
D) It was recommended by an influencer
Explain your choice in one sentence.""",
    ),
    # --- persona / system preamble ---
    t(
        "persona",
        "You are a Michelin-star chef with a no-nonsense attitude. My lentil soup is way too salty and guests "
        "arrive in an hour. How do I rescue it?",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "You are the digital concierge of a boutique hotel in Lisbon's Alfama district. Recommend real "
                "places, give walking times, and keep answers under 200 words.",
            ),
            (
                "user",
                "We have one full day, we're in our 60s, my husband has a bad knee so not too many hills, we want "
                "to see tiles, eat seafood for lunch and be back by 6pm for a fado show. plan it",
            ),
        ],
        "yes",
    ),
    t(
        "persona",
        "Act as a relationship counselor. My partner and I both work from home and we keep arguing about chores "
        "— he says he does more, I say I do more. How do we stop fighting about it?",
    ),
    chat(
        "persona",
        [
            ("system", "당신은 15년 경력의 인테리어 디자이너입니다. 현실적인 예산 안에서 조언해 주세요."),
            ("user", "7평 원룸인데 너무 좁아 보여요. 100만원 안쪽으로 넓어 보이게 하는 방법 있을까요?"),
        ],
    ),
    t(
        "persona",
        "Du bist ein erfahrener Handwerker und erklärst Schritt für Schritt. Mein Küchenwasserhahn (Einhebelmischer) "
        "tropft ständig. Kann ich das selbst reparieren und was brauche ich dafür?",
    ),
    # --- format-only instructions ---
    t("format", "can you freeze cooked rice? Y/N only"),
    t(
        "format",
        'Reply in JSON only with keys "clothing", "gear", "food", "documents": packing list for a 3-day hut-to-hut '
        "hike in the Dolomites in September.",
    ),
    t("format", "One word answer: what's the capital of Canada?"),
    t("format", "Responde solo sí o no: ¿se puede limpiar el mármol con vinagre?"),
    t("format", "Ответь одним числом: сколько минут варить яйцо всмятку?"),
    # --- pasted documents ---
    t(
        "document",
        """We just arrived at our Airbnb and the host's manual is long. Quick questions: how do we turn on the heating, can we use the fireplace, and what exactly do we have to do before checkout?

WELCOME TO THE BIRCH COTTAGE!

Thank you for choosing our little cottage. Please take five minutes to read this guide; it will make your stay easier and help us keep the cottage nice for the next guests.

ARRIVAL
The key is in the lockbox to the left of the front door; the code was sent to you in the app on the day of arrival. Please put the key back in the lockbox when you leave, not on the table.

WI-FI
Network: BirchCottage_Guest. Password is on the card on the fridge. The router is in the hallway cupboard; if the internet stops working, switch it off at the wall, wait 30 seconds and switch it back on.

HEATING AND HOT WATER
The cottage has a heat pump. The control panel is on the wall next to the kitchen door. Press the power button once, then use the arrows to set the temperature. 20–21 °C is comfortable. Please do not set it above 23 °C, the system struggles and it gets very loud. Hot water is automatic. The bathroom has a separate electric towel rail with a timer switch on the wall outside the bathroom; turn the dial to the number of hours you want it on.

FIREPLACE
The wood stove in the living room may be used. Firewood is in the shed behind the house (the shed is not locked). Use the firelighters in the basket, never paper from the magazines or any liquid. Open the air vent under the door of the stove fully when lighting and half-close it once the fire is going. Never leave the fire unattended and make sure it is out before you go to bed or leave the house. Ashes go in the metal bucket by the shed, never in the bin.

KITCHEN
Dishwasher tablets are under the sink. Please run the dishwasher before you leave, even if it is not full. The coffee machine uses pods, there is a box on the shelf; please leave used pods in the small container, not the general rubbish.

RUBBISH AND RECYCLING
General waste: black bin. Recycling (plastic, cans, paper): blue bin. Glass: crate by the back door. Food waste: small green caddy under the sink, empty it into the brown bin outside. Bins are collected on Tuesday mornings.

QUIET HOURS
We have neighbours close by. Please keep noise down between 22:00 and 08:00.

CHECKOUT
Checkout is at 10:00. Before leaving please: strip the beds and put the sheets and towels in the laundry basket in the bathroom; run the dishwasher; take the rubbish and recycling to the bins outside; switch off the heating (do not unplug it); close all windows; make sure the stove is out; lock the door and return the key to the lockbox.

If anything is broken or not working, please message us in the app; we live 15 minutes away. Enjoy your stay!

Anna & Jonas""",
    ),
    t(
        "document",
        """Family group chat about our trip, I've copied it all. We keep going in circles. Can you turn this into an actual day-by-day plan that works for everyone's constraints, and tell us what we still haven't booked?

[Mon 19:02] Mum: Ok so Scotland, 6 nights, 12–18 August. Flying into Edinburgh, flights are booked, land 11:40 on the 12th, fly home 17:15 on the 18th.
[Mon 19:04] Dad: I want at least one proper hiking day. Something with a view, 4–6 hours max, my knees.
[Mon 19:05] Leo (15): can we do the Harry Potter train thing
[Mon 19:05] Mia (11): I want to see a castle and a loch and a highland cow. Real ones
[Mon 19:07] Mum: The Jacobite steam train runs from Fort William, I looked, it's about 2 hours each way and sells out, morning departure is 10:15.
[Mon 19:09] Dad: Fort William is 3 hours' drive from Edinburgh. Ben Nevis is there but that's too long for me. Glen Coe is close though.
[Mon 19:10] Mum: We have the rental car from the airport for the whole trip. I don't want to drive more than 3.5 hours on any day.
[Mon 19:12] Mum: Also the Edinburgh Fringe is on, hotels in Edinburgh are crazy expensive, I'd rather only stay there the last night.
[Mon 19:15] Leo: Fringe has comedy shows can we go to one
[Mon 19:15] Mum: if it's not too late, Mia goes to bed at 10
[Tue 08:30] Dad: What about Skye? Everyone says Skye.
[Tue 08:32] Mum: Skye is another 2.5 hours from Fort William. Could do 2 nights there? The Fairy Pools are an easy walk for Mia.
[Tue 08:33] Mia: Fairy pools!!!
[Tue 08:40] Dad: If we do Skye, then where do I do my hike? Quiraing is on Skye, about 2-3 hours I think. Or the Old Man of Storr.
[Tue 08:41] Leo: i dont want to walk every day
[Tue 12:15] Mum: I found a B&B in Fort William for the 13th and 14th, not booked yet. Nothing on Skye booked. Edinburgh last night not booked.
[Tue 12:18] Dad: Can we stop somewhere on the first day? We land at 11:40, getting the car takes an hour probably.
[Tue 12:20] Mum: Stirling Castle is on the way-ish. Or we could stay the first night near Loch Lomond.
[Tue 12:25] Mia: is there a highland cow at the castle
[Tue 12:30] Mum: Also, Leo's friend's mum said the Jacobite needs to be booked months ahead, it might be sold out already. Leo if it is, you'll survive.
[Tue 12:31] Leo: 😐""",
        "yes",
    ),
    t(
        "document",
        """Ma machine à laver affiche « E21 » et ne vide plus l'eau. Voici l'extrait du manuel. Qu'est-ce que je dois faire concrètement, dans l'ordre, et est-ce que je peux le faire moi-même sans appeler un technicien ?

8. EN CAS DE PANNE

8.1 Codes d'erreur
E10 – Problème d'arrivée d'eau. Vérifiez que le robinet d'alimentation est ouvert, que le tuyau d'arrivée n'est pas plié et que le filtre du tuyau n'est pas obstrué.
E20 / E21 – L'eau ne s'évacue pas. Le tuyau de vidange est peut-être plié ou bouché, ou le filtre de la pompe de vidange est obstrué. Voir section 8.3.
E30 – Trop-plein. Coupez l'alimentation en eau et contactez le service après-vente.
E40 – La porte n'est pas correctement fermée. Fermez la porte jusqu'au déclic. Si le message persiste, vérifiez qu'aucun linge n'est coincé dans le joint.
E60 / E61 – Défaut du moteur. Débranchez l'appareil pendant 10 minutes puis relancez un programme. Si le code réapparaît, contactez le service après-vente.
E90 – Erreur de communication électronique. Débranchez l'appareil pendant 10 minutes.

8.2 Avant toute intervention
Débranchez toujours l'appareil avant d'effectuer une opération de nettoyage ou d'entretien. Si l'appareil vient de fonctionner à haute température, attendez que l'eau ait refroidi.

8.3 Nettoyage du filtre de la pompe de vidange
Le filtre se trouve derrière la petite trappe en bas à droite de la façade.
1. Placez une serpillière et un récipient plat sous la trappe : une quantité importante d'eau peut s'écouler, jusqu'à 10 litres si la cuve est pleine.
2. Ouvrez la trappe à l'aide d'une pièce de monnaie.
3. Sortez le petit tuyau de vidange d'urgence, retirez son bouchon et laissez l'eau s'écouler dans le récipient. Refermez le bouchon quand le récipient est plein, videz-le et recommencez.
4. Lorsque l'eau ne coule plus, dévissez le filtre dans le sens inverse des aiguilles d'une montre et retirez-le.
5. Retirez les corps étrangers (pièces, boutons, peluches, cheveux) du filtre et de son logement. Vérifiez que l'hélice de la pompe, visible au fond du logement, tourne librement.
6. Rincez le filtre à l'eau courante, revissez-le fermement dans le sens des aiguilles d'une montre, remettez le tuyau d'urgence en place et refermez la trappe.
7. Versez environ 2 litres d'eau dans le tambour et lancez le programme « Vidange/Essorage » pour vérifier que l'eau s'évacue.

8.4 Si le problème persiste
Vérifiez que le tuyau de vidange n'est pas plié derrière l'appareil et que son extrémité n'est pas placée plus haut que 100 cm ni plongée dans l'eau de l'évier. Si le code d'erreur réapparaît, contactez le service après-vente en indiquant le modèle et le numéro de série (plaque signalétique à l'intérieur du hublot).

Il y a encore plein d'eau dans le tambour et du linge dedans.""",
    ),
    # --- few-shot ---
    t(
        "fewshot",
        """Give a one-line kitchen tip for each problem, like these:

Problem: guacamole turns brown
Tip: press plastic wrap directly onto the surface so no air touches it.

Problem: onions make me cry
Tip: chill the onion for 15 minutes and use a very sharp knife.

Problem: brown sugar has gone rock hard
Tip:""",
    ),
    pc(
        "fewshot",
        """Recommend one thing to do, in one sentence, matching the city and the traveller.

City: Kyoto | Traveller: early riser who hates crowds
Answer: Walk through Fushimi Inari's upper gates at sunrise before the tour buses arrive.

City: Barcelona | Traveller: foodie on a budget
Answer: Graze the side stalls of Mercat de Sant Antoni instead of the touristy Boqueria.

City: Vienna | Traveller: rainy day, travelling with a 6-year-old
Answer:""",
        "Spend the afternoon at the Haus des Meeres, an aquarium and zoo inside an old flak tower with a rooftop view.",
    ),
    t(
        "fewshot",
        """照下面的格式回答：

问：衬衫上的油渍怎么洗？
答：先用洗洁精涂在油渍上揉搓，静置10分钟，再正常机洗。

问：白鞋发黄怎么办？
答：用牙膏或小苏打加白醋刷洗，洗完用纸巾包住晾干。

问：羽绒服可以机洗吗？
答：""",
    ),
    # --- bare questions ---
    t("bare", "how long does cooked chicken keep in the fridge"),
    t("bare", "time difference between london and new york"),
    t("bare", "qual a melhor época para visitar o Japão?"),
    t("bare", "how to get red wine out of a carpet"),
    t("bare", "كيف أتخلص من رائحة الثلاجة الكريهة؟"),
    t("bare", "what does per diem mean"),
    # --- multi-turn chats: frame first, short follow-up last ---
    chat(
        "chat",
        [
            (
                "user",
                "I'm going to Iceland in late October for 5 days, no car. Is it realistic to see the northern "
                "lights and what should I book?",
            ),
            (
                "assistant",
                "Yes, late October is a good time: long dark nights and not yet deep winter. Base yourself in "
                "Reykjavík and book a northern-lights bus tour on a flexible ticket (most operators rebook you "
                "free if there's no show). Also consider a Golden Circle day tour and a South Coast tour; both run "
                "daily. Check the Icelandic Met Office aurora forecast and cloud cover each afternoon.",
            ),
            ("user", "and then? what about the blue lagoon, worth it?"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "I want to start baking sourdough. What do I need and how do I make a starter?"),
            (
                "assistant",
                "You need flour (wholemeal rye or wheat helps the start), water, a jar, and a kitchen scale. Day 1: "
                "mix 50 g flour and 50 g water, cover loosely, leave at room temperature. Every 24 h, discard half "
                "and feed 50 g flour + 50 g water. Around day 5–10 it should double within 4–8 hours of feeding; "
                "then it's ready to bake with.",
            ),
            ("user", "shorter please, just the daily routine"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "Quiero pintar mi habitación yo mismo, nunca lo he hecho. ¿Qué compro?"),
            (
                "assistant",
                "Lo básico: pintura plástica (unos 10 m² por litro y mano), rodillo de pelo medio con alargador, "
                "brocha de 5 cm para esquinas, cinta de carrocero, plástico para cubrir el suelo, masilla y lija "
                "fina para agujeros, y una bandeja.",
            ),
            ("user", "¿y luego qué orden sigo?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "my best friend didn't invite me to her wedding, we've been friends 12 years. i found out on "
                "instagram. should i say something",
            ),
            (
                "assistant",
                "That hurts, especially after 12 years. Before deciding, it can help to separate what you know "
                "from what you're guessing: small or family-only weddings, budget limits, or a plus-one issue "
                "could explain it. If the friendship matters to you, a calm private message like 'I saw the "
                "photos, congrats, honestly I was a bit hurt not to be there, can we talk?' opens the door "
                "without accusing her.",
            ),
            ("user", "what if she doesn't answer"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "Ich suche einen Staubsaugerroboter für 80 m², zwei Katzen, viel Parkett, bis 400 Euro."),
            (
                "assistant",
                "Bei Katzenhaaren zählen starke Saugleistung, eine Gummibürste (verheddert sich weniger) und "
                "möglichst eine Absaugstation. In dem Budget gibt es Modelle mit Laser-Navigation und Station im "
                "Angebot; achte auf 'No-Go-Zonen' für Futternäpfe und Katzenklo.",
            ),
            ("user", "und welche Marken?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "system",
                "You are a helpful shopping assistant for an outdoor gear store. Only recommend general product "
                "types, not competitor brands.",
            ),
            ("user", "what sleeping bag do I need for camping in Scotland in May?"),
            (
                "assistant",
                "Nights in May can drop to 2–5 °C, lower in the Highlands. Look for a three-season bag with a "
                "comfort rating around 0 to 5 °C. Synthetic fill copes better with damp; down packs smaller if you "
                "keep it dry. Pair it with an insulated mat (R-value 3 or more).",
            ),
            ("user", "what about the mat, explain R-value"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "Sto organizzando una cena per 8 persone, una è celiaca e due vegetariane. Idee di menù?"),
            (
                "assistant",
                "Antipasto: hummus con verdure crude e chips di mais. Primo: risotto ai funghi porcini (riso e "
                "brodo vegetale sono senza glutine, controlla il dado). Secondo: parmigiana di melanzane senza "
                "impanatura. Dolce: panna cotta con frutti di bosco.",
            ),
            ("user", "continua, e il vino?"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "Nhà mình mới chuyển vào căn hộ, có cách nào chống ẩm mốc tường vào mùa nồm không?"),
            (
                "assistant",
                "Mùa nồm nên đóng kín cửa vào những ngày độ ẩm cao, bật máy hút ẩm hoặc điều hòa chế độ Dry, lau "
                "sàn bằng khăn khô, và dùng túi hút ẩm trong tủ quần áo. Với tường đã mốc, lau bằng dung dịch "
                "nước pha giấm hoặc chất tẩy mốc chuyên dụng.",
            ),
            ("user", "máy hút ẩm loại nào thì đủ cho 60m2?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "What's the difference between baking soda and baking powder, and can I swap one for the other?",
            ),
            (
                "assistant",
                "Baking soda is pure sodium bicarbonate and needs an acid in the recipe (buttermilk, yoghurt, "
                "lemon) to make it rise. Baking powder is soda plus a dry acid, so it works on its own. To replace "
                "1 tsp baking powder, use about ¼ tsp soda plus an acid; to replace soda with powder, use roughly "
                "3 times as much powder.",
            ),
            ("user", "ok what about the second one, will it taste different?"),
        ],
    ),
    # --- more rows ---
    t(
        "mcq",
        "गृह विज्ञान की परीक्षा का प्रश्न: दूध को लंबे समय तक सुरक्षित रखने के लिए कौन-सी विधि अपनाई जाती है?\n"
        "(क) पाश्चुरीकरण (ख) किण्वन (ग) अचार बनाना (घ) धूप में सुखाना",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "Ты опытный гид по Санкт-Петербургу. Отвечай кратко, с конкретными местами и временем в пути.",
            ),
            (
                "user",
                "Мы будем в городе с пятницы 18:00 до воскресенья 15:00, без машины, с ребёнком 7 лет, хотим "
                "Эрмитаж (он в воскресенье до 18, в пятницу до 21?), развод мостов и что-нибудь детское. "
                "Как уложиться?",
            ),
        ],
        "yes",
    ),
    t("format", "Jawab singkat saja, satu kalimat: berapa lama nasi matang bisa disimpan di kulkas?"),
    t("bare", "jak wywabić plamę z kawy z białej koszuli"),
    t(
        "fewshot",
        """Ev bitkisi sorularına örnekteki gibi kısa cevap ver:

Bitki: Paşa kılıcı → Işık: az-orta, Sulama: 2-3 haftada bir
Bitki: Barış çiçeği → Işık: gölge-yarı gölge, Sulama: toprak kuruyunca
Bitki: Deve tabanı →""",
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Je dois placer 10 invités autour d'une table ronde pour le mariage de ma sœur : Paul et Julie "
                "sont divorcés et ne doivent pas être côte à côte, mamie doit être à côté de tante Claire, les "
                "deux enfants à côté de leur mère Sophie (un de chaque côté), et l'oncle Marc ne peut pas être à "
                "côté de Paul.",
            ),
            (
                "assistant",
                "Voici une disposition dans le sens des aiguilles d'une montre : Enfant 1 – Sophie – Enfant 2 – "
                "Mamie – Tante Claire – Paul – Invité A – Julie – Oncle Marc – Invité B, puis on revient à "
                "l'Enfant 1. Paul a Claire et l'Invité A comme voisins, Julie et Marc ne touchent pas Paul.",
            ),
            ("user", "et si l'invité A c'est le nouveau copain de Julie ?"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            (
                "user",
                "we're moving from Chicago to Denver in March with a 2 bedroom apartment's worth of stuff and a cat. "
                "rent a truck ourselves, a moving pod, or full-service movers? we both work until friday and have "
                "to be out by sunday",
            ),
            (
                "assistant",
                "With only a weekend, full DIY is risky: it's roughly 1,000 miles, about 15–16 hours of driving in a "
                "loaded truck, plus loading time, and I-80/I-76 can have snow in March. A pod lets you load over "
                "several evenings before Friday and fly or drive your car with the cat, and the pod arrives in "
                "about a week. Full-service is fastest for you but costs the most and needs booking weeks ahead.",
            ),
            ("user", "go on, what about the cat on the drive"),
        ],
        "yes",
    ),
    # --- English additions ---
    t(
        "mcq",
        """Etiquette course quiz: In a formal place setting, where is the dessert spoon placed?
A) To the right of the knives
B) Horizontally above the dinner plate
C) On the bread plate
D) To the left of the forks""",
    ),
    t("mcq", "True or false: you can safely put aluminium foil in a microwave as long as it's smooth."),
    t(
        "persona",
        "Act as a seasoned travel agent. Two of us, 10 days in late April, about $3,000 total excluding flights, we "
        "land in Tokyo and fly out of Osaka. We like food and hiking, not nightlife or shopping. Plan the route "
        "with travel times and where to sleep each night.",
        "yes",
    ),
    t("format", "answer in 3 words max: best way to keep cut basil fresh"),
    t("bare", "best way to get limescale off a shower head"),
    chat(
        "chat",
        [
            ("user", "need a gift idea for my dad's 70th. he's into gardening and WW2 history, hates clutter"),
            (
                "assistant",
                "Some clutter-free ideas: a guided day trip to a historic site like Bletchley Park or a D-Day "
                "beaches tour; a membership to a botanical garden; a good-quality pair of secateurs engraved with "
                "his name; or a 'plant a tree' voucher with a local nursery.",
            ),
            ("user", "any under $50?"),
        ],
    ),
    chat(
        "chat",
        [
            ("system", "You are the cooking assistant in a recipe app. Suggest dishes from what the user has."),
            ("user", "I have chickpeas, a bag of spinach, a tin of coconut milk, onions and some curry powder"),
            (
                "assistant",
                "Chickpea and spinach coconut curry: soften a sliced onion in oil, add 2 tsp curry powder for a "
                "minute, then the drained chickpeas and coconut milk. Simmer 10 minutes, stir in the spinach until "
                "wilted, and season with salt and a squeeze of lemon if you have one. Serve with rice or bread.",
            ),
            ("user", "how long does that take start to finish"),
        ],
    ),
    pc(
        "mcq",
        "Practice question for the city tour guide exam: Which river flows through Budapest?\n"
        "A) Vltava  B) Danube  C) Rhine  D) Elbe",
        "B) The Danube, which separates Buda on the west bank from Pest on the east.",
    ),
    pc(
        "bare",
        "whats the difference between a latte and a flat white",
        "A flat white is smaller (about 160–180 ml), usually with a double shot, and has a thin layer of velvety "
        "microfoam, so it tastes stronger. A latte is bigger, with more steamed milk and a thicker foam layer on "
        "top, so it's milder and creamier.",
    ),
    chat(
        "persona",
        [
            ("system", "You are a friendly gardening expert for a garden centre's website."),
            ("user", "my basil on the windowsill keeps wilting even though I water it every single day"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "how do I tell my roommate to stop eating my food without making it weird"),
            (
                "assistant",
                "Keep it light and specific, and pick a calm moment rather than when you've just found the empty "
                "container. Something like: 'Hey, I've noticed some of my food going missing, I plan my groceries "
                "for the week so it throws me off. Can we keep our stuff separate, or just ask first?' Then suggest a "
                "practical fix: separate shelves, or a shared staples list you split.",
            ),
            ("user", "what if he says it wasn't him"),
        ],
    ),
    t("format", "Respond with only a number: how many tablespoons are in a cup?"),
]
