"""Creative-writing rows: finished stories, poems, lyrics, scripts, world building, and feedback on them."""

from s3_rows import Rows

S, U, A = "system", "user", "assistant"
R = Rows("creative_writing")

# --- exam / multiple-choice shaped ---------------------------------------------------------------------
R.text(
    "mcq",
    "en",
    False,
    """Which of these opening lines is strongest for my literary thriller? Answer with the letter and one
sentence why.
A) It was a dark and stormy night when Claire found the letter.
B) The letter had been in the freezer for eleven years, behind the peas.
C) Claire didn't know yet that her life was about to change forever.
D) Nobody in Harlow Creek talked about the Mercer girl.""",
)
R.text(
    "mcq",
    "en",
    False,
    "Creative Writing GCSE practice, Paper 1 Question 5 (40 marks): 'Write a description suggested by this "
    "picture: an empty fairground at dawn.' Please write a model answer around 450 words, using varied "
    "sentence structures and at least one extended metaphor.",
)
R.text(
    "mcq",
    "de",
    False,
    """Welcher Titel passt am besten zu meiner Kurzgeschichte über eine alte Frau, die jeden Abend mit ihrem
verstorbenen Mann telefoniert (die Nummer ist längst abgemeldet)? Nur den Buchstaben, bitte.
A) Kein Anschluss unter dieser Nummer
B) Die Witwe
C) Abendgespräche
D) Das Telefon""",
)
R.text(
    "mcq",
    "en",
    False,
    """My poetry workshop gave us this prompt, true or false style: For each statement about my draft,
say TRUE or FALSE and then rewrite the poem fixing the false ones.
1. Every stanza is a quatrain.
2. The rhyme scheme is ABAB throughout.
3. There's no cliché in the last stanza.

the kettle sings its morning song / the light is soft and grey
I tell myself I won't be long / and then I always stay

your coat still hanging by the door / your mug, the chipped blue one
I don't know what I'm keeping for / when all the keeping's done

and time will heal, that's what they say / the clock ticks on the wall""",
)
R.chat(
    "mcq",
    "es",
    False,
    (
        U,
        "Para mi taller de escritura: ¿cuál de estos finales es mejor para el cuento del faro que te pasé? "
        "a) el farero muere en la tormenta, b) el farero descubre que la luz nunca estuvo encendida, c) el "
        "farero se va en el barco de suministros sin mirar atrás. Responde con la letra y luego escribe ese "
        "final en unas 200 palabras.",
    ),
)

# --- persona / system preamble ----------------------------------------------------------------------
R.chat(
    "persona",
    "en",
    False,
    (
        S,
        "You are an award-winning children's author with the warmth of a bedtime storyteller. Write in "
        "simple, rhythmic sentences suitable for ages 4-6.",
    ),
    (
        U,
        "story about a hedgehog who is scared of the dark but has to find his way home from a birthday party. "
        "around 500 words, happy ending, include a firefly friend",
    ),
)
R.text(
    "persona",
    "en",
    False,
    "Act as a seasoned Hollywood screenwriter. Write the cold open (2-3 pages, proper screenplay format) for "
    "a heist comedy where the crew is four retirees robbing their own nursing home's casino night.",
)
R.chat(
    "persona",
    "fr",
    False,
    (
        S,
        "Tu es un poète symboliste du XIXe siècle. Tu écris en alexandrins rimés, avec des images sombres et "
        "musicales.",
    ),
    (U, "Écris-moi un sonnet sur une gare de province abandonnée, la nuit."),
)
R.text(
    "persona",
    "zh",
    False,
    "你是一位擅长武侠小说的作家，文风类似金庸。请写一个两千字左右的短篇：一个在江南小镇卖豆腐的姑娘，其实是隐退的剑客，"
    "某天一位故人找上门来。",
)

# --- format-only instructions -----------------------------------------------------------------------
R.text("format", "en", False, "haiku about monday mornings. just the haiku, no title, no explanation")
R.chat(
    "format",
    "en",
    False,
    (
        S,
        'You generate story seeds for a writing app. Respond with JSON only: {"title": str, "logline": '
        'str, "genre": str, "first_line": str}.',
    ),
    (U, "genre: cozy mystery, setting: a knitting shop in Cornwall"),
)
R.text(
    "format",
    "pt",
    False,
    "Escreve um poema de exatamente 4 versos sobre saudade do mar. Só o poema, sem título, sem comentários.",
)
R.text(
    "format",
    "en",
    False,
    "Give me a six-word story about a lost astronaut. One line. Nothing else.",
)

# --- pasted document + short instruction ------------------------------------------------------------
R.text(
    "doc",
    "en",
    False,
    """Can you give me honest feedback on this short story opening? Pacing, voice, and whether the ending of
the section lands. Be blunt, I'm submitting to a magazine next week.

---

THE SALT WIFE

My mother kept a jar of seawater on the windowsill of every house we ever lived in, and we lived in nine.
She never said why. When I was small I thought it was a kind of medicine, like the brown bottle of cough
syrup she kept above the sink, and once, when I had a fever, I drank some. It tasted of nothing I could name
— not salt, exactly, not fish, but something wide and cold, and I dreamed that night of a grey horizon that
went on and on, and of a woman standing in the shallows with her back to me.

We moved in the autumn, always in the autumn. My father would come home with the car already packed and the
look of a man who had been told something on the phone. My mother would wrap the jar in three dish towels
and hold it in her lap the whole drive. I learned not to ask. By the time I was twelve I had been the new girl
in Dundee, in Whitby, in a village outside Cork whose name I can't spell, in a flat above a chip shop in
Aberystwyth where the windows fogged every evening at six.

It was in Aberystwyth that the jar began to fill.

I noticed it the way you notice a clock has stopped: not the thing itself but the absence of a change. The
water had always evaporated, slowly, over a season, and my mother would top it up from whatever beach was
nearest. That winter it didn't go down. Then, in February, it rose. A finger's width. Then two. By March the
water stood at the brim, trembling, though no one had touched it, and on the morning of my thirteenth
birthday I came downstairs and found the windowsill wet and my mother sitting at the kitchen table with her
coat on.

"We're not moving this time," she said. "I am."

My father was not in the house. His car was not in the street. I remember that the chip shop below us was
frying already, at eight in the morning, and that the smell of it seemed unbearably ordinary.

She held out her hand. In her palm was a single scale, the size of a thumbnail, grey-green and iridescent,
like the inside of a mussel shell.

"This was your grandmother's," she said. "One day it will be yours. Not yet."

Then she picked up the jar, and walked out the door, and went down the hill toward the sea, and I did not
follow her, and I have spent twenty years wondering why.

---

That's the first section (about 520 words). The rest of the story is the narrator as an adult going back to
Aberystwyth.""",
)
R.text(
    "doc",
    "it",
    False,
    """Ho scritto il primo capitolo di un romanzo fantasy e vorrei che tu scrivessi il secondo, mantenendo lo
stesso stile e lo stesso narratore. Ecco il primo:

CAPITOLO UNO — La città dei campanili

A Vellara le campane non suonano le ore. Suonano i nomi. Ogni bambino che nasce in città riceve una nota,
una sola, scelta dal Maestro dei Campanili dopo aver ascoltato il primo pianto, e da quel giorno la sua nota
suona ogni volta che qualcuno, da qualche parte tra le mura, pronuncia il suo nome con amore. Per questo le
sere a Vellara sono rumorose: le madri chiamano i figli a cena, gli innamorati si sussurrano sotto i portici,
i vecchi ricordano i morti, e sopra i tetti le campane rispondono come uno stormo di uccelli di bronzo.

Io mi chiamo Nives, e la mia campana non ha mai suonato.

Non è che nessuno mi voglia bene. Mia nonna, che mi ha cresciuta dopo la febbre che si è portata via i miei
genitori, mi chiama cento volte al giorno — Nives, il pane; Nives, le galline; Nives, dove ti sei cacciata —
e io so che lo dice con amore, lo sento nelle mani con cui mi intreccia i capelli. Eppure, quando lei dice il
mio nome, il cielo resta zitto. Da bambina pensavo che la mia nota fosse troppo acuta per essere udita, come
il fischio dei pipistrelli. Poi ho pensato che il Maestro si fosse dimenticato di me. Ora, a sedici anni,
penso una cosa peggiore: che la mia campana non esista.

Il giorno della Fiera delle Corde, quando i campanari scendono dalle torri per cambiare le funi consumate,
ho deciso di scoprirlo. Mi sono infilata nella torre di San Liberio dietro a un carro di canapa, ho salito
trecentoquaranta gradini al buio contando a voce bassa per non perdere il coraggio, e sono arrivata nella
stanza delle campane mentre il sole tramontava.

Erano migliaia. Piccole come ditali, grandi come botti, appese a travi che si perdevano nel buio. Ognuna
aveva un nome inciso sul bordo. Ho cercato il mio per ore, finché la luce non è sparita del tutto e ho
dovuto accendere il mozzicone di candela che avevo rubato in cucina.

Non c'era.

C'era però, in fondo alla stanza, un gancio vuoto. E sotto il gancio, per terra, un segno nella polvere: il
cerchio perfetto lasciato da una campana che qualcuno aveva portato via.

E accanto al cerchio, un'impronta di stivale. Fresca.

---

Il secondo capitolo dovrebbe raccontare chi ha preso la campana. Circa 1200 parole, stessa prima persona.""",
)
R.text(
    "doc",
    "en",
    True,
    """I'm writing a locked-room mystery novella and I need you to check my plot for holes and then write the
detective's final reveal scene (~800 words) so that every clue below is used and the solution is the only
one consistent with them.

SETUP: Winter, 1952. The Harrow Hotel, a snowed-in mountain lodge. The victim, financier Leonard Pryce, is
found dead in Room 14 at 7:10 am by the maid. The door was locked from the inside with the key in the lock;
the single window was latched; there is a fireplace whose flue is too narrow for a person.

CAUSE OF DEATH: poisoning with a fast-acting cyanide compound, taken with his nightly brandy. The doctor among
the guests estimates death between 11 pm and 1 am.

SUSPECTS:
1. Margaret Pryce, his wife, sleeping in the adjoining Room 15. The connecting door is bolted on HER side.
She says she took a sleeping draught at 10:30 and heard nothing.
2. Julian Ashe, his business partner, who lost a fortune on a deal Pryce sold him. He was playing cards in
the lounge with the hotel manager until 12:15, then went to bed in Room 9 at the other end of the corridor.
3. Nora Kell, the hotel's night porter, who carried the brandy tray up at 10:45. She says Pryce opened the
door, took the tray, and said good night. She was at her desk in the lobby the rest of the night.
4. Dr. Felix Brand, a guest, who examined the body. He arrived at the hotel the day before and claims not to
have known Pryce. He was in Room 12 all night.

CLUES:
a) The brandy decanter on the tray is untouched; the poison was in the glass, not the decanter.
b) There are two glasses on the tray. One is clean and dry. The other has brandy residue and poison.
c) The fire in the grate went out around midnight; there is a scrap of burnt paper in the ashes with part of
a printed letterhead: "…MOND & ASHE".
d) The snow outside the window is undisturbed.
e) Nora Kell's lobby log shows a call from Room 14 to the desk at 11:20 asking for "more ice". She went up,
knocked, and no one answered, so she left the ice bucket outside. The bucket is found inside the room in
the morning, with water in it.
f) Margaret's sleeping-draught bottle is full.
g) Dr. Brand's medical bag contains an empty vial with no label.
h) Pryce was left-handed. The poisoned glass was found to the right of his chair.

My intended solution: Margaret did it, using the connecting door, and re-bolted it. But my beta reader says
clue (e) breaks it. Work out whether it does, fix whatever is inconsistent with the smallest change, then
write the reveal.""",
)

# --- few-shot ---------------------------------------------------------------------------------------
R.text(
    "fewshot",
    "en",
    False,
    """Write limericks in this style.

Topic: a cat who hates Mondays
There once was a cat named McGee
Who loathed every Monday at three.
He'd knock the mug over,
Then nap in the clover,
And blame it entirely on me.

Topic: a robot chef
A robot who cooked for the Queen
Put bolts in the soup (they were clean).
She said, "This is grand,
Though a little bit canned,"
And knighted the kitchen machine.

Topic: a marathon runner who keeps getting lost""",
)
R.text(
    "fewshot",
    "ko",
    False,
    """아래처럼 짧은 감성 글귀를 써줘.

주제: 비 오는 날
글귀: 우산을 같이 쓰자던 너의 말보다, 기울어진 우산 끝에 젖은 네 어깨가 더 오래 기억에 남았다.

주제: 첫눈
글귀: 첫눈이 오면 만나자던 약속은 잊었는데, 첫눈이 올 때마다 그 약속을 잊었다는 걸 기억한다.

주제: 오래된 편의점""",
)
R.prompt(
    "fewshot",
    "en",
    False,
    """Dad jokes, same format:
Q: Why did the scarecrow win an award? A: He was outstanding in his field.
Q: What do you call a fake noodle? A: An impasta.
Q: Why don't skeletons fight each other? A: They don't have the guts.
Q: (about a librarian)""",
    "Q: Why did the librarian get kicked off the plane? A: Because it was overbooked.",
)

# --- bare -----------------------------------------------------------------------------------------------
R.text("bare", "en", False, "poem about my dog dying")
R.text("bare", "en", False, "write a rap verse about quantum physics")
R.text("bare", "ru", False, "напиши стих про осень в питере")
R.text("bare", "en", False, "names for an evil empire in my sci-fi book?")
R.text("bare", "ja", False, "猫が主人公のショートショートを書いて")

# --- multi-turn chats with a frame and a short follow-up ------------------------------------------------
R.chat(
    "multiturn",
    "en",
    False,
    (
        U,
        "write a short story about a girl who finds a door in the back of her wardrobe that leads to 1994. "
        "keep it under 600 words",
    ),
    (
        A,
        "The door was smaller than the wardrobe, which was the first wrong thing. Maya pushed aside her "
        "winter coats and there it was: painted mint green, with a brass knob shaped like a seashell… "
        "[story continues] …and when she came back, the calendar on her phone still said Tuesday, but her "
        "mother was humming a song Maya had only ever heard on the radio in 1994.",
    ),
    (U, "make the ending sadder"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (S, "You help authors build fantasy worlds. Be concrete and consistent; keep a running list of established facts."),
    (
        U,
        "My world has two moons, one of which is slowly falling toward the planet. Give me 3 religions that "
        "would arise from that.",
    ),
    (
        A,
        "1. The Patient Ones — believe the falling moon is a god descending to judge… 2. The Tetherers — an "
        "engineering priesthood that thinks prayer holds the moon up… 3. The Unmooned — nomads who worship "
        "the other, stable moon as the true mother…",
    ),
    (U, "what about the second one? more detail"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (
        U,
        "I need lyrics for a country song about my grandpa's old truck. chorus should be catchy, mention "
        "'Route 9' and a red Ford",
    ),
    (
        A,
        "Verse 1: Rust on the fender like freckles on skin / He'd leave the windows down to let the summer "
        "in… Chorus: Red Ford rollin' down Route 9 / One hand on the wheel and the other on mine…",
    ),
    (U, "love it. second verse?"),
)
R.chat(
    "multiturn",
    "es",
    False,
    (U, "Escríbeme un microrrelato de terror de unas 150 palabras que pase en un ascensor."),
    (
        A,
        "El ascensor se detuvo entre el piso siete y el ocho. La luz parpadeó. «Tranquila», dijo el señor del "
        "abrigo gris, «siempre pasa». Lucía asintió. Llevaba seis años en ese edificio y nunca había visto al "
        "señor del abrigo gris…",
    ),
    (U, "otro, pero en un hospital"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (S, "You are a writing assistant inside a screenwriting app. Use standard screenplay formatting."),
    (
        U,
        "Scene: two estranged sisters meet at their father's funeral reception. One became a nun, the other a "
        "stand-up comedian. 2 pages.",
    ),
    (
        A,
        "INT. CHURCH HALL - DAY\n\nFolding tables. A tray of egg sandwiches sweating under cling film. "
        "MARGARET (50s, habit, reading glasses on a chain) stands by the urn. JESS (40s, black blazer, "
        "sneakers) hovers by the door…",
    ),
    (U, "continue"),
)
R.chat(
    "multiturn",
    "de",
    False,
    (
        U,
        "Schreib mir ein Gedicht für die Hochzeit meiner besten Freundin, sie heiraten am Bodensee, er ist "
        "Segler, sie Bäckerin. Lustig und ein bisschen rührend, ca. 5 Strophen.",
    ),
    (A, "Am Bodensee, da weht ein Wind, / der bringt ein Boot und ein Bäckerskind… [5 Strophen]"),
    (U, "kürzer bitte, nur 3 Strophen"),
)
R.chat(
    "multiturn",
    "en",
    True,
    (
        U,
        "sestina about the last night bus home, end-words: bus, window, rain, ticket, driver, home. get the "
        "end-word rotation exactly right including the 3-line envoi",
    ),
    (
        A,
        "I. …bus / …window / …rain / …ticket / …driver / …home\nII. …home / …bus / …driver / …window / "
        "…ticket / …rain\n…",
    ),
    (
        U,
        "stanza 4 has the end words in the wrong order I think. check all six stanzas against the proper "
        "pattern and redo whichever ones are wrong",
    ),
)
R.chat(
    "multiturn",
    "pt",
    False,
    (
        U,
        "Me ajuda a escrever uma fanfic de One Piece em que o Zoro se perde (óbvio) e vai parar numa "
        "cidade de Minas Gerais. Tom de comédia.",
    ),
    (
        A,
        'Capítulo 1 — "Isso aqui não é o Grand Line"\n\nZoro tinha certeza de que a ilha ficava à '
        "esquerda. Por isso, foi pela direita… e três horas depois estava diante de uma placa: 'Bem-vindo a "
        "Tiradentes'…",
    ),
    (U, "e aí? continua"),
)

# --- other ------------------------------------------------------------------------------------------
R.text(
    "plain",
    "en",
    True,
    "Write a 26-sentence story where each sentence starts with the next letter of the alphabet (A to Z), "
    "the story has a clear twist, and the word count stays under 350. Then list the first letters so I can "
    "check.",
)
R.text(
    "plain",
    "en",
    False,
    "can you write a bedtime story for my 5yo twins, Ollie and Ava, where they save a lost baby dinosaur? "
    "they love trains so put a train in it",
)
R.prompt(
    "plain",
    "fr",
    False,
    "Écris une courte fable, à la manière de La Fontaine, sur un smartphone et un vieux téléphone à cadran.",
    "Le Smartphone et le Téléphone à cadran\n\nUn Smartphone, fier de ses mille écrans,\nRaillait un vieux "
    "Cadran posé sur un guéridon…",
)
R.text(
    "plain",
    "en",
    False,
    "I'm running a D&D campaign and need a tavern song the bard can sing, something about a cursed goat that "
    "won the mayoral election. 4 verses + chorus, bawdy but PG-13",
)
R.text(
    "plain",
    "tr",
    False,
    "Annem için doğum günü şiiri yazar mısın? 60 yaşına giriyor, bahçeyle uğraşmayı ve çay demlemeyi çok "
    "seviyor. Duygusal olsun ama ağlatmasın :)",
)
R.text(
    "plain",
    "en",
    True,
    "I'm plotting a time-loop novel. The loop resets every 6 hours, the protagonist keeps memories but "
    "physical objects reset, except anything touching the clock tower's bell at reset time. Over 9 loops she "
    "has to get a message to her past self from the previous day. Outline all 9 loops so the mechanics stay "
    "consistent and each loop's failure teaches her a rule the reader can use to solve the ending before she "
    "does.",
)
R.text(
    "plain",
    "en",
    False,
    "rewrite the story of Little Red Riding Hood as a noir detective piece told by the wolf, 700 words",
)
R.text(
    "plain",
    "hi",
    False,
    "बारिश के मौसम पर एक छोटी सी कविता लिखो, जिसमें चाय, पकौड़े और माँ की याद हो।",
)
R.text(
    "plain",
    "en",
    False,
    "Here's my poem, what's working and what's not?\n\nthe city sleeps in orange light\nthe buses "
    "sigh like tired whales\nI count the windows, left and right\nand wonder who's still awake, who "
    "fails\nto sleep like me",
)
R.text(
    "plain",
    "pl",
    False,
    "Napisz krótkie opowiadanie science fiction (ok. 800 słów) o ostatnim człowieku pracującym na stacji "
    "kolejowej na Marsie. Klimat melancholijny, bez happy endu.",
)
R.text(
    "plain",
    "en",
    True,
    "Lipogram challenge: a 200-word ghost story with no letter 'e' anywhere in it (title included). It "
    "still has to make sense and have a twist. Afterwards, double-check it and list any word that slipped "
    "through.",
)
R.text(
    "plain",
    "ar",
    False,
    "اكتب قصيدة قصيرة عن شتاء الإسكندرية والبحر والمقاهي القديمة، بلغة رقيقة وصور حسية، من غير قافية موحدة.",
)
R.text(
    "plain",
    "id",
    False,
    "Tolong buatkan puisi pendek tentang rindu kampung halaman saat lebaran, gaya bahasanya sederhana saja.",
)

# --- more pieces, several with constraints that need planning ---------------------------------------------
R.chat(
    "multiturn",
    "en",
    True,
    (
        U,
        "I want a short mystery story (~1000 words) for my writing group where the reader can solve it "
        "before the detective explains. Fair-play rules: every clue shown on the page, no twins, no secret "
        "poison.",
    ),
    (
        A,
        "THE LAST TRAIN FROM ELLERBY\n\nThe 11:40 from Ellerby had four passengers and one corpse by the "
        "time it reached Marsh Halt… [story]",
    ),
    (
        U,
        "my group said the clue about the ticket stub doesn't actually rule out the conductor. fix it so "
        "it does, and keep the rest",
    ),
)
R.text(
    "mcq",
    "en",
    False,
    """Which of these is the better first line for a kids' picture book about a bear who can't sleep? A, B or
C, then write the whole book (12 spreads, one or two sentences each) starting from that line.
A) Bear was tired, but his eyes would not close.
B) It was bedtime in the forest, and everyone was asleep. Everyone except Bear.
C) Bear counted sheep. The sheep counted back.""",
)
R.text(
    "plain",
    "en",
    True,
    "Write a villanelle about a father teaching his daughter to drive in an empty supermarket car park. "
    "Strict form: 19 lines, two refrains (A1 and A2) repeating in the correct lines, rhyme scheme ABA "
    "throughout and ABAA in the last stanza. After the poem, list which line numbers carry A1 and A2.",
)
R.prompt(
    "bare",
    "en",
    False,
    "a two sentence horror story",
    'I tucked my son in and he said, "Daddy, check for monsters under my bed." I looked underneath and '
    'saw him, staring back at me, whispering, "Daddy, there\'s somebody on my bed."',
)
R.text(
    "persona",
    "en",
    False,
    "You're a grizzled sea-shanty songwriter. Write me an original shanty (call-and-response, 4 verses) "
    "about a fishing crew whose boat is powered by a very tired Wi-Fi router.",
)
R.text(
    "plain",
    "en",
    True,
    "I'm building a fantasy world with a magic system based on trading memories. Rules so far: you can only "
    "cast by giving up a memory, bigger spells need older memories, and memories given up go to whoever "
    "you cast on. Work out 4 non-obvious consequences for society, law and warfare that follow from these "
    "rules, then write a 300-word scene that shows one of them without explaining it.",
)
R.text(
    "plain",
    "de",
    True,
    "Schreib eine Kurzgeschichte (ca. 600 Wörter), die rückwärts erzählt wird: Sie beginnt mit der letzten "
    "Szene und endet mit der ersten, und erst im letzten Absatz versteht man, warum die Hauptfigur im "
    "ersten Absatz einen Schlüssel in den See wirft. Achte darauf, dass die Zeitlinie widerspruchsfrei ist.",
)
R.chat(
    "multiturn",
    "en",
    True,
    (
        U,
        "write an acrostic poem where the first letters spell HAPPY BIRTHDAY MOM and the last words of "
        "each line rhyme in pairs",
    ),
    (A, "Happy mornings, coffee in your hand,\nAlways there when no one else would stand…"),
    (U, "line 9 and 10 don't rhyme and you skipped the second P. redo it properly"),
)
