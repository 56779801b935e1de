"""Legal rows in the shapes of real traffic: exam items, personas, format-only asks, pasted documents, chats."""

from shapes2_rows import Row, chat, prompt, text

C = "legal"

ROWS: list[Row] = [
    # --- exam / multiple-choice / true-false / short answer ---
    text(
        "Contracts practice question. On March 1, Seller, a retired teacher who does not deal in goods of the kind, "
        "emails Buyer an offer to sell her antique loom for $4,000, stating 'this offer will stay open until March "
        "20.' Buyer gives nothing for that promise. On March 10 Seller phones Buyer and says she has changed her "
        "mind. On March 12 Buyer emails 'I accept.' Is there a contract?\n"
        "(A) Yes, because the offer stated it would stay open until March 20.\n"
        "(B) No, because the offer was revoked before acceptance and the promise to keep it open was not binding.\n"
        "(C) Yes, because acceptance is effective on dispatch.\n"
        "(D) No, because an offer made by email can only be accepted in writing on paper.\n"
        "Choose one and explain your reasoning.",
        C,
        True,
        "mcq",
    ),
    text(
        "True or false: in the US an oral agreement to sell a house is generally enforceable as long as there were "
        "witnesses.",
        C,
        False,
        "mcq",
    ),
    text(
        "Klausurfrage BGB AT: Der 17-jährige M kauft ohne Wissen seiner Eltern ein Smartphone für 600 €, zahlbar in "
        "12 Monatsraten, die er von seinem Taschengeld begleichen will. Wie ist der Kaufvertrag zu beurteilen?\n"
        "a) nichtig\nb) schwebend unwirksam\nc) wirksam nach § 110 BGB\nd) wirksam, aber anfechtbar\n"
        "Bitte mit kurzer Begründung.",
        C,
        True,
        "mcq",
        "de",
    ),
    prompt(
        "Short answer (data protection module exam, 3 marks): list the six lawful bases for processing personal "
        "data under Article 6 GDPR.",
        "1. Consent\n2. Performance of a contract (or steps before entering one)\n3. Compliance with a legal "
        "obligation\n4. Protection of vital interests\n5. A task carried out in the public interest or in the "
        "exercise of official authority\n6. Legitimate interests of the controller or a third party (balanced "
        "against the data subject's rights)",
        C,
        False,
        "mcq",
    ),
    text(
        "Test de oposiciones (Constitución): Según la Constitución española de 1978, ¿a quién corresponde sancionar "
        "y promulgar las leyes?\na) Al Presidente del Gobierno\nb) Al Rey\nc) Al Presidente del Congreso\n"
        "d) Al Tribunal Constitucional",
        C,
        False,
        "mcq",
        "es",
    ),
    text(
        "crim law MCQ. D finds a wallet on the sidewalk with the owner's driver's license inside. D takes the $300 "
        "cash, intending to keep it, and throws the wallet away. What crime, if any?\nA) none, it was lost property\n"
        "B) larceny\nC) embezzlement\nD) robbery\nletter only",
        C,
        False,
        "mcq",
    ),
    text(
        "Verdadeiro ou falso: no Brasil, o empregado demitido sem justa causa tem direito à multa de 40% sobre o "
        "saldo do FGTS.",
        C,
        False,
        "mcq",
        "pt",
    ),
    text(
        "Câu hỏi trắc nghiệm Luật Dân sự 2015: Người từ đủ 6 tuổi đến chưa đủ 15 tuổi xác lập giao dịch dân sự "
        "phục vụ nhu cầu sinh hoạt hằng ngày phù hợp với lứa tuổi thì:\nA. Phải được người đại diện theo pháp luật "
        "đồng ý\nB. Không cần người đại diện theo pháp luật đồng ý\nC. Giao dịch vô hiệu\nD. Phải có công chứng",
        C,
        False,
        "mcq",
        "vi",
    ),
    # --- persona / system preamble ---
    chat(
        [
            (
                "system",
                "You are an experienced California employment lawyer. Explain the law clearly, mention relevant "
                "statutes, and say when the user should talk to a lawyer or agency. Never guarantee outcomes.",
            ),
            (
                "user",
                "My manager told our team we can't discuss our pay with each other and anyone who does will be "
                "fired. Is that even legal?",
            ),
        ],
        C,
        False,
        "persona",
    ),
    text(
        "Act as a seasoned contract attorney representing the freelancer. My client sent this clause:\n\n"
        '"Contractor shall indemnify, defend and hold harmless Client and its affiliates from any and all claims, '
        'losses and expenses arising out of or relating to the Services, regardless of cause."\n\n'
        "What's wrong with it from my side and what should I counter with? I'm a solo web developer, the project is "
        "$15k.",
        C,
        True,
        "persona",
    ),
    chat(
        [
            (
                "system",
                "Tu es un juriste spécialisé en droit du logement en France. Réponds de façon claire et précise.",
            ),
            (
                "user",
                "Mon propriétaire garde toute ma caution (1 200 €) pour « usure » de la moquette après 6 ans de "
                "location. L'état des lieux de sortie date d'il y a 5 semaines. Il a le droit ?",
            ),
        ],
        C,
        False,
        "persona",
        "fr",
    ),
    chat(
        [
            (
                "system",
                "You are LexHelp, the legal information assistant of a UK advice charity. You give general "
                "information about the law in England and Wales, not legal advice, and point people to local advice "
                "services.",
            ),
            (
                "user",
                "My landlord served me a section 21 notice last week. I moved in 2021 and paid a £1,100 deposit, but "
                "I just checked and it was never put in a protection scheme. I also never got a gas safety "
                "certificate. Is the notice valid?",
            ),
        ],
        C,
        True,
        "persona",
    ),
    text(
        "너는 한국 노동법 전문 공인노무사야. 내가 일하는 곳이 직원 4명인데 사장님이 5인 미만 사업장이라 연차휴가가 "
        "없다고 하네. 이거 맞는 말이야? 그럼 주휴수당은?",
        C,
        False,
        "persona",
        "ko",
    ),
    text(
        "You are a pirate captain who moonlights as a property lawyer. Explain adverse possession to me, matey, and "
        "whether my neighbour can claim the strip of lawn he's been mowing for 12 years (I'm in Ohio).",
        C,
        False,
        "persona",
    ),
    # --- format-only instructions ---
    text("Can my employer in Texas fire me for no reason at all? Yes or no, then one sentence.", C, False, "format"),
    text(
        'Reply in JSON only: {"clause_type": ..., "risk": "low"|"medium"|"high", "reason": ...}\n\n'
        "Clause: 'Either party may terminate this Agreement for convenience upon ninety (90) days' written notice, "
        "provided that Customer shall pay all fees for the remainder of the then-current Term.'",
        C,
        False,
        "format",
    ),
    text(
        "Rispondi solo sì o no: con un contratto di affitto 4+4 l'inquilino può recedere prima della scadenza?",
        C,
        False,
        "format",
        "it",
    ),
    text("one word: legal term for a written statement sworn under oath", C, False, "format"),
    text("只用一句话回答：在中国，三年期劳动合同的试用期最长可以约定多久？", C, False, "format", "zh"),
    text(
        "Antwoord alleen met ja of nee: mag mijn werkgever vragen wat mijn diagnose is als ik me ziek meld?",
        C,
        False,
        "format",
        "nl",
    ),
    # --- pasted documents ---
    text(
        "I'm the receiving party on this NDA (we're a 6-person startup, the other side is a big retailer we want to "
        "pilot with). Flag anything unusual or one-sided and suggest edits:\n\n"
        '3. CONFIDENTIAL INFORMATION. "Confidential Information" means all information disclosed by Discloser to '
        "Recipient, whether orally, visually or in writing, whether or not marked as confidential, including without "
        "limitation business plans, customer lists, pricing, product roadmaps, and any information Recipient "
        "observes while visiting Discloser's premises.\n\n"
        "4. OBLIGATIONS. Recipient shall (a) hold Confidential Information in strict confidence using at least the "
        "degree of care Recipient uses for its own most sensitive information, and in no event less than a "
        "reasonable degree of care; (b) not use Confidential Information for any purpose other than evaluating the "
        "Pilot; (c) not disclose Confidential Information to any person other than its employees who need to know "
        "it; and (d) not develop, market or sell any product or service that competes with any product or service "
        "of Discloser during the Term and for three (3) years thereafter.\n\n"
        "5. EXCLUSIONS. The obligations in Section 4 do not apply to information that Recipient can demonstrate by "
        "contemporaneous written records (i) was publicly available at the time of disclosure through no fault of "
        "Recipient or (ii) was lawfully received from a third party without restriction.\n\n"
        "6. TERM. This Agreement remains in effect for five (5) years from the Effective Date. Recipient's "
        "obligations with respect to Confidential Information survive in perpetuity.\n\n"
        "7. RESIDUALS. Discloser may freely use any ideas, concepts, know-how or techniques retained in the unaided "
        "memory of its personnel resulting from access to Recipient's information.\n\n"
        "8. REMEDIES. Recipient acknowledges that any breach will cause irreparable harm, and Discloser shall be "
        "entitled to injunctive relief without posting bond, in addition to liquidated damages of $250,000 per "
        "breach, which the parties agree is a reasonable estimate of Discloser's loss.\n\n"
        "9. GOVERNING LAW. This Agreement is governed by the laws of the State of Delaware, and the parties submit "
        "to the exclusive jurisdiction of the courts located in Bentonville, Arkansas.\n\n"
        "the pilot is supposed to last 3 months. we also use contractors for some dev work.",
        C,
        True,
        "doc",
    ),
    text(
        "We're a 12-person SaaS company in Munich. Our privacy policy was written by a freelancer two years ago. Can "
        "you tell me which parts would be a problem under GDPR and what to fix first?\n\n"
        "PRIVACY POLICY\n"
        "1. Who we are. TaskNest GmbH operates the TaskNest app. By using our website or app you consent to this "
        "policy and to all processing described in it.\n"
        "2. What we collect. We collect your name, email address, company, IP address, device information, usage "
        "data and any content you upload. If you connect your calendar, we also access your calendar entries. We "
        "may collect additional information from third-party sources such as social networks and data brokers to "
        "enrich your profile.\n"
        "3. How we use it. We use your data to provide and improve our services, to send you marketing emails and "
        "newsletters, for analytics, and for any other purposes that we consider useful for our business.\n"
        "4. Cookies. Our website uses Google Analytics, a Meta pixel and Hotjar session recording. By continuing to "
        "browse you accept the use of these cookies.\n"
        "5. Sharing. We may share your data with our partners and service providers. Some of these are located "
        "outside the EU, including in the United States.\n"
        "6. Retention. We keep your data for as long as necessary, and in some cases indefinitely.\n"
        "7. Security. We take security very seriously and use industry-standard measures. However, we are not "
        "responsible for any unauthorized access to your data.\n"
        "8. Your rights. You can ask us to delete your account by writing to our postal address. We will respond "
        "within a reasonable time.\n"
        "9. Children. Our service is not intended for children under 13.\n"
        "10. Changes. We may change this policy at any time without notice. Continued use means you accept the "
        "changes.\n\n"
        "Contact: TaskNest GmbH, Leopoldstr. 12, 80802 München\n\n"
        "Context: our customers are mostly other German companies, we use AWS Frankfurt for hosting, Mailchimp for "
        "newsletters, Intercom for support chat, and we have not appointed a data protection officer because we "
        "thought we're too small. About 3,000 end users, some of them upload files with customer data of their "
        "own clients. We've never done a DPIA or signed DPAs with anyone. Prioritise for me, we don't have a big "
        "budget for lawyers.",
        C,
        True,
        "doc",
    ),
    text(
        "Here's the email thread with my landlord. I'm in Toronto, Ontario. What are my options?\n\n"
        "From: Greg Patel\nTo: me\nDate: Sept 3\n"
        "Hi, just a heads up that my daughter is moving back to the city and will need the unit. I'll need you out "
        "by October 31. Sorry for the short notice. Greg\n\n"
        "From: me\nTo: Greg Patel\nDate: Sept 4\n"
        "Hi Greg, that's less than two months and I've been here four years on a month-to-month since the lease "
        "ended. I have two kids in school in the neighbourhood. Is there a formal notice coming? I'd like to know "
        "what I'm entitled to.\n\n"
        "From: Greg Patel\nDate: Sept 6\n"
        "There's no formal anything, it's my property and family comes first. If you leave by Oct 31 I'll give you "
        "back your last month's rent and we can call it even. If you make this difficult I'll have to raise the "
        "rent, which is way below market anyway. Also the dishwasher and the bathroom fan are your problem now, "
        "I'm not fixing anything else if you're staying.\n\n"
        "From: me\nDate: Sept 7\n"
        "I'd like everything in writing please. I haven't agreed to leave.\n\n"
        "From: Greg Patel\nDate: Sept 14\n"
        "Fine. I'll send you the form. And just so you know, I had a real estate agent come by when you were at "
        "work on Tuesday to look at the place, I still have a key. Greg\n\n"
        "Extra details: my rent is $1,650 and the last increase was 14 months ago. The unit is a basement apartment "
        "in his house, he lives upstairs, his daughter is 24. I paid first and last month's rent when I moved in. "
        "The dishwasher has been broken since July and I reported it in writing. Nobody told me about the agent "
        "visit in advance. What can he actually do, what do I not have to accept, and what should I say back?",
        C,
        False,
        "doc",
    ),
    text(
        "Dostałem od nowego pracodawcy umowę o zakazie konkurencji do podpisania razem z umową o pracę. Czy ten zapis "
        "jest w ogóle ważny i co mogę wynegocjować?\n\n"
        "UMOWA O ZAKAZIE KONKURENCJI PO USTANIU STOSUNKU PRACY\n"
        "§ 1. Pracownik zobowiązuje się, że w okresie 24 miesięcy od dnia ustania stosunku pracy, niezależnie od "
        "przyczyny i trybu jego rozwiązania, nie będzie prowadził działalności konkurencyjnej wobec Pracodawcy ani "
        "świadczył pracy lub usług na rzecz podmiotów prowadzących taką działalność, na terytorium całej Unii "
        "Europejskiej.\n"
        "§ 2. Działalnością konkurencyjną jest każda działalność w branży IT, w szczególności tworzenie "
        "oprogramowania, doradztwo technologiczne, szkolenia oraz sprzedaż usług informatycznych.\n"
        "§ 3. Z tytułu przestrzegania zakazu Pracodawca wypłaci Pracownikowi odszkodowanie w wysokości 10% "
        "wynagrodzenia otrzymanego przed ustaniem stosunku pracy przez okres odpowiadający okresowi obowiązywania "
        "zakazu, płatne jednorazowo po upływie 24 miesięcy.\n"
        "§ 4. Pracodawca może w każdym czasie, jednostronnie, zwolnić Pracownika z zakazu konkurencji bez "
        "obowiązku zapłaty odszkodowania za okres pozostały do końca zakazu.\n"
        "§ 5. W przypadku naruszenia zakazu Pracownik zapłaci karę umowną w wysokości 200 000 zł za każde "
        "naruszenie, niezależnie od wysokości szkody. Pracodawca może dochodzić odszkodowania przewyższającego "
        "wysokość kary umownej.\n"
        "§ 6. Pracownik zobowiązuje się także przez okres 24 miesięcy nie nawiązywać kontaktu z klientami "
        "Pracodawcy ani nie zachęcać innych pracowników do rozwiązania umowy o pracę.\n"
        "§ 7. Zakaz obowiązuje także w przypadku rozwiązania umowy o pracę w okresie próbnym.\n"
        "§ 8. W sprawach nieuregulowanych zastosowanie mają przepisy Kodeksu pracy i Kodeksu cywilnego.\n\n"
        "Rekruterka powiedziała, że 'wszyscy to podpisują i nikt tego nie egzekwuje', ale wolę wiedzieć, na czym "
        "stoję. Jestem programistą backend, mam dostać 18 000 zł brutto. Umowa na okres próbny 3 miesiące, potem na czas "
        "nieokreślony. Pracodawca to software house, który robi głównie projekty dla banków. Boję się, że jak "
        "odejdę, to przez dwa lata nie będę mógł pracować w zawodzie. Który paragraf jest najbardziej problematyczny "
        "i co zaproponować w zamian?",
        C,
        True,
        "doc",
        "pl",
    ),
    # --- few-shot ---
    text(
        "Label each contract clause with its type.\n\n"
        'Clause: "This Agreement shall be governed by the laws of the State of New York."\nType: Governing law\n\n'
        'Clause: "In no event shall either party be liable for indirect, incidental or consequential damages."\n'
        "Type: Limitation of liability\n\n"
        "Clause: \"Neither party may assign this Agreement without the other party's prior written consent, except "
        'to a successor in a merger or acquisition."\nType:',
        C,
        False,
        "fewshot",
    ),
    text(
        "Rewrite lease terms in plain English, like these:\n"
        "'The Lessee shall not sublet the Premises or any part thereof without the prior written consent of the "
        "Lessor.' -> You can't sublet any part of the place without the landlord's written OK.\n"
        "'Rent shall be payable in advance on the first day of each calendar month.' -> Rent is due on the 1st of "
        "every month, before the month starts.\n"
        "'The Lessee shall indemnify the Lessor against all losses arising from the Lessee's use of the Premises, "
        "save where caused by the Lessor's negligence.' ->",
        C,
        False,
        "fewshot",
    ),
    text(
        "以下の例にならって、事例の法的論点を一行で挙げてください。\n"
        "事例：店員が万引きを疑い、客を30分間事務室に閉じ込めた。→ 論点：逮捕・監禁罪の成否と私人による現行犯逮捕の要件\n"
        "事例：隣家の木の枝が自分の土地に越境してきた。→ 論点：越境した枝の切除（民法233条）\n"
        "事例：ネットオークションで落札し代金を払ったが、出品者が商品を送らず連絡も取れない。→ 論点：",
        C,
        False,
        "fewshot",
        "ja",
    ),
    chat(
        [
            ("user", "Is there valid consideration? 'I'll pay you $100 because you helped me move last week.'"),
            ("assistant", "No. Past consideration: the help was already given, so it wasn't bargained for."),
            ("user", "'I promise to give you my car when you turn 21.'"),
            ("assistant", "No. A gratuitous promise of a gift; nothing is asked in exchange."),
            ("user", "'I'll pay you $5,000 if you don't drink or smoke until you turn 21.'"),
        ],
        C,
        False,
        "fewshot",
    ),
    # --- bare questions ---
    text("how long do I have to sue after a car accident in Florida", C, False, "bare"),
    text("is it illegal to record a phone call without telling the other person", C, False, "bare"),
    text("whats the difference between a will and a living trust", C, False, "bare"),
    text("можно ли уволить сотрудника, пока он на больничном?", C, False, "bare", "ru"),
    text("هل يحق لصاحب العمل في السعودية الاحتفاظ بجواز سفر العامل؟", C, False, "bare", "ar"),
    text("can my HOA ban me from parking my work truck in my own driveway", C, False, "bare"),
    text("किरायेदार से घर खाली करवाने के लिए मकान मालिक को कितने दिन का नोटिस देना पड़ता है?", C, False, "bare", "hi"),
    text("Kıdem tazminatı alabilmek için en az kaç yıl çalışmış olmak gerekiyor?", C, False, "bare", "tr"),
    prompt(
        "What is a power of attorney?",
        "A power of attorney is a legal document in which one person (the principal) authorises another (the agent "
        "or attorney-in-fact) to act on their behalf. It can be general or limited to specific matters such as "
        "selling a house or managing bank accounts. A 'durable' power of attorney stays in effect if the principal "
        "loses mental capacity, which is why it's a common part of estate planning. The formal requirements "
        "(signing, witnesses, notarisation) depend on where you live.",
        C,
        False,
        "bare",
    ),
    # --- multi-turn chats ---
    chat(
        [
            (
                "system",
                "You are ClauseCheck, a contract review assistant for small businesses. Identify risks in clauses "
                "and suggest fairer wording. Remind users that this is not legal advice.",
            ),
            (
                "user",
                "Commercial lease for my coffee shop, clause 14: 'Tenant shall be responsible for all repairs and "
                "replacements to the Premises, including structural elements, roof and HVAC systems, regardless of "
                "the cause or the age of such elements.' Is this normal?",
            ),
            (
                "assistant",
                "It's common for a tenant to handle interior repairs, but this clause goes much further. It makes "
                "you responsible for structural parts and the roof, and for replacing (not just repairing) HVAC "
                "systems even if they were already old when you moved in. For a small tenant that can mean a five-"
                "figure bill for something you didn't cause. Ask for structural and roof items to stay with the "
                "landlord, cap your HVAC share per year, and attach a condition report at the start of the lease.",
            ),
            ("user", "shorter please, I need to text this to my partner"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "My H-1B employer laid me off yesterday. I've been in the US 5 years, my I-140 was approved last "
                "year. What are my options to stay?",
            ),
            (
                "assistant",
                "You generally have a grace period of up to 60 days (or until your I-94 ends, if sooner) to take one "
                "of these steps: have a new employer file an H-1B transfer petition, change to another status such "
                "as B-2 visitor or F-1 student, file for adjustment of status if your priority date is current, or "
                "leave the US. Because your I-140 was approved more than 180 days ago, a new employer may be able to "
                "keep your priority date.",
            ),
            ("user", "and then? if I don't find a job in 60 days"),
        ],
        C,
        True,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Mi jefe me quiere despedir por 'bajo rendimiento' después de 8 años en la empresa (España). Cobro "
                "2.100 € brutos al mes en 14 pagas. Si el despido es improcedente, ¿cuánto me corresponde?",
            ),
            (
                "assistant",
                "En un despido improcedente la indemnización es de 33 días de salario por año trabajado, con un "
                "máximo de 24 mensualidades. Tu salario diario con prorrata de pagas extra es unos 80,55 € "
                "(2.100 × 14 / 365). 33 × 8 años × 80,55 ≈ 21.265 €, más la liquidación (vacaciones no disfrutadas y "
                "parte proporcional de pagas).",
            ),
            ("user", "¿y si lo hacen como despido objetivo?"),
        ],
        C,
        True,
        "chat",
        "es",
    ),
    chat(
        [
            (
                "user",
                "Help me write a cease and desist letter. A new bakery opened two streets away calling itself "
                "'Crumb & Co', which is my bakery's name since 2016. I have a state trademark registration.",
            ),
            (
                "assistant",
                "Here's a draft:\n\nDear Owner,\n\nI am the owner of Crumb & Co, which has operated at 18 Elm "
                "Street since 2016 and holds state trademark registration No. 45-2281 for the name. Your use of "
                "the identical name for a bakery nearby is likely to confuse customers and infringes our rights. We "
                "demand that you stop using the name within 30 days and confirm this in writing. If you do not, we "
                "will pursue all available legal remedies.\n\nSincerely,",
            ),
            ("user", "make it less aggressive, they seem like nice people"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Mein Vermieter will die Miete um 20 % erhöhen. Wohnung in Berlin-Neukölln, die letzte Erhöhung war "
                "vor zwei Jahren. Darf er das?",
            ),
            (
                "assistant",
                "Bei einer Erhöhung auf die ortsübliche Vergleichsmiete gilt die Kappungsgrenze: In Berlin darf die "
                "Miete innerhalb von drei Jahren um höchstens 15 % steigen, und nur bis zur ortsüblichen "
                "Vergleichsmiete laut Mietspiegel. 20 % sind also zu viel, wenn es keine Modernisierung gab. Sie "
                "haben zwei Monate Zeit, der Erhöhung zuzustimmen oder sie abzulehnen.",
            ),
            ("user", "und was ist mit der Mietpreisbremse?"),
        ],
        C,
        False,
        "chat",
        "de",
    ),
    chat(
        [
            (
                "user",
                "Starting an LLC in Colorado with a friend, 60/40 split. I'm putting in $30k, she's doing most of the "
                "work. What should the operating agreement cover so we don't end up hating each other?",
            ),
            (
                "assistant",
                "Key sections: 1) capital contributions and what happens if more money is needed; 2) a buy-sell "
                "clause covering death, disability, divorce or someone wanting out; 3) voting and who decides what; "
                "4) profit distributions and any salary for the working partner; 5) vesting or a cliff for the "
                "working partner's share; 6) deadlock and dispute resolution.",
            ),
            ("user", "what about the second one? how do we value the company if she wants out"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "system",
                "You are a GDPR compliance assistant for EU-based startups. Be specific about deadlines and who must "
                "be notified.",
            ),
            (
                "user",
                "We found out on Monday that on Friday night someone accessed a backup with about 3,000 customers' "
                "emails, names and bcrypt-hashed passwords. We're in Ireland. What do we have to do?",
            ),
            (
                "assistant",
                "First, the clock: you must notify the Data Protection Commission within 72 hours of becoming aware "
                "of the breach, so from Monday, unless the breach is unlikely to result in a risk to people. With "
                "names, emails and password hashes, a notification is very likely required. Document the facts, the "
                "likely consequences and the measures you've taken.",
            ),
            ("user", "go on"),
        ],
        C,
        True,
        "chat",
    ),
    chat(
        [
            ("user", "我在上海租房，合同还有8个月到期。房东说要卖房，让我一个月内搬走，不然就换锁。我该怎么办？"),
            (
                "assistant",
                "根据民法典的“买卖不破租赁”原则，房屋在租赁期内被出售，不影响租赁合同的效力，新房东也要继续履行合同。房东"
                "单方面要求你提前搬走属于违约，更不能擅自换锁。你可以要求他继续履行合同，或者协商解约并要求赔偿。",
            ),
            ("user", "那押金呢？"),
        ],
        C,
        False,
        "chat",
        "zh",
    ),
    chat(
        [
            (
                "user",
                "Saya mau mengajukan cerai, sudah pisah rumah 2 tahun, punya anak umur 5 tahun. Hak asuh anak "
                "biasanya jatuh ke siapa? Kami menikah secara Islam.",
            ),
            (
                "assistant",
                "Untuk perceraian yang diajukan di Pengadilan Agama, Kompilasi Hukum Islam mengatur bahwa anak yang "
                "belum mumayyiz (belum berumur 12 tahun) pada umumnya diasuh oleh ibunya. Namun hakim tetap melihat "
                "kepentingan terbaik anak.",
            ),
            ("user", "kalau nafkah anak gimana?"),
        ],
        C,
        False,
        "chat",
        "id",
    ),
]

ROWS += [
    text(
        "Evidence MCQ, letter only. At an assault trial the prosecution offers a 911 recording in which the victim, "
        "screaming, says 'He's got a knife, he's coming at me!' The victim does not testify. The defence objects. "
        "Best ruling?\nA) Inadmissible hearsay\nB) Admissible as an excited utterance\nC) Admissible only if the "
        "victim testifies\nD) Inadmissible under the Confrontation Clause because it is testimonial",
        C,
        False,
        "mcq",
    ),
    text(
        "You're a very smart immigration lawyer. My F-1 STEM OPT ends in 2 months and my employer's H-1B petition "
        "wasn't picked in the lottery. What are my options to keep working legally?",
        C,
        False,
        "persona",
    ),
    chat(
        [
            (
                "user",
                "My neighbor's oak fell on my fence during last week's storm. Who pays to fix it? I'm in Georgia.",
            ),
            (
                "assistant",
                "Usually your own homeowner's insurance covers it: if a healthy tree falls in a storm, it's treated as "
                "an act of nature and the neighbour isn't liable. Your policy pays for the fence (minus your "
                "deductible), and often a limited amount for removing the tree from your property.",
            ),
            ("user", "what if I told him in writing last year that the tree was dying?"),
        ],
        C,
        True,
        "chat",
    ),
    text(
        "Bullet points only, no intro: what do I need to file a small claims case in California for a client who "
        "hasn't paid a $4,000 invoice?",
        C,
        False,
        "format",
    ),
    chat(
        [
            (
                "system",
                "You are an AI paralegal for a small personal-injury firm. Draft documents in clear, formal legal "
                "English for attorney review.",
            ),
            (
                "user",
                "Draft a short mutual release for a fender bender settlement: Jones pays Smith $1,800, both release "
                "all claims from the March 3 accident in the Target parking lot.",
            ),
            (
                "assistant",
                "MUTUAL RELEASE\n\nIn consideration of the payment of $1,800 by Robert Jones to Alice Smith, receipt "
                "of which is acknowledged, each party releases and forever discharges the other from all claims, "
                "known or unknown, arising from the motor vehicle collision of March 3 at the Target parking lot...",
            ),
            ("user", "add a confidentiality clause"),
        ],
        C,
        False,
        "chat",
    ),
]
