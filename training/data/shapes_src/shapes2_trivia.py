"""Trivia rows in the shapes of real traffic: quiz items, quiz-host personas, format-only asks, documents, chats.

Trivia is the game: pub-quiz items, riddles, "guess the..." games, quiz rounds to write or play. A plain factual
question asked to learn the answer is general_qa, so even the bare rows here are riddles or quiz lines.
"""

from shapes2_rows import Row, chat, prompt, text

C = "trivia"

ROWS: list[Row] = [
    # --- multiple-choice / true-false / short-answer quiz items ---
    text(
        "Pub quiz round 3, question 7, no googling allowed! Which of these countries does NOT border Brazil?\n"
        "A) Chile\nB) Peru\nC) Venezuela\nD) Suriname\nGive the letter, my team went with A",
        C,
        False,
        "mcq",
    ),
    text("Trivia night tiebreaker - true or false: a group of flamingos is called a flamboyance.", C, False, "mcq"),
    text(
        "Estamos jugando al Trivial en familia y hay bronca. Tarjeta verde: ¿Qué elemento químico tiene el símbolo "
        "W?\na) Wolframio\nb) Vanadio\nc) Osmio\nd) Xenón\n¿Cuál es? Mi cuñado dice que la b",
        C,
        False,
        "mcq",
        "es",
    ),
    text(
        "Quiz me with 5 multiple choice questions about 90s cartoons, one at a time, 4 options each. Keep score and "
        "don't tell me the answer until I've guessed.",
        C,
        False,
        "mcq",
    ),
    text(
        "Frage aus unserer Kneipenquiz-Runde: Wie viele Tasten hat ein klassisches Klavier?\nA) 76\nB) 85\nC) 88\n"
        "D) 92\nnur den Buchstaben",
        C,
        False,
        "mcq",
        "de",
    ),
    text(
        "Quick-fire round! Short answers only and I'll mark you after:\n1. Capital of Australia\n2. Largest planet "
        "in the solar system\n3. Who wrote 1984\n4. Year the Berlin Wall fell\n5. Chemical symbol for gold\n"
        "6. How many hearts does an octopus have",
        C,
        False,
        "mcq",
    ),
    text("クイズです！日本で一番面積が大きい湖はどれ？\n①琵琶湖\n②霞ヶ浦\n③サロマ湖\n④猪苗代湖", C, False, "mcq", "ja"),
    text(
        "Connecting wall round from our quiz league, we got stuck. Sort these 16 into four groups of four and say "
        "what links each group (there are red herrings):\n"
        "Mercury, Ford, Baked, Lynx, Jaguar, Mars, Puma, Venus, Kidney, Runner, Broad, Saturn, Jupiter, Cougar, "
        "Panther, Neptune",
        C,
        True,
        "mcq",
    ),
    # --- persona / system preamble ---
    chat(
        [
            (
                "system",
                "You are QuizMaster Quinn, the host of a lively family trivia night. Ask one question at a time, "
                "wait for the answer, keep score for each team and crack the occasional joke.",
            ),
            ("user", "We're ready!! Team Nachos vs Team Llamas. First category: geography. Go!"),
        ],
        C,
        False,
        "persona",
    ),
    text(
        "Act as a pub quiz host from Dublin. Write me 10 questions for an 'Irish history & culture' round, medium "
        "difficulty, answers listed at the bottom so I can read the questions out first.",
        C,
        False,
        "persona",
    ),
    chat(
        [
            (
                "system",
                "Tu es l'animateur d'un jeu télévisé de culture générale, dans le style de « Questions pour un "
                "champion ». Tu poses les questions avec enthousiasme et tu annonces le score.",
            ),
            ("user", "Je suis prêt ! Lance le « quatre à la suite », thème : le cinéma français."),
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
                "You are TriviaBot in the Brainy Bar Discord server. Post exactly one question per message with the "
                "category in brackets. Reveal the answer only when someone types !answer.",
            ),
            ("user", "!trivia music 80s"),
        ],
        C,
        False,
        "persona",
    ),
    text(
        "Você é um apresentador de quiz de futebol, bem animado. Faz 5 perguntas difíceis sobre Copas do Mundo, uma "
        "de cada vez, e espera minha resposta antes de passar pra próxima.",
        C,
        False,
        "persona",
        "pt",
    ),
    # --- format-only instructions ---
    text(
        "Riddle: I have cities but no houses, forests but no trees, and water but no fish. What am I? One word answer.",
        C,
        False,
        "format",
    ),
    text(
        "Give me 15 pub quiz questions about space as a JSON array of objects with keys question, answer, "
        "difficulty (easy/medium/hard). No other text.",
        C,
        False,
        "format",
    ),
    text(
        "ok game time. I ask, you answer Y or N only, and I'll tell you if you win a point. first one: is a tomato "
        "botanically a fruit?",
        C,
        False,
        "format",
    ),
    text("来玩猜谜：“千条线，万条线，掉到水里看不见。”打一自然现象。只回答谜底。", C, False, "format", "zh"),
    text(
        "CSV format only with columns question,answer. 20 easy animal trivia questions for a kids' birthday party "
        "game (ages 7-9).",
        C,
        False,
        "format",
    ),
    text(
        "Загадка для игры в компании, ответ одним словом: «Без окон, без дверей — полна горница людей».",
        C,
        False,
        "format",
        "ru",
    ),
    text(
        "Estimation round at the pub quiz: how many piano tuners are there in Chicago? Walk me through your "
        "estimate, then put your final number alone on the last line.",
        C,
        True,
        "format",
    ),
    # --- pasted documents ---
    text(
        "Write 8 pub quiz questions based on this article, with answers. Mix easy and hard, and make at least two of "
        "them about numbers so teams can argue.\n\n"
        "Divers Find 2,000-Year-Old Shipwreck Loaded With Wine Jars Off Sardinian Coast\n\n"
        "Underwater archaeologists have uncovered the remains of a Roman merchant ship that sank off the coast of "
        "Sardinia more than two thousand years ago, still carrying hundreds of intact amphorae, the clay jars used "
        "to transport wine and olive oil across the Mediterranean.\n\n"
        "The wreck lies at a depth of about 62 metres and was first spotted last spring by a remotely operated "
        "vehicle during a survey for an undersea power cable. Divers from the regional superintendency for cultural "
        "heritage have since made more than forty dives to map the site. They estimate the ship was between 25 and "
        "30 metres long and may have carried up to 3,000 amphorae when it went down.\n\n"
        "Based on the shape of the jars and the stamps on their handles, experts believe the ship sailed in the "
        "first century BC, probably from the Campania region near Naples, heading for ports in southern France or "
        "Spain. Several of the jars still have their original stoppers, made of cork and sealed with a volcanic "
        "mortar known as pozzolana.\n\n"
        "'It's rare to find a wreck this undisturbed,' said the lead archaeologist. 'Most ships at shallower depths "
        "were looted long ago by fishermen and souvenir hunters. At 62 metres, the cold and the darkness have "
        "protected it.'\n\n"
        "Among the other finds are a bronze cooking pot, fragments of a lead anchor stock weighing about 400 "
        "kilograms, and a small collection of black-glazed tableware that the crew probably used for their own "
        "meals. The team also found a single gold coin, which they hope will help narrow down the date.\n\n"
        "Italian authorities have declared the area a protected zone, and anchoring and diving within 500 metres "
        "of the wreck are banned. A selection of the amphorae will be raised next summer and displayed at the "
        "archaeological museum in Cagliari, while the rest of the cargo will remain on the seabed.\n\n"
        "The discovery adds to more than 300 ancient wrecks already recorded in Italian waters.",
        C,
        False,
        "doc",
    ),
    text(
        "Our team lost last night's quiz by 1 point and we think the host marked 3 of our answers wrong that were "
        "actually right. Here are the questions, our answers, and the host's answers. Who was right on each one? Be "
        "careful, some are trick questions.\n\n"
        "1. What is the tallest mountain in the world measured from base to peak? Ours: Mauna Kea. Host: Everest.\n"
        "2. How many bones does an adult human have? Ours: 206. Host: 206.\n"
        "3. Which planet has the most confirmed moons? Ours: Saturn. Host: Jupiter.\n"
        "4. What is the capital of Switzerland? Ours: Bern. Host: Bern.\n"
        "5. Which country has the most islands? Ours: Sweden. Host: Indonesia.\n"
        "6. In which year did the Titanic sink? Ours: 1912. Host: 1912.\n"
        "7. What is the largest desert in the world? Ours: Antarctica. Host: Sahara.\n"
        "8. Who painted the ceiling of the Sistine Chapel? Ours: Michelangelo. Host: Michelangelo.\n"
        "9. How many players are on the field for one team in rugby union? Ours: 15. Host: 15.\n"
        "10. What is the longest river in the world? Ours: Nile. Host: Amazon.\n"
        "11. What colour is a polar bear's skin? Ours: black. Host: white.\n"
        "12. Which is the smallest country in the world by area? Ours: Vatican City. Host: Monaco.\n"
        "13. How many hearts does an octopus have? Ours: 3. Host: 3.\n"
        "14. What was the first name of the Wright brother who flew the first powered flight in 1903? Ours: Orville. "
        "Host: Wilbur.\n"
        "15. What is the hardest natural substance? Ours: diamond. Host: diamond.\n"
        "16. What is the most spoken language in the world by total speakers? Ours: English. Host: Mandarin.\n"
        "17. Which animal has the longest lifespan among vertebrates? Ours: Greenland shark. Host: bowhead whale.\n"
        "18. How many time zones does France have, counting overseas territories? Ours: 12. Host: 1.\n\n"
        "The host gave us 9 out of 18. The winning team had 10. The rules say disputed answers count if the team "
        "can show they're correct before the next quiz. Which of our answers should have been accepted, which "
        "questions are genuinely ambiguous, and would we have won?",
        C,
        True,
        "doc",
    ),
    text(
        "I'm making a 'Guess Who?' game for our office holiday party from the staff bios on our intranet. Turn "
        "these into 10 clues of the form 'This person...' (not too obvious), and give me the answer key at the "
        "end.\n\n"
        "Amara Okoye - Head of Finance. Joined in 2014 as our first accountant. Grew up in Lagos and London. Has "
        "run 11 marathons, including Tokyo and Boston. Collects vintage cameras and develops her own film. "
        "Favourite food: jollof rice, and she will defend Nigerian jollof to the end.\n\n"
        "Tom Lindqvist - Senior Developer. Swedish, moved here in 2019. Former professional ice hockey goalie in "
        "the Swedish second division. Plays the accordion in a folk band called The Fjord Escorts. Has a cat named "
        "Kernel.\n\n"
        "Priya Shah - Product Designer. Studied architecture before switching to UX. Once appeared on a TV cooking "
        "show and came second. Speaks four languages. Has visited 47 countries and keeps a scratch map at her "
        "desk.\n\n"
        "Marcus Bell - Customer Success Lead. Grew up on a dairy farm in Wisconsin. Can milk a cow in under four "
        "minutes. Volunteers as a firefighter on weekends. Has a twin brother who also works in customer success, "
        "at a competitor.\n\n"
        "Lena Fischer - Office Manager. Has worked here longer than anyone (since 2011). Former opera singer who "
        "performed in Vienna. Breeds miniature dachshunds. Knows every employee's coffee order by heart.\n\n"
        "Diego Ramírez - Data Analyst. Born in Bogotá. Holds a regional record for solving a Rubik's cube "
        "blindfolded. Learned to code by building bots for a video game. Is afraid of pigeons.\n\n"
        "Hannah Osei - Marketing Coordinator. Newest member of the team (joined in March). Was a junior national "
        "champion in table tennis. Bakes elaborate birthday cakes for everyone's birthday, including a cake shaped "
        "like the office printer. Has never seen a single Star Wars film and is proud of it.\n\n"
        "Keep the clues fun and nothing embarrassing. People will play in teams of 4 and we have about 20 minutes "
        "for the game.",
        C,
        False,
        "doc",
    ),
    text(
        "Prepara un quiz di 6 domande a risposta multipla (4 opzioni) per la serata giochi con gli amici, basato su "
        "questo articolo. Metti le soluzioni alla fine.\n\n"
        "La vera storia della pizza Margherita\n\n"
        "Secondo la tradizione più diffusa, la pizza Margherita nacque a Napoli nel giugno del 1889, quando il "
        "pizzaiolo Raffaele Esposito della pizzeria Brandi fu chiamato a preparare alcune pizze per la regina "
        "Margherita di Savoia, in visita alla città con il re Umberto I. Esposito avrebbe preparato tre pizze "
        "diverse: una con strutto, formaggio e basilico, una con aglio, olio e pomodoro (la marinara) e una con "
        "pomodoro, mozzarella e basilico, i colori della bandiera italiana. La regina avrebbe preferito "
        "quest'ultima, che da allora porta il suo nome.\n\n"
        "A sostegno della storia viene spesso citata una lettera di ringraziamento firmata dal capo dei servizi di "
        "tavola della Real Casa, conservata ancora oggi nella pizzeria. Alcuni storici, però, hanno messo in dubbio "
        "la sua autenticità, notando differenze nel timbro e nella carta rispetto ad altri documenti ufficiali "
        "dell'epoca. Inoltre, pizze con pomodoro, mozzarella e basilico erano già descritte a Napoli decenni prima "
        "del 1889, per esempio nei racconti di viaggiatori e in un libro di Emmanuele Rocco del 1858.\n\n"
        "In ogni caso, la pizza rimase a lungo un cibo popolare e quasi esclusivamente napoletano. Fu solo nel "
        "Novecento, con l'emigrazione italiana verso gli Stati Uniti, che si diffuse nel mondo: la prima pizzeria "
        "autorizzata di New York, Lombardi's, aprì nel 1905. In Italia, la pizza si affermò nelle altre regioni "
        "soprattutto dopo la Seconda guerra mondiale.\n\n"
        "Nel 2017 l'UNESCO ha iscritto l'arte del pizzaiuolo napoletano nella lista del patrimonio culturale "
        "immateriale dell'umanità. Oggi l'Associazione Verace Pizza Napoletana stabilisce regole precise: "
        "l'impasto deve contenere solo farina, acqua, sale e lievito, la pizza deve cuocere in forno a legna a "
        "circa 485 gradi per 60-90 secondi e il diametro non deve superare i 35 centimetri.\n\n"
        "Domande non troppo facili, che ci sono anche dei gran saputelli nel gruppo.",
        C,
        False,
        "doc",
        "it",
    ),
    # --- few-shot ---
    text(
        "Write trivia questions in this style:\n"
        "Q: This copper-clad lady in New York Harbor was a gift from France in 1886. A: The Statue of Liberty\n"
        "Q: This Paris tower was meant to be temporary and was almost torn down in 1909. A: The Eiffel Tower\n"
        "Q: This Sydney building's roof is often said to look like sails. A: The Sydney Opera House\n\n"
        "Now write 5 about famous bridges.",
        C,
        False,
        "fewshot",
    ),
    chat(
        [
            ("system", "Guess the movie from the emojis. Answer with the title only."),
            ("user", "🦁👑"),
            ("assistant", "The Lion King"),
            ("user", "🕷️🧑‍🎓🏙️"),
            ("assistant", "Spider-Man: Homecoming"),
            ("user", "❄️👸⛄🏰"),
        ],
        C,
        False,
        "fewshot",
    ),
    text(
        "초성퀴즈 하자! 예시:\nㄱㅊ → 김치\nㅂㅂㅂ → 비빔밥\nㅅㄱㅅ → 삼겹살\n\n이제 문제: ㄸㅂㅇ → ?\n그리고 너도 음식 초성퀴즈 3개 내줘",
        C,
        False,
        "fewshot",
        "ko",
    ),
    text(
        "Riddles we've already used at game night (so don't repeat them):\n"
        "- What has a neck but no head? A bottle.\n"
        "- What gets wetter the more it dries? A towel.\n"
        "- What can you catch but not throw? A cold.\n\n"
        "Give me 3 new riddles in the same format, a bit harder than these, answers included.",
        C,
        False,
        "fewshot",
    ),
    # --- bare quiz lines and riddles (no framing) ---
    text("what has keys but can't open locks", C, False, "bare"),
    text("the more you take the more you leave behind. what am i", C, False, "bare"),
    text("pub quiz bet: which country has the most time zones", C, False, "bare"),
    text("adivinanza: blanco por dentro, verde por fuera, si quieres que te lo diga, espera", C, False, "bare", "es"),
    text("guess the movie: boy with a lightning scar finds out he's a wizard on his 11th birthday", C, False, "bare"),
    text("لغز: شيء كلما زاد نقص، ما هو؟", C, False, "bare", "ar"),
    text("Bilmece: Çarşıdan aldım bir tane, eve geldim bin tane. Nedir?", C, False, "bare", "tr"),
    text("tebak-tebakan: hewan apa yang bersaudara? jangan dijawab serius ya", C, False, "bare", "id"),
    text("Raadsel: wat wordt natter naarmate het meer droogt?", C, False, "bare", "nl"),
    text(
        "lateral thinking one for the group chat: a man lives on the 20th floor. every morning he takes the lift all "
        "the way down. coming home he rides to the 12th floor and walks the rest, except on rainy days when he rides "
        "all the way up. why?",
        C,
        True,
        "bare",
    ),
    prompt(
        "trivia question: what's the only continent with no native ants?",
        "Antarctica! Ants live on every other continent, but none are native to Antarctica (a few islands like "
        "Iceland and Greenland also have no native species). Good one for a tiebreaker.",
        C,
        False,
        "bare",
    ),
    # --- multi-turn chats: the quiz frame stays, the last turn is short ---
    chat(
        [
            (
                "system",
                "You are the host of a 10-question movie quiz. Ask one question at a time, tell the player if they "
                "were right, and keep a running score.",
            ),
            ("user", "start!"),
            ("assistant", "Question 1: In which 1997 film does a ship hit an iceberg on its maiden voyage?"),
            ("user", "Titanic"),
            (
                "assistant",
                "Correct! 1/1. Question 2: Which actor played the Joker in 'The Dark Knight' (2008)?",
            ),
            ("user", "next"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            ("user", "let's play 20 questions. you think of an animal and I guess"),
            ("assistant", "Got one! Ask your first yes/no question."),
            ("user", "does it live in water?"),
            ("assistant", "No."),
            ("user", "is it bigger than a cat?"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Make me 10 trivia questions for my grandma's 80th birthday party. She grew up in the 50s and 60s, "
                "loves music and old movies.",
            ),
            (
                "assistant",
                "1. Which singer was known as 'The King of Rock and Roll'? (Elvis Presley)\n2. Which 1961 film "
                "features Audrey Hepburn as Holly Golightly? (Breakfast at Tiffany's)\n3. Which band sang 'I Want "
                "to Hold Your Hand'? (The Beatles)\n4. In what year did man first walk on the moon? (1969)\n5. Who "
                "sang 'Respect' in 1967? (Aretha Franklin)\n6. Which dance craze did Chubby Checker start in 1960? "
                "(The Twist)\n7. Which film won Best Picture in 1965 with Julie Andrews as a governess? (The Sound of "
                "Music)\n8. What was the name of the first satellite launched into orbit? (Sputnik)\n9. Who played "
                "James Bond first on film? (Sean Connery)\n10. Which toy doll launched in 1959? (Barbie)",
            ),
            ("user", "shorter please, only 5 and easier ones"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Wir machen am Samstag einen Quizabend im Sportverein. Kannst du mir eine Runde 'Deutsche Geschichte' "
                "mit 8 Fragen machen, mittelschwer, mit Lösungen?",
            ),
            (
                "assistant",
                "1. In welchem Jahr fiel die Berliner Mauer? (1989)\n2. Wer war der erste Bundeskanzler der BRD? "
                "(Konrad Adenauer)\n3. In welcher Stadt wurde 1949 das Grundgesetz verkündet? (Bonn)\n4. Wie hieß "
                "der erste deutsche Kaiser des Kaiserreichs von 1871? (Wilhelm I.)\n5. Welcher Reformator schlug "
                "1517 der Legende nach Thesen an eine Kirchentür? (Martin Luther)\n6. Wann wurde die Deutsche "
                "Einheit vollzogen? (3. Oktober 1990)\n7. Wie hieß die Währung der DDR? (Mark der DDR)\n8. In "
                "welcher Stadt tagte 1848 die erste Nationalversammlung? (Frankfurt am Main, Paulskirche)",
            ),
            ("user", "super! und jetzt noch eine Schätzfragen-Runde"),
        ],
        C,
        False,
        "chat",
        "de",
    ),
    chat(
        [
            ("user", "give me a really hard riddle, I'm good at these"),
            (
                "assistant",
                "Alright: 'What English word has three consecutive double letters?'",
            ),
            ("user", "hint?"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            ("user", "bora jogar adivinha o país? eu dou as dicas e você tenta adivinhar"),
            ("assistant", "Bora! Manda a primeira dica."),
            ("user", "tem formato de bota"),
            ("assistant", "Itália!"),
            ("user", "acertou kkk agora você pensa em um e eu adivinho"),
        ],
        C,
        False,
        "chat",
        "pt",
    ),
    chat(
        [
            (
                "user",
                "host a harry potter trivia battle between me and my sister. alternate questions, hard mode, keep "
                "score. I'm Player 1",
            ),
            (
                "assistant",
                "Game on! Player 1: What is the name of the potion that grants the drinker luck? Player 2: Who was "
                "the Half-Blood Prince? Write your answers and I'll score them.",
            ),
            ("user", "felix felicis for me. what about the second one? she said Horace Slughorn"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            ("user", "なぞなぞ出して！子ども向けで、5歳の娘と一緒にやるよ"),
            ("assistant", "パンはパンでも、食べられないパンはなーんだ？"),
            ("user", "フライパン！つぎ！"),
        ],
        C,
        False,
        "chat",
        "ja",
    ),
    chat(
        [
            (
                "user",
                "Mình đang tổ chức buổi team building cho 30 người, cần 10 câu đố vui có đáp án để chơi chia đội.",
            ),
            (
                "assistant",
                "1. Cái gì càng kéo càng ngắn? (Điếu thuốc)\n2. Con gì đập thì sống, không đập thì chết? (Con tim)\n"
                "3. Cái gì có cổ nhưng không có đầu? (Cái áo)\n4. Tháng nào ngắn nhất trong năm? (Tháng 2)\n5. Cái gì "
                "luôn đi mà không bao giờ đến? (Ngày mai)\n6. Cái gì đen khi bạn mua, đỏ khi dùng và xám khi vứt đi? "
                "(Than)\n7. Có 3 quả táo, bạn lấy đi 2 quả, bạn có mấy quả? (2 quả)\n8. Cái gì của bạn nhưng người "
                "khác dùng nhiều hơn? (Tên)\n9. Bỏ ngoài nướng trong, ăn ngoài bỏ trong là gì? (Bắp ngô)\n10. Con gì "
                "có mũi, có lưỡi, hễ cứ thấy cây là xông vào chặt? (Cái rìu)",
            ),
            ("user", "thêm 5 câu khó hơn"),
        ],
        C,
        False,
        "chat",
        "vi",
    ),
]

ROWS += [
    text(
        "Odd one out for the quiz: Mercury, Venus, Earth, Mars, Pluto. Careful, there might be more than one "
        "defensible answer - give the best one for a quiz and say why the others are weaker.",
        C,
        True,
        "mcq",
    ),
    text(
        "Guess the country in as few clues as you can, and tell me at which clue you were sure and why:\n"
        "1. It has more ancient pyramids than Egypt.\n2. The Blue Nile and the White Nile meet in its capital.\n"
        "3. It was the largest country in Africa until 2011.\n4. Its flag has red, white, black and a green "
        "triangle.",
        C,
        True,
        "bare",
    ),
    text(
        "Music round, multiple choice: which band released the album 'Rumours' in 1977?\na) Eagles\nb) Fleetwood "
        "Mac\nc) ABBA\nd) Bee Gees",
        C,
        False,
        "mcq",
    ),
    chat(
        [
            (
                "system",
                "You host 'Guess the Year'. Read out three events from the same year; the player guesses the year. "
                "Two points for exact, one point within two years.",
            ),
            ("user", "ready"),
            (
                "assistant",
                "Round 1: the Berlin Wall falls, Tim Berners-Lee proposes the World Wide Web, and the Exxon Valdez "
                "runs aground in Alaska. What year?",
            ),
            ("user", "1989"),
            ("assistant", "Exactly right, 2 points! Ready for round 2?"),
            ("user", "harder ones"),
        ],
        C,
        False,
        "chat",
    ),
    text(
        "true or false quiz for my daughter's sleepover: 10 statements about dinosaurs. statements first, answers in "
        "a separate list at the end so the kids can't peek",
        C,
        False,
        "format",
    ),
]
