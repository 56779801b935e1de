"""Education rows in the shapes of real traffic: exam items, personas, format-only asks, pasted documents, chats.

Only requests about learning or teaching itself: pedagogy exam items, lesson plans, study plans, essay feedback,
course design, grading, language learning. A subject exam item (a chemistry MCQ) belongs to its subject instead.
"""

from shapes2_rows import Row, chat, prompt, text

C = "education"

ROWS: list[Row] = [
    # --- exam / multiple-choice / true-false / short answer (about teaching and learning) ---
    text(
        "Teacher certification practice (principles of learning and teaching). Halfway through a unit, a teacher "
        "gives a short ungraded quiz and uses the results to decide which topics to reteach. This is an example "
        "of:\nA) summative assessment\nB) formative assessment\nC) norm-referenced assessment\nD) benchmark "
        "assessment\nAnswer with the letter.",
        C,
        False,
        "mcq",
    ),
    text(
        "True or false: research shows that matching instruction to a student's preferred learning style (visual, "
        "auditory, kinesthetic) reliably improves how much they learn. Justify in two sentences max.",
        C,
        False,
        "mcq",
    ),
    text(
        "Oposiciones de maestro de primaria, pregunta tipo test: Según Vygotsky, la distancia entre lo que un alumno "
        "puede hacer solo y lo que puede hacer con la ayuda de otra persona más capaz se denomina:\na) andamiaje\n"
        "b) zona de desarrollo próximo\nc) aprendizaje significativo\nd) equilibración",
        C,
        False,
        "mcq",
        "es",
    ),
    text(
        "Educational measurement exam item: a 40-item classroom test has a reliability coefficient of 0.70. Using "
        "the Spearman-Brown prophecy formula, about how many items of similar quality would the teacher need for a "
        "reliability of 0.85?\nA) 60\nB) 80\nC) 97\nD) 120\nShow each step.",
        C,
        True,
        "mcq",
    ),
    text(
        "Which of the following is NOT one of Kounin's classroom management behaviours?\n(A) withitness\n"
        "(B) overlapping\n(C) smoothness and momentum\n(D) a fixed list of punishments posted on the wall\n"
        "letter + one line why",
        C,
        False,
        "mcq",
    ),
    prompt(
        "Short answer question for my TEFL course: what is the difference between accuracy and fluency activities? "
        "Give one example of each.",
        "Accuracy activities focus on producing language correctly, usually with controlled practice and immediate "
        "correction, e.g. a gap-fill drill on past simple irregular verbs. Fluency activities focus on communicating "
        "meaning smoothly without stopping for every error, e.g. pairs planning a weekend trip together while the "
        "teacher notes mistakes for later feedback.",
        C,
        False,
        "mcq",
    ),
    text(
        "Vrai ou faux : dans la taxonomie de Bloom révisée (Anderson et Krathwohl), « créer » est le niveau cognitif "
        "le plus élevé.",
        C,
        False,
        "mcq",
        "fr",
    ),
    # --- persona / system preamble ---
    chat(
        [
            (
                "system",
                "You are an experienced middle school science teacher and curriculum designer. Your lesson plans "
                "include timings, differentiation and an assessment check.",
            ),
            (
                "user",
                "50-minute lesson on the water cycle for 6th graders. I need a hook, one hands-on activity that "
                "costs basically nothing, and an exit ticket. 28 kids, 4 have IEPs for reading and one is a "
                "newcomer who speaks mostly Ukrainian.",
            ),
        ],
        C,
        True,
        "persona",
    ),
    text(
        "You are a world-class study coach. I have 3 exams in 9 days: organic chem (hardest, 40% of my grade, I'm "
        "weakest on mechanisms), intro stats, and a history essay exam. I can study about 6 hours a day but I work "
        "Tuesday and Thursday evenings (so 3 hours those days). Build me a day-by-day plan and tell me which "
        "study methods to use for each subject.",
        C,
        True,
        "persona",
    ),
    chat(
        [
            ("system", "あなたは経験豊富な日本語教師です。教え方のアドバイスを具体的にしてください。"),
            ("user", "初級クラスの学習者に「は」と「が」の違いをどう説明すればいいですか？毎回混乱させてしまいます。"),
        ],
        C,
        False,
        "persona",
        "ja",
    ),
    text(
        "Aja como uma orientadora de TCC experiente. Meu tema é 'o impacto do ensino remoto na alfabetização de "
        "crianças de 6 a 8 anos'. Me ajude a formular o problema de pesquisa e três objetivos específicos.",
        C,
        False,
        "persona",
        "pt",
    ),
    chat(
        [
            (
                "system",
                "You are Professor Owl, a Socratic writing tutor for high school students. Never write the student's "
                "essay for them; ask guiding questions.",
            ),
            (
                "user",
                "I don't get why I need a thesis statement in EVERY essay, my teacher keeps marking me down for it. "
                "it's a compare and contrast essay on two poems",
            ),
        ],
        C,
        False,
        "persona",
    ),
    # --- format-only instructions ---
    text(
        "Reply in JSON only: a grading rubric for a 5th grade persuasive paragraph with 4 criteria, levels 1-4, a "
        "short descriptor for each level.",
        C,
        False,
        "format",
    ),
    text(
        "numbered list only, no intro or outro: 10 active recall techniques a first-year med student can use for "
        "anatomy",
        C,
        False,
        "format",
    ),
    text("Yes or no: is it ok to cite Wikipedia in an undergrad research paper?", C, False, "format"),
    text("영어 단어 외우는 방법 딱 3가지만, 한 줄씩 알려줘.", C, False, "format", "ko"),
    text(
        "One sentence only: what's the difference between a literature review and an annotated bibliography?",
        C,
        False,
        "format",
    ),
    text(
        "Table only, no explanation: weekly revision timetable for a high school senior with 5 subjects and 2 hours "
        "a night on weekdays, 4 hours on Saturday",
        C,
        False,
        "format",
    ),
    text(
        "Buatkan RPP singkat dalam format tabel saja (tanpa penjelasan) untuk Bahasa Indonesia kelas 4, materi teks "
        "deskripsi, 2 x 35 menit.",
        C,
        False,
        "format",
        "id",
    ),
    # --- pasted documents ---
    text(
        "I teach Year 10 English. Can you mark this against the three criteria below, give 3 strengths and 2 "
        "targets in student-friendly language, and suggest a mark out of 30?\n\n"
        "Criteria: AO1 - response to the text and use of evidence (12); AO2 - analysis of language and structure "
        "(12); AO3 - context (6).\n\n"
        "Question: How does Priestley present Mr Birling as a character who is out of touch in 'An Inspector "
        "Calls'?\n\n"
        "Student response:\n"
        "Priestley presents Mr Birling as out of touch from the very start of the play. In Act One he gives a long "
        "speech at the dinner table where he says the Titanic is 'unsinkable, absolutely unsinkable'. The audience "
        "in 1945 would know that the Titanic sank in 1912, so this is dramatic irony and it makes Birling look "
        "foolish. Priestley uses the repetition of 'unsinkable' to show how confident Birling is, which makes his "
        "mistake even worse. He also says there will be no war, and the audience would know there were two world "
        "wars after 1912.\n\n"
        "Birling is also out of touch because he only cares about money and business. He calls himself 'a hard-"
        "headed, practical man of business' and he thinks community is nonsense, saying people talk as if 'we were "
        "all mixed up together like bees in a hive'. The simile of the bees shows that he thinks being a community "
        "is unnatural and silly. Priestley was a socialist and he wanted to show that people like Birling were "
        "wrong.\n\n"
        "When the Inspector arrives, Birling keeps trying to use his importance to get out of trouble. He mentions "
        "that he was Lord Mayor and that he plays golf with the Chief Constable. This shows he thinks rules do not "
        "apply to him. At the end of the play, he is more worried about the scandal and his knighthood than about "
        "Eva Smith dying. He says 'the whole thing's different now' when he thinks the Inspector was a hoax, which "
        "shows he has not learned anything, unlike Sheila and Eric.\n\n"
        "In conclusion, Priestley presents Birling as out of touch through dramatic irony, his selfish views and "
        "the fact he never changes. This helps Priestley's message that we should look after each other.\n\n"
        "(written in 40 minutes, timed conditions)",
        C,
        False,
        "doc",
    ),
    text(
        "Here's the syllabus for the online course I just enrolled in. I work 25 hours a week (Mon, Wed, Fri "
        "daytime). Can you turn this into a realistic week-by-week study plan that gets everything in on time, and "
        "tell me where the crunch weeks are?\n\n"
        "PSY 210 - Research Methods in Psychology (Online, 10 weeks)\n"
        "Instructor: Dr. L. Okafor | Office hours: Tuesdays 6-7pm on Zoom\n\n"
        "Course description: An introduction to how psychologists design studies, collect data and draw conclusions. "
        "Topics include experimental and correlational designs, sampling, measurement, validity and reliability, "
        "ethics, descriptive and inferential statistics, and writing in APA style.\n\n"
        "Required text: Research Methods in Psychology, 4th ed. (chapters listed below). Approx. 30-40 pages per "
        "chapter.\n\n"
        "Grading:\n"
        "- Weekly discussion posts (initial post by Thursday, two replies by Sunday): 15%\n"
        "- Four quizzes (weeks 2, 4, 6, 8; open Fri-Sun, 45 minutes): 20%\n"
        "- Research proposal, in stages: topic and 5 sources (week 3), literature review draft (week 5), method "
        "section (week 7), full proposal (week 10): 40%\n"
        "- Final exam (week 10, proctored online, 2 hours): 25%\n\n"
        "Schedule:\n"
        "Week 1: Ch. 1-2, the scientific method and ethics. Complete CITI ethics training module (about 3 hours).\n"
        "Week 2: Ch. 3, measurement. Quiz 1.\n"
        "Week 3: Ch. 4, sampling and surveys. Proposal stage 1 due Sunday.\n"
        "Week 4: Ch. 5, correlational research. Quiz 2.\n"
        "Week 5: Ch. 6, experiments. Literature review draft due Sunday (1,500 words).\n"
        "Week 6: Ch. 7, complex designs. Quiz 3.\n"
        "Week 7: Ch. 8, quasi-experiments and single-case designs. Method section due Sunday.\n"
        "Week 8: Ch. 9-10, descriptive and inferential statistics. Quiz 4.\n"
        "Week 9: Ch. 11, APA writing. Peer review of proposals due Wednesday.\n"
        "Week 10: Review. Full proposal due Friday. Final exam Saturday or Sunday.\n\n"
        "Late policy: 10% per day, no work accepted after 3 days. Extensions only with documentation.\n\n"
        "I haven't taken stats since high school and I'm a slow reader. Sundays I'm with my kids until 3.",
        C,
        True,
        "doc",
    ),
    text(
        "Our school just sent this out. I teach history to 15-16 year olds and most of my assessment is take-home "
        "essays. How should I redesign my assessments for next term so they fit this policy and still test real "
        "understanding?\n\n"
        "Westbrook Academy - Generative AI Guidance for Staff (v1.2)\n\n"
        "1. Purpose. This guidance sets out how staff and students may use generative AI tools such as chatbots and "
        "image generators. It aims to protect the integrity of assessment while preparing students for a world "
        "where these tools are common.\n\n"
        "2. Permitted uses for students. Students may use approved AI tools to brainstorm, to get explanations of "
        "concepts, and to receive feedback on drafts, provided that they declare this use on the assessment cover "
        "sheet. Students may not submit AI-generated text, images or code as their own work.\n\n"
        "3. Assessment categories. Each assessed task must be labelled by the teacher as one of: (A) AI not "
        "permitted, completed under supervision; (B) AI permitted for planning and feedback only, with declaration; "
        "(C) AI integral to the task, where students are assessed partly on how they use it.\n\n"
        "4. Detection tools. Staff must not rely on AI detection software as evidence of misconduct, as these tools "
        "are unreliable and may disadvantage students writing in an additional language. Concerns should be "
        "discussed with the student, using drafts, notes and a short conversation about the work.\n\n"
        "5. Coursework weighting. From next term, at least 50% of each subject's internally assessed grade must "
        "come from Category A tasks.\n\n"
        "6. Data protection. Staff must not enter students' personal data or work containing personal data into "
        "tools that are not on the approved list.\n\n"
        "7. Staff use. Staff may use approved tools to help plan lessons and create resources but remain "
        "responsible for their accuracy.\n\n"
        "8. Review. This guidance will be reviewed at the end of the academic year.\n\n"
        "Currently I do 4 take-home essays per term (each 25% of the grade). I have 3 lessons a week of 55 minutes "
        "and 5 classes of about 28 students, so marking time is tight.",
        C,
        True,
        "doc",
    ),
    text(
        "Hola, ¿me puedes revisar la introducción de mi TFG de Magisterio? Mi tutora dice que 'no se entiende cuál es "
        "el objetivo'. ¿Qué cambiarías en la estructura?\n\n"
        "INTRODUCCIÓN\n"
        "En la actualidad vivimos en una sociedad cada vez más digitalizada en la que las tecnologías de la "
        "información y la comunicación están presentes en todos los ámbitos de nuestra vida. La escuela no es una "
        "excepción y en los últimos años se han incorporado a las aulas pizarras digitales, tabletas y plataformas "
        "educativas de todo tipo. Este cambio se aceleró durante la pandemia de COVID-19, cuando los docentes "
        "tuvieron que adaptarse en muy poco tiempo a la enseñanza a distancia.\n"
        "Por otro lado, la lectura es una de las competencias más importantes de la etapa de Educación Primaria, ya "
        "que es la base de todos los aprendizajes posteriores. Diversos informes internacionales como PIRLS muestran "
        "que el alumnado español tiene resultados por debajo de la media de la OCDE en comprensión lectora, y "
        "además el hábito lector disminuye a medida que los niños crecen.\n"
        "La gamificación consiste en utilizar elementos del juego en contextos que no son lúdicos, como puntos, "
        "insignias, clasificaciones o narrativas. Muchos autores consideran que la gamificación aumenta la "
        "motivación del alumnado, aunque otros advierten de que la motivación puede desaparecer cuando se retiran "
        "las recompensas.\n"
        "Durante mis prácticas en un colegio de Zaragoza observé que en el aula de 4º de Primaria los alumnos "
        "usaban una aplicación de lectura con puntos y avatares, y me pareció interesante. Algunos niños leían mucho "
        "más que antes, pero otros solo buscaban conseguir puntos y no comprendían lo que leían.\n"
        "Por todo esto, en este trabajo se hablará de las TIC, de la lectura y de la gamificación. El trabajo se "
        "divide en marco teórico, propuesta de intervención, evaluación y conclusiones. La propuesta consiste en una "
        "serie de sesiones para el aula de 4º de Primaria.\n\n"
        "Es un TFG de propuesta de intervención, no de investigación empírica. Máximo 40 páginas.",
        C,
        False,
        "doc",
        "es",
    ),
    # --- few-shot ---
    text(
        "Turn vague learning objectives into measurable ones, like these:\n"
        "Vague: Students will understand photosynthesis.\n"
        "Measurable: Students will be able to label the inputs and outputs of photosynthesis on a diagram and "
        "explain the role of light in two sentences.\n\n"
        "Vague: Students will know the causes of WW1.\n"
        "Measurable: Students will be able to rank four long-term causes of WW1 and justify their top choice with "
        "one piece of evidence.\n\n"
        "Vague: Students will learn about persuasive writing.\nMeasurable:",
        C,
        False,
        "fewshot",
    ),
    chat(
        [
            (
                "system",
                "You give Year 3 pupils encouraging feedback on their sentences: praise one thing, then ask one "
                "question that helps them find the mistake themselves.",
            ),
            ("user", "Their going to the park after school."),
            (
                "assistant",
                "Great sentence about your plans! Look at the word 'Their'. Is it telling us something belongs to "
                "someone, or does it mean 'they are'?",
            ),
            ("user", "me and my dog runned to the shop"),
            (
                "assistant",
                "I love that your dog came too! Can you check the word 'runned'? How do we say 'run' when it already "
                "happened?",
            ),
            ("user", "the elephant was more bigger than the car"),
        ],
        C,
        False,
        "fewshot",
    ),
    text(
        "Erkläre den Fehler so, wie man es einem A2-Lerner erklären würde.\n\n"
        "Falsch: Ich habe gestern nach Berlin gefahren.\n"
        "Erklärung: 'fahren' ist ein Verb der Bewegung von A nach B. Solche Verben bilden das Perfekt mit 'sein': "
        "Ich bin gestern nach Berlin gefahren.\n\n"
        "Falsch: Morgen ich gehe ins Kino.\n"
        "Erklärung: Im Hauptsatz steht das Verb auf Position 2. 'Morgen' ist Position 1, also: Morgen gehe ich ins "
        "Kino.\n\n"
        "Falsch: Ich gehe nicht ins Bett, weil ich bin nicht müde.\nErklärung:",
        C,
        False,
        "fewshot",
        "de",
    ),
    text(
        "I'm writing exit tickets for my 4th grade class. Examples of the style I want:\n"
        "Topic: fractions on a number line -> 'Draw a number line from 0 to 1 and mark 3/4. How did you know where "
        "to put it?'\n"
        "Topic: main idea -> 'Write the main idea of today's article in one sentence. Underline one detail that "
        "supports it.'\n"
        "Topic: the states of matter ->",
        C,
        False,
        "fewshot",
    ),
    # --- bare questions ---
    text("what is spaced repetition", C, False, "bare"),
    text("how do I cite a podcast episode in APA 7", C, False, "bare"),
    text("does the pomodoro technique actually work for studying or is it a myth", C, False, "bare"),
    text("每天练一个小时英语听力，怎么练效果最好？", C, False, "bare", "zh"),
    text("how do you make a concept map for studying history", C, False, "bare"),
    text("how many sources should a 3000 word undergrad essay have", C, False, "bare"),
    text("YKS'ye 6 ay kala sıfırdan başlayan biri nasıl bir çalışma programı yapmalı?", C, True, "bare", "tr"),
    text(
        "Làm sao để tự học IELTS từ 5.5 lên 7.0 trong 6 tháng khi vẫn đi làm full-time?",
        C,
        True,
        "bare",
        "vi",
    ),
    prompt(
        "What is the Feynman technique?",
        "It's a study method named after the physicist Richard Feynman:\n\n"
        "1. Pick a concept and write its name at the top of a page.\n"
        "2. Explain it in simple words, as if teaching a 12-year-old.\n"
        "3. Notice where you get stuck or fall back on jargon: those are the gaps in your understanding.\n"
        "4. Go back to your sources, fill the gaps, and simplify your explanation again.\n\n"
        "It works because explaining forces you to retrieve and organise what you know, instead of just re-reading.",
        C,
        False,
        "bare",
    ),
    # --- multi-turn chats ---
    chat(
        [
            (
                "user",
                "I'm a new TA for intro stats, first time running a recitation section of 30 students. Last week they "
                "just stared at me. How do I make it less dead?",
            ),
            (
                "assistant",
                "Make them do something in the first ten minutes. Open with one short problem they solve in pairs, "
                "cold-call pairs rather than individuals, and use mini whiteboards or a quick poll so everyone "
                "commits to an answer before you explain. Keep your own talking to chunks of five minutes at most.",
            ),
            ("user", "and then? what do I do with the rest of the 50 min"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "system",
                "You are StudyBuddy, a learning assistant for high school students. Help them study, don't do their "
                "homework for them.",
            ),
            ("user", "history test on the causes of WW1 on friday. can you help me make flashcards?"),
            (
                "assistant",
                "Sure! Here are the first five.\n1. Front: What does MAIN stand for? Back: Militarism, Alliances, "
                "Imperialism, Nationalism.\n2. Front: Who was assassinated in Sarajevo in June 1914? Back: Archduke "
                "Franz Ferdinand.\n3. Front: What were the two alliance blocs? Back: Triple Entente and Triple "
                "Alliance.\n4. Front: What was the naval race? Back: Britain and Germany competing to build "
                "Dreadnought battleships.\n5. Front: What was the Schlieffen Plan? Back: Germany's plan to defeat "
                "France quickly through Belgium before turning to Russia.\nTry answering each before flipping!",
            ),
            ("user", "continue"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Je passe le bac de philo dans trois semaines et je suis complètement perdu sur la méthode de la "
                "dissertation. Par où commencer ?",
            ),
            (
                "assistant",
                "Commence par l'analyse du sujet : définis chaque terme, repère le présupposé et formule une "
                "problématique sous forme de tension entre deux réponses possibles. Ensuite, un plan en deux ou "
                "trois parties qui avance d'une réponse à l'autre. Entraîne-toi sur des introductions : c'est là "
                "que le correcteur se fait une idée.",
            ),
            ("user", "et pour la conclusion ?"),
        ],
        C,
        False,
        "chat",
        "fr",
    ),
    chat(
        [
            (
                "user",
                "Help me design an 8-week intro to Python course for adult learners with zero coding background. "
                "Two evenings a week, 90 minutes each, in a library computer room. Many are career changers in their "
                "40s.",
            ),
            (
                "assistant",
                "Week 1: what programming is, running code, print and variables. Week 2: input, strings, "
                "conditionals, loops, and a first mini project. Week 3: lists and dictionaries. Week 4: functions. "
                "Week 5: files and CSV data. Week 6: using libraries. Week 7: a small group project. Week 8: "
                "project presentations and next steps.",
            ),
            ("user", "what about the second one? week 2 seems way too packed for beginners"),
        ],
        C,
        True,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "मेरा बेटा 8 साल का है, पढ़ाई में बिल्कुल मन नहीं लगता। होमवर्क करने में 3 घंटे लगा देता है और बीच-बीच में "
                "उठकर चला जाता है। क्या करूं?",
            ),
            (
                "assistant",
                "इस उम्र में 15-20 मिनट से ज़्यादा लगातार ध्यान रखना मुश्किल होता है। होमवर्क को छोटे हिस्सों में बाँटें, "
                "हर हिस्से के बाद 5 मिनट का ब्रेक दें, और एक ही तय समय और शांत जगह रखें। टीवी और फ़ोन दूर रखें।",
            ),
            ("user", "और अगर फिर भी न माने तो?"),
        ],
        C,
        False,
        "chat",
        "hi",
    ),
    chat(
        [
            (
                "user",
                "my master's thesis is on microplastics in urban rivers. supervisor says my research questions are "
                "too broad. RQ1: what is the impact of microplastics on urban rivers? RQ2: how can microplastic "
                "pollution be reduced? RQ3: what do people think about microplastics?",
            ),
            (
                "assistant",
                "Your supervisor is right: each question could be a whole PhD. Narrow each one by place, time, "
                "measure and population. For example, RQ1 could become: 'How do microplastic concentrations in "
                "surface water differ upstream and downstream of the two wastewater treatment plants on the River "
                "X between March and August?' RQ2 and RQ3 could either be dropped or turned into a small, "
                "answerable part of your discussion.",
            ),
            ("user", "shorter please, just give me the three reworded RQs"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Uczę się hiszpańskiego od pół roku, jestem mniej więcej na poziomie A2. Jak przestać tłumaczyć "
                "wszystko w głowie z polskiego, zanim coś powiem?",
            ),
            (
                "assistant",
                "To naturalny etap. Pomaga dużo słuchania na poziomie trochę poniżej twojego, uczenie się całych "
                "zwrotów zamiast pojedynczych słów oraz krótkie codzienne monologi na głos, np. opisywanie tego, co "
                "robisz. Nie szukaj idealnego słowa – obchodź braki prostszymi zdaniami.",
            ),
            ("user", "a co z wymową?"),
        ],
        C,
        False,
        "chat",
        "pl",
    ),
    chat(
        [
            (
                "user",
                "Create a grading rubric for a group presentation in my 10th grade biology class on cell organelles",
            ),
            (
                "assistant",
                "Criteria (each scored 1-4): Content accuracy; Depth of explanation; Visual aids; Delivery and eye "
                "contact; Teamwork and equal participation. Level 4 descriptors: all facts accurate, explains "
                "functions and links between organelles, clear labelled visuals, confident delivery without reading, "
                "every member presents and answers questions.",
            ),
            ("user", "make it 3 levels instead of 4"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "중학교 2학년 수학 수업인데 학생들이 일차함수 그래프를 너무 어려워해요. 기울기 개념부터 막히는 것 같은데 "
                "어떻게 가르치면 좋을까요?",
            ),
            (
                "assistant",
                "기울기를 공식보다 '변화의 비율'로 먼저 경험하게 하는 것이 좋습니다. 예를 들어 택시 요금이나 휴대폰 "
                "요금제처럼 생활 속 상황으로 표를 만들고, x가 1 늘 때 y가 얼마나 변하는지 학생들이 직접 찾게 해 보세요. "
                "그다음 그래프 위에서 계단 모양으로 확인하게 합니다.",
            ),
            ("user", "활동 예시 더 줘"),
        ],
        C,
        False,
        "chat",
        "ko",
    ),
]

ROWS += [
    text(
        "True or false (ed psych quiz): retrieval practice improves long-term retention more than rereading the same "
        "material for the same amount of time.",
        C,
        False,
        "mcq",
    ),
    text(
        "Question stems by Bloom level, examples:\nRemember: 'List the...'\nUnderstand: 'Explain in your own words "
        "why...'\n\nNow write two stems each for Apply, Analyse, Evaluate and Create, for a Year 7 unit on "
        "ecosystems.",
        C,
        False,
        "fewshot",
    ),
    text(
        "You are a patient reading specialist. My 7 year old reverses b and d and guesses whole words from the first "
        "letter. What can I do at home in 15 minutes a day?",
        C,
        False,
        "persona",
    ),
    chat(
        [
            (
                "user",
                "I keep procrastinating on my dissertation. 12,000 words due in 10 weeks, I've written 2,000 (half "
                "the lit review). I work weekends. How do I get this done?",
            ),
            (
                "assistant",
                "You need about 1,000 words a week plus two weeks for editing. Weeks 1-2: finish the literature "
                "review. Weeks 3-4: methodology. Weeks 5-7: results and discussion. Week 8: introduction and "
                "conclusion. Weeks 9-10: edit, references, formatting. Write for 90 minutes every weekday morning "
                "before anything else.",
            ),
            ("user", "ok, what do I do tomorrow morning exactly"),
        ],
        C,
        True,
        "chat",
    ),
    text(
        "Table only (week | topic | assessment), nothing else: a 6-week unit on persuasive writing for Year 8.",
        C,
        False,
        "format",
    ),
]
