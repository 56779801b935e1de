"""Science rows (natural and social sciences) in real-traffic shapes."""

from training.data.shapes_src.rows import chat, pc, t

CATEGORY = "science"

ROWS = [
    # --- exam / MCQ / true-false / short answer ---
    t(
        "mcq",
        """Physics 101 exam, Q12. A ball is thrown horizontally at 12 m/s from the top of a 20 m cliff (g = 9.8 m/s², no air resistance). How far from the base of the cliff does it land?
A) 16.2 m
B) 24.2 m
C) 30.6 m
D) 48.0 m
Answer with the letter and show working.""",
        "yes",
    ),
    t(
        "mcq",
        "True or false: adding a catalyst to a reaction at equilibrium shifts the equilibrium toward the products.",
    ),
    t(
        "mcq",
        """Which of the following organelles is found in plant cells but NOT in animal cells?
a. Mitochondrion
b. Ribosome
c. Chloroplast
d. Golgi apparatus
just the letter""",
    ),
    t(
        "mcq",
        "화학 시험 문제: 0.5 M 황산(H₂SO₄) 200 mL를 완전히 중화하려면 1.0 M NaOH가 몇 mL 필요한가?\n"
        "① 100 mL ② 200 mL ③ 400 mL ④ 50 mL\n풀이 과정도 써줘",
        "yes",
    ),
    t(
        "mcq",
        "Physik-Klausur, Kurzantwort: Warum sieht ein Strohhalm in einem Glas Wasser an der Wasseroberfläche "
        "geknickt aus? Nennen Sie das physikalische Prinzip und beschreiben Sie es in zwei bis drei Sätzen.",
    ),
    t(
        "mcq",
        "Verdadero o falso (examen de Biología, 4º ESO): «Los virus se reproducen por mitosis dentro de la célula "
        "huésped». Justifica tu respuesta.",
    ),
    t(
        "mcq",
        """AP Chem practice MCQ — which of these 0.1 M solutions has the highest pH?
(A) HCl
(B) CH3COOH
(C) NH4Cl
(D) NaHCO3
I picked C, the key says D, why?""",
        "yes",
    ),
    t(
        "mcq",
        "Задача из ЕГЭ по физике: тело массой 2 кг скользит по горизонтальной поверхности с начальной скоростью "
        "6 м/с и останавливается через 3 с. Найдите коэффициент трения. Ответ: ______",
        "yes",
    ),
    # --- persona / system preamble ---
    t(
        "persona",
        "You are a highly intelligent physicist who explains things to curious 12 year olds. Why is the sky blue "
        "but sunsets are orange?",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "You are a science communicator for a space agency's public outreach page. Be accurate, warm, "
                "and avoid hype.",
            ),
            ("user", "If the Sun suddenly disappeared, how long until we'd notice on Earth, and what would happen?"),
        ],
    ),
    t(
        "persona",
        "Agis comme un chimiste expert. Pourquoi est-ce que le sel fait fondre la glace sur les routes, et pourquoi "
        "ça ne marche plus quand il fait -25 °C ?",
    ),
    chat(
        "persona",
        [
            ("system", "Você é um biólogo marinho que responde perguntas do público em um aquário."),
            ("user", "é verdade que os polvos têm três corações e sangue azul? por quê?"),
        ],
    ),
    t(
        "persona",
        "act as my lab supervisor. I want to test whether caffeine affects the heart rate of Daphnia. I have 30 "
        "Daphnia, a microscope, 3 caffeine concentrations and 2 afternoons. design the experiment: controls, "
        "replicates, how to avoid bias, and what stats test to use at the end.",
        "yes",
    ),
    # --- format-only instructions ---
    t("format", "Is glass actually a slow-flowing liquid? Answer Y or N only."),
    t(
        "format",
        'Reply in JSON only: for Na, Mg and Cl give {"symbol", "atomic_number", "group", "typical_ion"}.',
    ),
    t("format", "one word: which gas do plants give off during photosynthesis"),
    t("format", "用一句话回答：为什么月亮总是同一面朝向地球？"),
    t("format", "Odpowiedz tylko liczbą: ile chromosomów ma komórka somatyczna człowieka?"),
    # --- pasted documents ---
    t(
        "document",
        """Here's my lab report draft for Chem 1B. Can you check the calculations in the Results section and tell me if my conclusion about the percent error makes sense? My lab partner got a different molarity.

Title: Determination of the Concentration of Acetic Acid in Commercial Vinegar by Titration

Introduction
Vinegar is a dilute solution of acetic acid (CH3COOH) in water. Food regulations require table vinegar to contain at least 4% acetic acid by mass. In this experiment, the concentration of acetic acid in a commercial white vinegar was determined by titration with a standardized sodium hydroxide solution, using phenolphthalein as the indicator. The reaction is:
CH3COOH(aq) + NaOH(aq) → CH3COONa(aq) + H2O(l)

Materials and Methods
A 10.00 mL sample of vinegar was pipetted into a 100.0 mL volumetric flask and diluted to the mark with distilled water. Aliquots of 25.00 mL of the diluted solution were transferred into Erlenmeyer flasks, three drops of phenolphthalein were added, and each was titrated with 0.1012 M NaOH until a faint pink colour persisted for 30 seconds. Three trials were performed.

Results
Trial 1: initial burette reading 0.50 mL, final 21.35 mL
Trial 2: initial 1.10 mL, final 21.80 mL
Trial 3: initial 0.20 mL, final 21.05 mL

Volumes of NaOH: 20.85, 20.70, 20.85 mL. Average = 20.80 mL.

Moles NaOH = 0.1012 × 20.80 = 2.105 mol
Moles CH3COOH in 25.00 mL aliquot = 2.105 mol
Concentration of diluted solution = 2.105 / 25.00 = 0.0842 M
Concentration of original vinegar = 0.0842 × 10 = 0.842 M

Mass percent: 0.842 mol/L × 60.05 g/mol = 50.6 g/L. Assuming the density of vinegar is 1.005 g/mL, mass percent = 50.6 / 1005 × 100 = 5.03%.

The label states 5% acidity. Percent error = (5.03 − 5.00)/5.00 × 100 = 0.6%.

Discussion
Our result is very close to the label value, which shows the titration was accurate. Possible sources of error include over-titrating past the endpoint, because the pink colour was sometimes darker than faint pink, and reading the burette at an angle. Trial 2 was slightly lower than the others. Carbon dioxide from the air could also have reacted with the NaOH solution and changed its concentration.

Conclusion
The vinegar contained 5.03% acetic acid by mass, in agreement with the label, so the manufacturer's claim is supported.

My partner says her molarity is 0.8420 M not 0.842 and that I messed up units somewhere in the moles line, but our final answers match, so is it just sig figs? Also is over-titrating going to make the result too high or too low?""",
        "yes",
    ),
    t(
        "document",
        """My aunt sent this article in the family group chat as proof that "phones are destroying kids' brains". Can you read it and tell me what the study actually shows and what it doesn't? I want to reply with something sensible.

"SCREEN TIME LINKED TO SMALLER BRAIN REGIONS IN CHILDREN, STUDY FINDS

Children who spend more time on screens have thinner outer layers of the brain in regions tied to thinking and reasoning, according to a new study of more than 4,000 nine- and ten-year-olds in the United States.

Researchers analysed MRI scans and questionnaires from children enrolled in a large long-term study of brain development. Parents and children reported how many hours a day the child spent watching TV and videos, playing video games, texting, using social media and video chatting. The team then compared these reports with measurements of the thickness of the cortex, the brain's outer layer, across dozens of regions.

Children who reported more than seven hours a day of screen use had a thinner cortex in several areas than children who reported less than two hours. The differences were small, the authors said, and it is not clear whether they are harmful. 'We don't know if it's being caused by the screen time; we don't know yet if it's a bad thing,' one of the researchers said in an interview.

The study also found that children who used screens more than two hours a day scored slightly lower on some thinking and language tests. However, the researchers noted that the relationship between screen time and test scores was weaker than the relationship between test scores and family income or parents' education, and that the data were collected at a single time point. Follow-up scans of the same children are planned every two years.

Outside experts cautioned against drawing firm conclusions. 'Cortical thinning is a normal part of development in this age range, so a thinner cortex could even reflect faster maturation,' said a developmental neuroscientist who was not involved in the work. Another pointed out that screen time was self-reported, which is known to be inaccurate, and that children with more screen time may differ in many other ways, such as sleep, physical activity and stress at home.

The American Academy of Pediatrics recommends that parents create a family media plan, prioritise sleep and physical activity, and avoid screens for children under 18 months other than video chatting."

she also says "thinner cortex = lower IQ" which I don't think is right?""",
        "yes",
    ),
    t(
        "document",
        """以下は生態学の論文の「方法」セクションです。ゼミで発表するので、研究デザインの要点（何を比較しているか、対照は何か、統計手法）を箇条書きでまとめてください。あと、この設計の弱点があれば指摘してほしいです。

2. Methods

2.1 Study area
The study was conducted in a temperate mixed forest in central Japan (35°N, 138°E) between May and October of two consecutive years. The forest is dominated by Quercus crispula and Fagus crenata, with a dense understory of dwarf bamboo (Sasa spp.) in parts of the site. Mean annual temperature is 9.8 °C and mean annual precipitation is 2,100 mm.

2.2 Experimental design
We established 24 plots (10 m × 10 m) along a 3-km transect, separated by at least 100 m. Plots were grouped into eight blocks of three plots of similar slope, aspect and canopy cover. Within each block, plots were randomly assigned to one of three treatments: (i) deer exclusion by a 2-m fence (FENCE), (ii) a partial fence with openings allowing access by small mammals but not deer (PARTIAL), and (iii) unfenced control (OPEN). Fences were built in April of the first year, one month before the first survey.

2.3 Vegetation and arthropod sampling
In each plot, understory plant cover was estimated visually in four 1 m × 1 m quadrats once a month. Ground-dwelling arthropods were collected with five pitfall traps per plot (plastic cups, 9 cm diameter, filled with 50% propylene glycol), opened for 7 days each month. Specimens were sorted to order, and beetles (Coleoptera) were identified to family. Leaf litter depth was measured at the location of each pitfall trap.

2.4 Statistical analysis
Arthropod abundance (individuals per trap-week) was analysed with generalized linear mixed models (GLMMs) with a negative binomial error distribution and a log link. Treatment, year and their interaction were fixed effects; block and plot (nested in block) were random effects, and sampling month was included as a random effect to account for seasonality. Understory plant cover was included as a covariate in a second model to test whether treatment effects were mediated by vegetation. Beetle family composition was compared among treatments with PERMANOVA on Bray–Curtis dissimilarities (999 permutations), stratified by block. All analyses were conducted in R 4.3.

発表時間は10分なので、要点は5〜7個くらいでお願いします。""",
        "yes",
    ),
    # --- few-shot ---
    pc(
        "fewshot",
        """Balance each equation.

Unbalanced: H2 + O2 → H2O
Balanced: 2H2 + O2 → 2H2O

Unbalanced: Fe + O2 → Fe2O3
Balanced: 4Fe + 3O2 → 2Fe2O3

Unbalanced: C3H8 + O2 → CO2 + H2O
Balanced:""",
        "C3H8 + 5O2 → 3CO2 + 4H2O",
    ),
    t(
        "fewshot",
        """Classify each organism's trophic level, like the examples.

grass → producer
rabbit → primary consumer
fox → secondary consumer
mushroom on a dead log →""",
    ),
    t(
        "fewshot",
        """Per ogni fenomeno indica il tipo di trasformazione, come negli esempi.

Fenomeno: il ghiaccio fonde al sole → Trasformazione fisica (cambiamento di stato)
Fenomeno: il ferro arrugginisce all'aperto → Trasformazione chimica (ossidazione)
Fenomeno: lo zucchero si scioglie nel caffè → Trasformazione fisica (soluzione)
Fenomeno: la torta lievita in forno con il bicarbonato →""",
    ),
    # --- bare questions ---
    t("bare", "why do we have seasons"),
    t("bare", "how do black holes form"),
    t("bare", "ما هو الثقب الدودي في الفيزياء؟"),
    t("bare", "half life of carbon 14"),
    t("bare", "प्रकाश संश्लेषण की प्रक्रिया क्या है?"),
    t("bare", "what's the difference between mitosis and meiosis"),
    # --- multi-turn chats: frame first, short follow-up last ---
    chat(
        "chat",
        [
            ("user", "explain quantum entanglement without the 'spooky' nonsense, I have a physics BSc"),
            (
                "assistant",
                "Two systems are entangled when their joint quantum state can't be written as a product of "
                "individual states. Measuring one gives outcomes correlated with measurements on the other, "
                "beyond what any local hidden-variable model allows (Bell inequality violations). No signal is "
                "sent: each side's marginal statistics are unchanged whatever the other side measures, so the "
                "correlations only show up when results are compared classically.",
            ),
            ("user", "go on, how does that connect to decoherence"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "I'm designing a psych study: does listening to music while studying hurt recall? 40 undergrads. "
                "Between-subjects or within-subjects?",
            ),
            (
                "assistant",
                "Within-subjects gives more power with 40 people, since each person is their own control. But you "
                "need two equally hard word lists and counterbalancing (half do music first), plus a gap between "
                "sessions to limit practice effects. Between-subjects avoids carryover but needs more people to "
                "detect a medium effect (roughly 64 per group for d = 0.5 at 80% power).",
            ),
            ("user", "what about the second one, how did you get 64"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            ("user", "¿Por qué el agua hierve a menor temperatura en la montaña?"),
            (
                "assistant",
                "Porque el agua hierve cuando su presión de vapor iguala la presión atmosférica. En altura la "
                "presión del aire es menor, así que esa igualdad se alcanza a menos temperatura: en La Paz, a "
                "unos 3.600 m, hierve cerca de 87 °C.",
            ),
            ("user", "¿y entonces la olla a presión?"),
        ],
    ),
    chat(
        "chat",
        [
            ("system", "你是一个天文科普助手，回答要准确，并给出数量级。"),
            ("user", "为什么金星比火星离太阳更近，但表面温度却比水星还高？"),
            (
                "assistant",
                "关键是大气。金星有浓厚的二氧化碳大气，地表气压约为地球的 92 倍，产生极强的温室效应，"
                "地表温度约 465°C，而且昼夜几乎没有温差。水星几乎没有大气，白天约 430°C，夜晚降到约 −180°C。",
            ),
            ("user", "继续讲讲火星"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "My kid's science fair: growing bean plants under red, blue and white LED light. what should we "
                "measure and how many plants per colour?",
            ),
            (
                "assistant",
                "Measure stem height and leaf count every two days, and if you can, the dry mass at the end. Use "
                "at least 5 plants per colour (15 total), same soil, pot, water and distance from the light; only "
                "the colour changes. Keep the light intensity as similar as possible.",
            ),
            ("user", "shorter please, she's 9"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Warum leuchten Glühwürmchen eigentlich? Ist das chemisch oder elektrisch?",
            ),
            (
                "assistant",
                "Chemisch: Das Enzym Luciferase oxidiert den Stoff Luciferin mit Sauerstoff und ATP. Dabei "
                "entsteht ein angeregtes Molekül, das seine Energie als Licht abgibt, fast ohne Wärme "
                "(Biolumineszenz).",
            ),
            ("user", "und wozu?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "A 1500 kg car going 25 m/s brakes to a stop in 50 m. What's the average braking force and how "
                "much heat ends up in the brakes?",
            ),
            (
                "assistant",
                "Kinetic energy: ½·1500·25² = 468,750 J. All of it goes into heat (ignoring air drag and tyres), so "
                "about 469 kJ in the brakes. Work-energy: F·50 m = 468,750 J → F ≈ 9,375 N.",
            ),
            ("user", "and if the speed doubles?"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Apa bedanya virus dan bakteri? Anak saya tanya buat PR IPA, katanya kenapa antibiotik tidak bisa membunuh virus",
            ),
            (
                "assistant",
                "Bakteri adalah sel hidup yang bisa berkembang biak sendiri, sedangkan virus bukan sel dan hanya "
                "bisa memperbanyak diri di dalam sel inang. Antibiotik bekerja dengan merusak bagian sel bakteri "
                "seperti dinding sel, yang tidak dimiliki virus, jadi tidak berpengaruh pada virus flu.",
            ),
            ("user", "lanjut, jelaskan dinding sel itu apa"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "Explain plate tectonics and how the Himalayas formed"),
            (
                "assistant",
                "The lithosphere is broken into plates that move a few centimetres a year over the softer "
                "asthenosphere. Where two continental plates collide, neither sinks easily, so the crust "
                "crumples and thickens. The Indian plate has been pushing into the Eurasian plate for about 50 "
                "million years, folding and stacking crust into the Himalayas and the Tibetan Plateau.",
            ),
            ("user", "continue"),
        ],
    ),
    # --- more rows ---
    t(
        "mcq",
        """Biyoloji sınavı: Aşağıdakilerden hangisi DNA'da bulunup RNA'da bulunmaz?
A) Adenin  B) Guanin  C) Timin  D) Sitozin
Sadece şıkkı yaz.""",
    ),
    chat(
        "persona",
        [
            ("system", "Bạn là một nhà khoa học vật liệu, giải thích dễ hiểu cho người không chuyên."),
            ("user", "Tại sao kim loại dẫn điện tốt còn nhựa thì không?"),
        ],
    ),
    t("format", "Antwoord alleen met ja of nee: is een tomaat botanisch gezien een vrucht?"),
    t("bare", "pourquoi la mer est salée alors que les rivières sont douces ?"),
    t(
        "fewshot",
        """Convert to SI base units, following the pattern.

72 km/h = 72 × 1000 m / 3600 s = 20 m/s
2.5 g/cm³ = 2.5 × 0.001 kg / 0.000001 m³ = 2500 kg/m³
3 kWh =""",
    ),
    chat(
        "chat",
        [
            ("user", "オーロラってどうして北極や南極の近くでしか見られないんですか？"),
            (
                "assistant",
                "太陽風の荷電粒子が地球の磁力線に沿って運ばれ、磁力線が地表に向かって集まる高緯度地域の上空で"
                "大気中の酸素や窒素にぶつかって光るからです。緑は主に高度100〜250kmの酸素原子の発光です。",
            ),
            ("user", "赤いオーロラは？"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Li que o efeito Dunning-Kruger foi contestado por estudos recentes. O que a pesquisa original "
                "mostrou e qual é a crítica?",
            ),
            (
                "assistant",
                "No estudo de 1999, quem ia pior nos testes superestimava muito seu desempenho, e os melhores "
                "subestimavam um pouco. A crítica principal é estatística: parte do padrão aparece mesmo com dados "
                "aleatórios, por regressão à média e pelo efeito 'acima da média', quando se compara desempenho "
                "real com autoavaliação em quartis.",
            ),
            ("user", "explica melhor essa parte dos dados aleatórios"),
        ],
        "yes",
    ),
    # --- English additions ---
    t(
        "mcq",
        """MCAT-style question: Which of the following BEST explains why ice floats on liquid water?
A. Ice has stronger covalent bonds than liquid water
B. Hydrogen bonding holds ice in an open lattice that is less dense than the liquid
C. Air bubbles trapped in ice lower its density
D. Liquid water has a higher molar mass than ice""",
    ),
    t(
        "mcq",
        "Earth science quiz, true/false: scientists can predict the day of a large earthquake by tracking unusual "
        "animal behaviour.",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "You are Dr. Nova, the astrophysicist chatbot of a city planetarium. Explain with analogies, "
                "then give the real numbers.",
            ),
            ("user", "how do we actually know how far away stars are?"),
        ],
    ),
    t("format", "Answer in exactly three bullet points: what causes ocean tides?"),
    t("bare", "why is the ozone hole over antarctica and not the arctic"),
    chat(
        "chat",
        [
            ("user", "I'm reading about CRISPR. How does Cas9 know where to cut the DNA?"),
            (
                "assistant",
                "Cas9 is guided by a short RNA (the guide RNA) whose ~20-letter sequence matches the target DNA. "
                "Cas9 scans DNA for a short motif called the PAM (NGG for the common SpCas9); where it finds one, "
                "it checks whether the neighbouring DNA pairs with the guide. If it matches, Cas9 cuts both strands "
                "about 3 bases upstream of the PAM.",
            ),
            ("user", "and then how does the cell repair the cut?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "for my psych methods class: what's the difference between a single-blind and a double-blind "
                "study, and why does it matter?",
            ),
            (
                "assistant",
                "In a single-blind study the participants don't know which condition they're in, but the "
                "researchers do. In a double-blind study neither the participants nor the researchers who interact "
                "with them or score the outcomes know. It matters because researchers' expectations can leak into "
                "how they treat participants or rate results (experimenter bias), not only participants' "
                "expectations (placebo effects).",
            ),
            ("user", "give me an example of the second one in a memory experiment"),
        ],
    ),
    pc(
        "mcq",
        "Bio quiz: Which type of bond holds the two strands of the DNA double helix together?\n"
        "A) Ionic bonds\nB) Covalent bonds\nC) Hydrogen bonds\nD) Metallic bonds",
        "C) Hydrogen bonds between the paired bases (A–T and G–C).",
    ),
    pc(
        "persona",
        "You are a geologist. In two sentences, why is Iceland so volcanically active?",
        "Iceland sits on the Mid-Atlantic Ridge, where the North American and Eurasian plates pull apart and magma "
        "rises to fill the gap. It is also above a mantle hotspot, which supplies extra magma and makes the "
        "volcanism far stronger than along most of the ridge.",
    ),
    t("bare", "how does a rainbow form"),
    chat(
        "chat",
        [
            ("user", "explain the double slit experiment like I'm smart but not a physicist"),
            (
                "assistant",
                "Shoot particles like electrons, one at a time, at a wall with two narrow slits and a screen "
                "behind it. You'd expect two stripes, one behind each slit. Instead, after many hits, you get many "
                "stripes: an interference pattern, as if each electron went through both slits as a wave and "
                "interfered with itself.",
            ),
            ("user", "and then?"),
        ],
    ),
    t("format", "Respond with a table only: the four fundamental forces, their relative strength and range"),
]
