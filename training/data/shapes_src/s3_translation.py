"""Translation rows: translating texts, 'how do I say', localisation of UI strings and subtitles."""

from s3_rows import Rows

S, U, A = "system", "user", "assistant"
R = Rows("translation")

# --- exam / multiple-choice shaped ---------------------------------------------------------------------
R.text(
    "mcq",
    "en",
    False,
    """Which is the most natural Spanish translation of "I'm running late, start without me"?
A) Estoy corriendo tarde, empieza sin mí.
B) Llego tarde, empezad sin mí.
C) Yo soy tarde, comenzar sin yo.
D) Estoy tardando corriendo, empiecen sin mí.
Just the letter.""",
)
R.text(
    "mcq",
    "en",
    False,
    "Translation exam, Section B, item 3 (10 marks): Translate the following passage into German, keeping "
    "the register formal: 'The museum will remain closed on public holidays. Visitors with a valid annual "
    "pass may book guided tours free of charge up to two weeks in advance.'",
)
R.text(
    "mcq",
    "ja",
    False,
    """次の英文の和訳として最も適切なものを選んでください。記号のみで答えてください。
"She has a lot on her plate right now."
1) 彼女は今、お皿にたくさん食べ物を載せている。
2) 彼女は今、やるべきことを山ほど抱えている。
3) 彼女は今、たくさんの皿を持っている。
4) 彼女は今、料理をたくさん作っている。""",
)
R.text(
    "mcq",
    "fr",
    False,
    "Vrai ou faux : « Il pleut des cordes » se traduit en anglais par « it's raining ropes ». Si c'est faux, "
    "donne la bonne traduction.",
)
R.chat(
    "mcq",
    "en",
    True,
    (
        S,
        "You are a translation QA checker. For each source/target pair say PASS or FAIL; for FAIL give the "
        "corrected target.",
    ),
    (
        U,
        "1. EN: 'You have 1 new message' → PL: 'Masz 1 nowe wiadomości'\n2. EN: 'You have 5 new messages' → "
        "PL: 'Masz 5 nowych wiadomości'\n3. EN: 'You have 22 new messages' → PL: 'Masz 22 nowych "
        "wiadomości'\n4. EN: 'You have 12 new messages' → PL: 'Masz 12 nowe wiadomości'",
    ),
)

# --- persona / system preamble ----------------------------------------------------------------------
R.chat(
    "persona",
    "en",
    False,
    (
        S,
        "You are a professional English-to-Brazilian-Portuguese translator specialised in software "
        "localisation. Keep placeholders like {name} and %d untouched.",
    ),
    (U, "Welcome back, {name}! You have %d items in your cart."),
)
R.text(
    "persona",
    "en",
    False,
    "You are an expert literary translator fluent in Russian and English. Translate this opening line of "
    "Anna Karenina so it sounds natural in modern English but keeps its rhythm: «Все счастливые семьи похожи "
    "друг на друга, каждая несчастливая семья несчастлива по-своему.»",
)
R.text(
    "persona",
    "de",
    False,
    "Du bist ein vereidigter Übersetzer für Englisch. Übersetze bitte diese Zeile aus meinem Arbeitszeugnis "
    "ins Englische: „Er erledigte die ihm übertragenen Aufgaben stets zu unserer vollsten Zufriedenheit.“",
)
R.chat(
    "persona",
    "en",
    False,
    (S, "You are a subtitle translator. Keep each line under 42 characters and two lines per subtitle max."),
    (
        U,
        "Translate to French:\n214\n00:14:07,310 --> 00:14:09,480\nI told you not to open that door.\n\n215\n"
        "00:14:09,900 --> 00:14:12,020\nWell, it's a bit late for that now, isn't it?",
    ),
)

# --- format-only instructions -----------------------------------------------------------------------
R.text(
    "format",
    "en",
    False,
    "Translate to Italian. Output only the translation, no quotes, no notes: The meeting has been moved to "
    "Thursday afternoon.",
)
R.chat(
    "format",
    "en",
    False,
    (
        S,
        'Translate each string to German and Japanese. Respond with JSON: {"key": {"de": ..., "ja": '
        "...}}. Do not translate the keys.",
    ),
    (
        U,
        '{"btn_save": "Save changes", "btn_cancel": "Cancel", "err_network": "Can\'t connect. Check '
        'your internet connection and try again."}',
    ),
)
R.text("format", "es", False, "traduce al inglés, una sola palabra: 'estrenar'")
R.text(
    "format",
    "en",
    False,
    "english to korean, romanization only, no hangul: 'where is the nearest subway station?'",
)

# --- pasted document + short instruction ------------------------------------------------------------
R.text(
    "doc",
    "en",
    False,
    """Please translate this notice for tenants into Spanish and Simplified Chinese. It goes on the noticeboard
in the lobby, so keep it plain and friendly. Keep the dates and phone numbers exactly as they are.

---
NOTICE TO ALL RESIDENTS — WATER SHUT-OFF AND BUILDING WORKS

Dear residents,

We are writing to let you know about upcoming maintenance work in the building. Over the next four weeks the
management company will be replacing the main water pipes on floors 1 to 6, repainting the stairwells, and
installing new smoke detectors in every flat. We know that works like these are disruptive, and we are sorry
for the inconvenience. We have tried to schedule them so that they affect you as little as possible.

Water shut-off. The water supply to the whole building will be turned off on Tuesday 8 October from 9:00 to
15:00, and again on Tuesday 15 October from 9:00 to 15:00. Please fill containers with drinking water the
night before. After the water comes back on, it may look cloudy for a few minutes; this is normal. Let the cold
tap run until the water is clear.

Smoke detectors. An electrician will need to enter each flat for about 20 minutes between 14 and 18 October.
A sheet will be posted by the lift where you can write down a time that suits you. If nobody is home at the
agreed time, the electrician will use the master key only if you have given written permission. You can give
permission at the management office on the ground floor, open Monday to Friday, 10:00 to 13:00.

Stairwells. The stairwells will be repainted floor by floor starting on 21 October. While a floor is being
painted, please use the lift or the other staircase. The paint used is low-odour and water-based, but if you
have a respiratory condition and would like us to let you know the exact day for your floor, please call us.

Rubbish and bicycles. During the works, please do not leave rubbish bags, bicycles or pushchairs in the
corridors or on the landings. The workers need clear access, and these areas are also fire escape routes.
Items left in the corridors may be moved to the bicycle room.

Questions. If you have any questions, or if you have a disability or health condition that means you need
extra help during the water shut-off, please contact the building manager, Mr Okafor, on 020 7946 0321, or
email maintenance@harbourcourt.example. In an emergency outside office hours, call 020 7946 0999.

Thank you for your patience and cooperation.

Harbour Court Management
---""",
)
R.text(
    "doc",
    "de",
    False,
    """Bitte übersetze diesen Zeitungsartikel ins Englische. Es ist für einen Kollegen in Dublin, der kein
Deutsch spricht. Gern flüssig, nicht Wort für Wort.

Kleinstadt setzt auf Rufbus statt Linienverkehr

Wer in Neustadt an der Saale nach 19 Uhr noch zum Bahnhof wollte, hatte bisher zwei Möglichkeiten: ein Taxi
oder die eigenen Füße. Der letzte reguläre Bus fuhr um 18.42 Uhr. Seit dem ersten September ist das anders.
Die Stadt hat gemeinsam mit dem Landkreis ein sogenanntes On-Demand-Angebot gestartet: Vier Kleinbusse
fahren ohne festen Fahrplan, gebucht wird per App oder Telefon, und das Ticket kostet so viel wie eine
normale Busfahrt.

„Wir haben jahrelang große Busse fast leer durch die Dörfer fahren lassen“, sagt Bürgermeisterin Sabine
Kraus. „Das war teuer, schlecht für die Umwelt und hat trotzdem niemandem richtig geholfen.“ Die Bilanz nach
acht Wochen fällt nach Angaben der Stadt positiv aus: Rund 6.400 Fahrten wurden gebucht, fast die Hälfte
davon in den Abendstunden. Die durchschnittliche Wartezeit liegt bei elf Minuten.

Nicht alle sind begeistert. Vor allem ältere Menschen tun sich mit der App schwer. „Ich habe kein
Smartphone, und bei der Telefonnummer hängt man manchmal zehn Minuten in der Warteschleife“, klagt Erwin
Baumann, 81, aus dem Ortsteil Herschfeld. Die Stadt hat reagiert und die Hotline personell aufgestockt.
Außerdem können Fahrten nun auch im Bürgerbüro gebucht werden.

Auch die Taxiunternehmen sehen das Angebot kritisch. Sie befürchten, dass ihnen die Abendkundschaft
wegbricht. Ein Taxifahrer, der seinen Namen nicht in der Zeitung lesen möchte, spricht von „staatlich
subventionierter Konkurrenz“. Die Stadt verweist darauf, dass die Rufbusse nur innerhalb des Stadtgebiets
und der eingemeindeten Dörfer fahren, nicht aber zu Zielen außerhalb.

Finanziert wird das Projekt zunächst für zwei Jahre, zu großen Teilen aus einem Förderprogramm des Bundes.
Danach muss der Kreistag entscheiden, ob der Rufbus dauerhaft bleibt. Die Kosten pro Fahrgast liegen derzeit
noch über denen des alten Linienverkehrs, sinken aber mit jeder zusätzlichen Buchung. Verkehrsplaner Jonas
Wehner von der Hochschule Schweinfurt hält das Modell für übertragbar: „Gerade im ländlichen Raum, wo sich
ein Takt nicht lohnt, ist das eine echte Alternative. Entscheidend ist, dass man die Menschen mitnimmt, die
nicht digital unterwegs sind.“

Die Stadt plant, im Frühjahr einen fünften Bus anzuschaffen, der auch Rollstühle befördern kann.""",
)
R.text(
    "doc",
    "en",
    True,
    """Localise these app strings from English into Polish, Russian and Arabic. Important: our i18n library uses
ICU MessageFormat, so you need the correct plural categories for each language (Polish and Russian have
one/few/many/other, Arabic has zero/one/two/few/many/other). Keep placeholders and HTML tags exactly. Max
length for button labels is 18 characters; if a translation is longer, give a shorter alternative and tell me.

strings.en.json
{
  "onboarding.title": "Welcome to Fieldnotes",
  "onboarding.subtitle": "Capture ideas, photos and voice memos in one place.",
  "onboarding.cta": "Get started",
  "notes.count": "{count, plural, one {# note} other {# notes}}",
  "notes.deleted": "{count, plural, one {# note moved to Trash} other {# notes moved to Trash}}",
  "notes.empty": "No notes yet. Tap <b>+</b> to create your first one.",
  "sync.status.ok": "All changes synced",
  "sync.status.pending": "{count, plural, one {# change waiting to sync} other {# changes waiting to sync}}",
  "sync.status.offline": "You're offline. We'll sync when you're back.",
  "share.title": "Share “{noteTitle}”",
  "share.invite": "Invite by email",
  "share.link_copied": "Link copied",
  "settings.title": "Settings",
  "settings.theme": "Theme",
  "settings.theme.system": "Match system",
  "settings.theme.dark": "Dark",
  "settings.theme.light": "Light",
  "settings.export": "Export all notes",
  "settings.delete_account": "Delete account",
  "settings.delete_account.confirm": "This will permanently delete {count, plural, one {# note} other {#
notes}} and your account. This can't be undone.",
  "reminder.due": "Reminder: {noteTitle} is due {relativeTime}",
  "trial.days_left": "{days, plural, one {# day left in your trial} other {# days left in your trial}}",
  "upgrade.cta": "Upgrade to Pro",
  "error.generic": "Something went wrong. Please try again.",
  "error.storage_full": "Your storage is full. Delete some attachments or upgrade to keep adding notes.",
  "error.file_too_large": "This file is larger than {maxSize} MB and can't be attached.",
  "attachments.count": "{count, plural, one {# attachment} other {# attachments}}",
  "collab.joined": "{name} joined “{noteTitle}”",
  "collab.editing": "{count, plural, one {# person is editing} other {# people are editing}}",
  "search.placeholder": "Search your notes",
  "search.no_results": "No results for “{query}”. Try a different word or check the spelling.",
  "tags.add": "Add tag",
  "tags.limit": "You can add up to {max} tags to a note.",
  "voice.recording": "Recording… tap to stop",
  "voice.minutes_left": "{minutes, plural, one {# minute of recording left this month} other {# minutes of recording left this month}}",
  "logout.confirm": "Log out of Fieldnotes on this device?"
}

Please return three JSON files and a short list of any strings where you had to shorten or where the
context was ambiguous (e.g. "Dark" as a theme name).""",
)

# --- few-shot ---------------------------------------------------------------------------------------
R.text(
    "fewshot",
    "en",
    False,
    """English → French (Canada)
hello → bonjour
parking lot → stationnement
email → courriel
weekend → fin de semaine
to chat online →""",
)
R.prompt(
    "fewshot",
    "en",
    False,
    """Translate product review snippets to English, keeping the tone.

ES: "Llegó rapidísimo y funciona de maravilla, 10/10" → "Arrived super fast and works like a charm, 10/10"
IT: "Una delusione, si è rotto dopo due giorni" → "A letdown, it broke after two days"
PT: "Vale cada centavo, minha mãe amou" →""",
    '"Worth every penny, my mom loved it"',
)
R.text(
    "fewshot",
    "zh",
    False,
    """把下面的中文菜名翻译成英文，参考例子的风格：
宫保鸡丁 → Kung Pao Chicken
麻婆豆腐 → Mapo Tofu (spicy tofu with minced pork)
鱼香肉丝 → Yu-Shiang Shredded Pork (sweet & sour garlic sauce)
夫妻肺片 →""",
)

# --- bare / how do I say ---------------------------------------------------------------------------
R.text("bare", "en", False, "how do you say 'thank you very much' in Korean")
R.text("bare", "en", False, "how do u say 'no ice please' in vietnamese")
R.text("bare", "pt", False, "como se diz 'saudade' em inglês?")
R.text("bare", "en", False, "german word for 'cozy'")
R.text("bare", "ru", False, "как по-английски будет «сдача» в магазине")
R.text("bare", "en", False, "translate 'where is the bathroom' to japanese")

# --- multi-turn chats ----------------------------------------------------------------------------------
R.chat(
    "multiturn",
    "en",
    False,
    (
        U,
        "translate this to spanish for a birthday card for my mother-in-law: 'Happy birthday! Thank you for "
        "welcoming me into the family with so much love.'",
    ),
    (A, "¡Feliz cumpleaños! Gracias por recibirme en la familia con tanto cariño."),
    (U, "and in Portuguese?"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (
        S,
        "You translate business documents between English and Japanese, keeping keigo appropriate for "
        "client-facing text.",
    ),
    (U, "Translate: 'Thank you for your inquiry. We will send the revised quotation by Friday.'"),
    (A, "お問い合わせいただき、誠にありがとうございます。修正版のお見積書を金曜日までにお送りいたします。"),
    (U, "now the second paragraph: 'If you have any questions, please don't hesitate to contact me.'"),
)
R.chat(
    "multiturn",
    "fr",
    False,
    (
        U,
        "Peux-tu traduire ce message en anglais pour mon voisin ? « Bonjour, je pars en vacances du 3 au 17 "
        "août. Pourriez-vous arroser mes plantes deux fois par semaine ? Je vous laisse la clé dans la boîte "
        "aux lettres. Merci beaucoup ! »",
    ),
    (
        A,
        "Hello, I'm going on holiday from 3 to 17 August. Could you water my plants twice a week? I'll leave "
        "the key in the letterbox. Thank you so much!",
    ),
    (U, "plus familier stp"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (
        U,
        "I'm translating my grandma's letters from Italian, there's a lot of dialect (she was from "
        "Calabria). First line: 'Figghiu miu, ccà fa friddu assai e u ventu nun si ferma mai.'",
    ),
    (
        A,
        '"My son, it\'s very cold here and the wind never stops." (Figghiu miu = figlio mio, ccà = qua, assai = very.)',
    ),
    (U, "next: 'A zia Rosina si maritau cu chiddu d'a putìa.'"),
)
R.chat(
    "multiturn",
    "ar",
    False,
    (U, "ترجم هذه الجملة إلى الإنجليزية: «نعتذر عن التأخير، سيتم شحن طلبكم خلال ثلاثة أيام عمل.»"),
    (A, "We apologise for the delay; your order will be shipped within three business days."),
    (U, "وبالفرنسية؟"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (S, "You translate subtitles from Korean to English. Keep it natural and short enough to read."),
    (U, "1. 밥 먹었어?\n2. 아니, 아직. 너는?\n3. 나도. 같이 먹을래?"),
    (A, "1. Have you eaten?\n2. No, not yet. You?\n3. Me neither. Want to grab something together?"),
    (U, "continue with these: 4. 좋아, 어디 갈까? 5. 네가 골라."),
)
R.chat(
    "multiturn",
    "hi",
    False,
    (U, "इस वाक्य का अंग्रेज़ी में अनुवाद करो: 'कृपया अपना आधार कार्ड और पासपोर्ट साइज़ फोटो साथ लेकर आएँ।'"),
    (A, "Please bring your Aadhaar card and a passport-size photo with you."),
    (U, "और तमिल में?"),
)

# --- other ------------------------------------------------------------------------------------------
R.text(
    "plain",
    "en",
    True,
    "Translate this pun into Spanish so it still works as a joke (you can change the words, just keep the "
    "idea and the wordplay), and explain the choice: 'I used to be a banker, but I lost interest.'",
)
R.text(
    "plain",
    "en",
    False,
    "can someone translate my tattoo idea into latin: 'what I love will outlive me'. I want it correct "
    "grammatically pls, don't want to end up on a fail blog",
)
R.prompt(
    "plain",
    "it",
    False,
    "Traduci in inglese: 'Mi dispiace, ma non posso venire alla festa sabato perché devo lavorare.'",
    "I'm sorry, but I can't come to the party on Saturday because I have to work.",
)
R.text(
    "plain",
    "en",
    True,
    "Translate this recipe into French for a bakery in Lyon and convert all the measurements to metric "
    "(grams, ml, °C) so a French baker can use it directly: 2 1/4 cups all-purpose flour, 1 cup (2 sticks) "
    "butter softened, 3/4 cup packed brown sugar, 1 tsp vanilla, 2 large eggs, bake at 375°F for 9-11 min.",
)
R.text(
    "plain",
    "vi",
    False,
    "Dịch giúp mình đoạn này sang tiếng Anh: 'Cảm ơn anh chị đã ủng hộ quán trong suốt 5 năm qua. Từ tháng "
    "sau quán sẽ chuyển sang địa chỉ mới.'",
)
R.text(
    "plain",
    "en",
    False,
    "please translate the following into Turkish for my Airbnb guests: check-in after 3pm, the key is in "
    "the lockbox (code 4821), no smoking inside, wifi password is on the fridge",
)
R.text(
    "plain",
    "tr",
    False,
    "Şu cümleyi Almancaya çevirir misin: 'Randevumu gelecek haftaya ertelemek istiyorum, mümkün mü?'",
)
R.text(
    "plain",
    "en",
    True,
    "Translate this Shakespeare sonnet line into Brazilian Portuguese keeping iambic-ish meter and the rhyme "
    "with the next line: 'Shall I compare thee to a summer's day? / Thou art more lovely and more temperate'. "
    "Give two options and say what each sacrifices.",
)
R.text(
    "plain",
    "nl",
    False,
    "Kun je deze WhatsApp-berichten van mijn Spaanse schoonmoeder vertalen naar het Nederlands? 'Hola "
    "cariño, ¿venís el domingo a comer? Haré paella. Traed a los niños.'",
)
R.text(
    "plain",
    "en",
    False,
    "Translate my restaurant menu headers to Spanish: Starters, Soups & Salads, From the Grill, Sides, "
    "Desserts, Kids' Menu, Drinks",
)
R.text(
    "plain",
    "id",
    False,
    "Tolong terjemahkan ke bahasa Inggris: 'Mohon maaf atas keterlambatan balasan, saya baru kembali dari cuti.'",
)
R.text(
    "plain",
    "pl",
    False,
    "Przetłumacz na angielski, to do CV: 'Odpowiadałem za koordynację dostaw i kontakt z kluczowymi klientami.'",
)
R.text(
    "plain",
    "en",
    True,
    "Translate our app's tagline 'Go further' and the CTA 'Grab yours' into Spanish, Portuguese, Italian and "
    "Simplified Chinese. Literal versions won't work (the CTA has to fit a 14-character button and keep the "
    "casual tone), so give a localised version for each language with its character count and a back-"
    "translation.",
)

# --- more translation jobs ----------------------------------------------------------------------------
R.chat(
    "multiturn",
    "en",
    True,
    (
        S,
        "You localise video-game dialogue from Japanese to English. Keep character voice: Kenta speaks in "
        "rough Kansai dialect, Lady Sayo in archaic formal speech.",
    ),
    (U, "ケンタ：「なんでやねん！ほんまにアホちゃうか」\nサヨ：「そなた、口の利き方に気をつけよ」"),
    (A, 'Kenta: "Oh, come ON! Are you seriously that dense?"\nLady Sayo: "Thou wouldst do well to mind thy tongue."'),
    (U, "next one has a pun on 箸 and 橋, keep a pun in english: ケンタ：「はしを渡るな？ほな真ん中歩くわ！」"),
)
R.text(
    "bare",
    "en",
    False,
    "how do i say 'can i get the check please' in french without sounding rude",
)
R.text(
    "persona",
    "en",
    False,
    "You are a medical interpreter. Translate this into Arabic (Levantine is fine, it's for a Syrian family) "
    "exactly, don't add advice: 'Give the syrup 5 ml twice a day for 7 days. If the fever is still above 39 "
    "after three days, come back to the clinic.'",
)
R.text(
    "plain",
    "en",
    True,
    "Translate these three Chinese idioms into English for a book's epigraphs. For each give a literal "
    "rendering, an idiomatic equivalent if one exists, and a final version that keeps the image: 画蛇添足, "
    "守株待兔, 塞翁失马焉知非福.",
)
R.text(
    "format",
    "en",
    False,
    "Translate to German. Only output the translation.\n\nYour package has been delivered to a neighbour.",
)
R.chat(
    "multiturn",
    "en",
    True,
    (
        S,
        "You translate consumer app UI text into Finnish. Respect the 20-character limit of the "
        "mobile tab bar and use correct Finnish case endings with placeholders.",
    ),
    (U, "Tabs: Home, Search, Saved, Inbox, Profile. Also: 'Sent to {name}' and 'Saved in {folder}'"),
    (A, "Koti, Haku, Tallennetut, Saapuneet, Profiili. 'Lähetetty: {name}' / 'Tallennettu kansioon {folder}'"),
    (
        U,
        "the placeholder trick with the colon feels robotic. can you do it with proper case endings and "
        "explain how we handle names that end in a vowel vs consonant?",
    ),
)
R.text(
    "plain",
    "ko",
    True,
    "이 영어 농담을 한국어로 번역해 줘. 말장난이 살아 있어야 해서 직역 말고 한국어 말장난으로 바꿔도 돼: 'Why did the "
    "scarecrow get promoted? Because he was outstanding in his field.' 번역한 뒤에 어떤 부분을 어떻게 바꿨는지 설명해 줘.",
)
