"""Health rows in the shapes of real traffic: exam items, personas, format-only asks, pasted documents, chats."""

from shapes2_rows import Row, chat, prompt, text

C = "health"

ROWS: list[Row] = [
    # --- exam / multiple-choice / true-false / short answer ---
    text(
        "Pharm exam practice. A patient stable on warfarin is started on oral fluconazole for a yeast infection. "
        "Which of the following is the most likely consequence?\n"
        "A) INR falls because fluconazole induces liver enzymes\n"
        "B) INR rises because fluconazole inhibits CYP2C9\n"
        "C) No interaction, the two drugs are cleared by different routes\n"
        "D) Hyperkalaemia\n"
        "Answer with the letter only.",
        C,
        False,
        "mcq",
    ),
    text(
        "True or false: in an adult with suspected sepsis, a lactate above 4 mmol/L on its own is enough to call it "
        "septic shock. Explain in one line.",
        C,
        False,
        "mcq",
    ),
    text(
        "NCLEX style q - order is 1,000 mL normal saline over 8 hours, drop factor 15 gtt/mL. whats the drip rate in "
        "gtt/min? show the working and round to the nearest whole drop. then tell me what happens if after 3 hours "
        "only 250 mL has gone in and the dr says to finish on time",
        C,
        True,
        "mcq",
    ),
    text(
        "Pregunta tipo MIR (práctica): Varón de 58 años, fumador de 40 paquetes-año, con disnea de esfuerzo "
        "progresiva y tos matutina. Espirometría: FEV1/FVC 0,62 tras broncodilatador. ¿Cuál es el diagnóstico más "
        "probable?\na) Asma bronquial\nb) EPOC\nc) Fibrosis pulmonar idiopática\nd) Insuficiencia cardiaca "
        "congestiva\nResponde solo con la letra y justifica en una frase.",
        C,
        False,
        "mcq",
        "es",
    ),
    text(
        "Welche Aussage zu Vitamin B12 trifft zu?\n(A) Es wird hauptsächlich im Duodenum resorbiert\n"
        "(B) Für die Resorption im terminalen Ileum wird Intrinsic Factor benötigt\n"
        "(C) Ein Mangel führt typischerweise zu einer mikrozytären Anämie\n"
        "(D) Veganer haben kein erhöhtes Mangelrisiko\nnur den Buchstaben bitte",
        C,
        False,
        "mcq",
        "de",
    ),
    text(
        "A 67 y/o woman on furosemide 40mg, lisinopril 20mg and spironolactone 25mg presents with weakness and peaked "
        "T waves. eGFR dropped from 55 to 31 over two weeks after a bout of diarrhoea. Which option best explains "
        "it?\nA) furosemide + lisinopril; check sodium first\nB) lisinopril + spironolactone with acute kidney injury; "
        "check potassium first\nC) furosemide + spironolactone; check calcium first\nD) all three equally; check "
        "magnesium first\nGive the letter, then walk through the mechanism step by step and what you'd stop.",
        C,
        True,
        "mcq",
    ),
    text(
        "次の記述が正しければ○、誤りなら×で答えよ。\n問：インフルエンザの治療では抗菌薬が第一選択である。",
        C,
        False,
        "mcq",
        "ja",
    ),
    prompt(
        "Short answer (2 marks): Name two modifiable risk factors for type 2 diabetes.",
        "1. Excess body weight, especially abdominal fat.\n2. Physical inactivity.\n"
        "(Also accepted: a diet high in refined carbohydrates and sugary drinks, smoking.)",
        C,
        False,
        "mcq",
    ),
    # --- persona / system preamble ---
    chat(
        [
            (
                "system",
                "You are a highly intelligent and compassionate doctor. Answer patients in plain language, never "
                "diagnose with certainty, and always say when they should be seen in person.",
            ),
            (
                "user",
                "I've had a dull ache under my right ribs for about 3 weeks, worse after fatty meals, sometimes goes "
                "to my shoulder blade. no fever. 41F. is this my gallbladder??",
            ),
        ],
        C,
        False,
        "persona",
    ),
    text(
        "Act as an experienced sports physiotherapist. I'm 34, recreational runner, I get pain on the outside of my "
        "left knee starting around km 6 of every run, totally fine walking and on stairs. Half marathon is in 7 "
        "weeks. What's most likely going on and how should I adjust the next 4 weeks of training so I can still "
        "race?",
        C,
        True,
        "persona",
    ),
    chat(
        [
            ("system", "Tu es une diététicienne diplômée, bienveillante. Tu réponds en français simple, sans jargon."),
            (
                "user",
                "Je suis enceinte de 4 mois et je ne mange pas de viande depuis des années. Ma ferritine est à 18. "
                "Est-ce que je dois prendre du fer en complément ou je peux compenser avec l'alimentation ?",
            ),
        ],
        C,
        False,
        "persona",
        "fr",
    ),
    text(
        "You are PharmaBot, the pharmacist assistant in the CareRx app. Be concise and friendly.\n\n"
        "Customer: can I take ibuprofen with my lisinopril?? toothache is killing me and dentist can't see me till "
        "thursday",
        C,
        False,
        "persona",
    ),
    chat(
        [
            (
                "system",
                "Você é um psicólogo clínico com abordagem cognitivo-comportamental. Responda com empatia e sugira "
                "buscar ajuda profissional quando necessário.",
            ),
            (
                "user",
                "Tenho crise de ansiedade antes de toda reunião no trabalho, o coração dispara e parece que vou "
                "desmaiar. Já faz uns 6 meses. O que eu posso fazer sozinho enquanto não consigo consulta pelo plano?",
            ),
        ],
        C,
        False,
        "persona",
        "pt",
    ),
    # --- format-only instructions ---
    text("Is it safe to drink alcohol while taking metronidazole? Answer Y or N only.", C, False, "format"),
    text(
        "Reply in JSON with keys calories, protein_g, carbs_g, fat_g and nothing else: 2 scrambled eggs cooked in "
        "a teaspoon of butter + one slice of whole wheat toast",
        C,
        False,
        "format",
    ),
    text("one word answer. which vitamin deficiency causes scurvy", C, False, "format"),
    text(
        "孩子发烧38.9度，布洛芬和对乙酰氨基酚可以交替吃吗？只回答可以或不可以，再给出两种药之间最少隔几个小时，不要别的解释。",
        C,
        False,
        "format",
        "zh",
    ),
    text(
        "Rate how urgent this is from 1 (can wait) to 5 (call an ambulance), number only: my dad, 62, diabetic, had "
        "chest tightness for about 20 min after climbing the stairs, now sitting down and it's slowly easing, a bit "
        "sweaty",
        C,
        True,
        "format",
    ),
    text("연령대별 권장 수면 시간을 표로만 정리해줘. 설명은 빼고.", C, False, "format", "ko"),
    # --- pasted documents ---
    text(
        "got my blood results back on the patient portal and the doctor hasn't called. appointment isn't until next "
        "tuesday. can you explain in plain english what's abnormal and whether any of it is urgent?\n\n"
        "COMPLETE BLOOD COUNT\n"
        "WBC            11.8   x10^9/L   (4.0-11.0)   H\n"
        "RBC            4.02   x10^12/L  (4.20-5.40)  L\n"
        "Hemoglobin     10.9   g/dL      (12.0-16.0)  L\n"
        "Hematocrit     33.1   %         (36.0-46.0)  L\n"
        "MCV            76     fL        (80-100)     L\n"
        "MCH            24.1   pg        (27-33)      L\n"
        "RDW            16.8   %         (11.5-14.5)  H\n"
        "Platelets      452    x10^9/L   (150-400)    H\n"
        "Neutrophils    8.4    x10^9/L   (2.0-7.5)    H\n"
        "Lymphocytes    2.3    x10^9/L   (1.0-4.0)\n\n"
        "IRON STUDIES\n"
        "Ferritin       6      ug/L      (15-150)     L\n"
        "Serum iron     5      umol/L    (10-30)      L\n"
        "Transferrin saturation 7 %      (20-50)      L\n"
        "TIBC           82     umol/L    (45-70)      H\n\n"
        "COMPREHENSIVE METABOLIC PANEL\n"
        "Sodium         139    mmol/L    (135-145)\n"
        "Potassium      4.1    mmol/L    (3.5-5.1)\n"
        "Chloride       103    mmol/L    (98-107)\n"
        "Bicarbonate    25     mmol/L    (22-29)\n"
        "Urea           4.2    mmol/L    (2.5-7.8)\n"
        "Creatinine     68     umol/L    (45-90)\n"
        "eGFR           >90\n"
        "Glucose (fasting) 5.4 mmol/L    (3.9-5.5)\n"
        "ALT            22     U/L       (7-35)\n"
        "AST            19     U/L       (8-33)\n"
        "Alk phos       88     U/L       (30-130)\n"
        "Bilirubin      9      umol/L    (<21)\n"
        "Albumin        38     g/L       (35-50)\n"
        "TSH            2.1    mU/L      (0.4-4.0)\n"
        "Vitamin B12    310    ng/L      (197-771)\n"
        "Folate         3.9    ug/L      (>4.0)       L\n"
        "Total cholesterol 5.6 mmol/L    (<5.0)       H\n"
        "LDL cholesterol   3.7 mmol/L    (<3.0)       H\n"
        "HDL cholesterol   1.4 mmol/L    (>1.2)\n"
        "Triglycerides     1.1 mmol/L    (<1.7)\n"
        "CRP            14     mg/L      (<5)         H\n\n"
        "Comment: Microcytic hypochromic picture. Suggest clinical correlation and review of iron status. Film: "
        "pencil cells seen, no blasts.\n\n"
        "for context I'm 44, female, periods have been really heavy the last year, and I've been exhausted and "
        "short of breath on stairs. I also had a chest cold 2 weeks ago. I'm vegetarian, I take ibuprofen most days "
        "during my period for cramps, and my mum had bowel cancer at 61. I'm not on any other medication. Is the high "
        "white count because of the cold? And should I be worried about the cholesterol too or is that a separate "
        "thing for later? I just want to know if I should push for an earlier appointment or go to urgent care.",
        C,
        True,
        "doc",
    ),
    text(
        "DISCHARGE SUMMARY - Riverside General Hospital, Ward 7B\n"
        "Patient: Harold M., 79. Admitted 02/11 with community-acquired pneumonia (right lower lobe) and acute "
        "confusion. Background: atrial fibrillation, type 2 diabetes, hypertension, mild chronic kidney disease "
        "(eGFR 48), osteoarthritis of both knees.\n"
        "Course: Treated with IV co-amoxiclav and clarithromycin, switched to oral amoxicillin on day 4. Confusion "
        "resolved by day 3. Blood glucose ran high on admission (up to 17 mmol/L) and gliclazide was increased. "
        "Blood pressure was low on day 2 (92/55) so ramipril was held and restarted at a lower dose on day 5. He had "
        "one fall on the ward without injury; physiotherapy assessed him as safe to go home with a walking frame.\n"
        "Medications on discharge:\n"
        "- Apixaban 2.5 mg twice daily (unchanged)\n"
        "- Bisoprolol 2.5 mg once daily in the morning (unchanged)\n"
        "- Ramipril 2.5 mg once daily (REDUCED from 5 mg)\n"
        "- Metformin 500 mg twice daily with breakfast and evening meal (unchanged)\n"
        "- Gliclazide 80 mg in the morning and 40 mg with the evening meal (INCREASED)\n"
        "- Amoxicillin 500 mg three times daily for 3 more days, then stop (NEW)\n"
        "- Paracetamol 1 g up to four times daily when needed for knee pain, maximum 4 g in 24 hours\n"
        "- Atorvastatin 20 mg at night (unchanged)\n"
        "- Laxido one sachet daily while on reduced mobility (NEW)\n"
        "STOPPED: Naproxen 250 mg - not to be restarted (kidney function, bleeding risk with apixaban).\n"
        "Follow-up: GP to check U&Es and blood pressure in 1 week. Diabetes nurse review in 2 weeks given the "
        "gliclazide change; family told about signs of low blood sugar. Chest X-ray in 6 weeks to confirm the "
        "pneumonia has cleared. District nurse referral for a home safety check.\n\n"
        "---\n"
        "This is my dad's discharge letter. He comes home tomorrow and I'm the one doing his pills. Can you turn it "
        "into a simple daily schedule (morning / lunch / evening / bedtime) that I can stick on the fridge, and "
        "flag anything I should watch out for? he usually eats breakfast at 8 and dinner at 6. he still has naproxen "
        "in the cupboard",
        C,
        True,
        "doc",
    ),
    text(
        "Saw this in the news app this morning:\n\n"
        '"Skipping Breakfast Linked to Longer Life, New Study Suggests\n'
        "Researchers following more than 20,000 adults for an average of nine years found that people who ate "
        "all their meals within an eight-hour window had a lower rate of death from any cause than those who spread "
        "their eating across twelve hours or more. The study, presented at a nutrition conference last week and not "
        "yet published in a peer-reviewed journal, relied on two 24-hour dietary recalls collected at the start of "
        "the study.\n"
        "'We were surprised by the size of the effect,' said the lead author. 'Participants in the shortest eating "
        "window had about a 20 percent lower risk over the follow-up period.' The team adjusted for age, sex, "
        "smoking and body mass index, but did not have information on sleep, shift work or the quality of the food "
        "eaten.\n"
        "Outside experts urged caution. A professor of epidemiology who was not involved noted that people who eat "
        "in a short window may differ in many ways from those who do not. 'Someone who skips breakfast because they "
        "are busy and healthy is very different from someone who eats late at night because of night shifts or poor "
        "sleep,' she said. 'Two days of food records cannot tell you what people ate for nine years.'\n"
        "Previous randomised trials of time-restricted eating have found modest weight loss, often similar to "
        "ordinary calorie cutting, and mixed effects on blood sugar and blood pressure. Some small studies have "
        "suggested that eating earlier in the day, rather than simply eating in a short window, may matter more for "
        "blood sugar control.\n"
        "The authors say a randomised trial is needed before anyone changes their diet on the strength of the "
        "findings. Until then, dietitians recommend focusing on the overall quality of meals, regular physical "
        'activity and adequate sleep."\n\n'
        "I'm 52 and was told I have prediabetes (A1c 6.1). Is this legit enough that I should start skipping "
        "breakfast? I'm usually not hungry in the morning anyway",
        C,
        False,
        "doc",
    ),
    text(
        "Me han dado este informe de la resonancia de la rodilla y hasta dentro de tres semanas no veo al "
        "traumatólogo. ¿Me podéis explicar qué significa y si tiene pinta de que me vayan a operar?\n\n"
        "RM DE RODILLA DERECHA SIN CONTRASTE\n"
        "Motivo de la exploración: dolor en la interlínea medial tras torsión jugando al pádel hace 2 meses, "
        "sensación de bloqueo ocasional.\n"
        "Técnica: secuencias DP con y sin saturación grasa en los tres planos, T1 sagital.\n"
        "Hallazgos:\n"
        "- Menisco interno: rotura de morfología oblicua en el cuerno posterior que contacta con la superficie "
        "articular inferior. No se identifican fragmentos desplazados en la escotadura intercondílea.\n"
        "- Menisco externo: sin alteraciones de señal significativas.\n"
        "- Ligamento cruzado anterior: engrosado y con aumento de señal intrasustancia, con fibras continuas, "
        "compatible con esguince de grado I-II. Ligamento cruzado posterior íntegro.\n"
        "- Ligamento colateral medial: edema periligamentoso, fibras continuas, en relación con distensión grado I.\n"
        "- Ligamento colateral lateral y complejo posterolateral sin alteraciones.\n"
        "- Edema óseo subcondral en el cóndilo femoral medial, de probable origen contusivo.\n"
        "- Cartílago: condropatía grado II en la faceta medial de la rótula.\n"
        "- Derrame articular moderado. Pequeño quiste de Baker de 18 mm.\n"
        "- Tendones cuadricipital y rotuliano sin alteraciones.\n"
        "- Cintilla iliotibial y tendones de la pata de ganso de morfología y señal normales.\n"
        "- No se observan cuerpos libres intraarticulares.\n"
        "Conclusión: rotura oblicua del cuerno posterior del menisco interno. Esguince de LCA grado I-II sin "
        "rotura completa. Distensión del LCM. Contusión ósea en cóndilo femoral medial. Derrame articular moderado.\n\n"
        "Tengo 38 años, hago deporte 3 veces por semana y la rodilla se me sigue hinchando si juego. A veces al bajar "
        "escaleras noto como un pinchazo por dentro y una vez se me quedó bloqueada unos segundos. El médico de "
        "cabecera me dijo que hiciera reposo y tomara antiinflamatorios, pero no ha mejorado mucho. ¿Es grave? ¿Puedo "
        "seguir jugando al pádel mientras tanto o lo empeoro?",
        C,
        False,
        "doc",
        "es",
    ),
    # --- few-shot ---
    text(
        "Classify each symptom description by urgency.\n\n"
        "Description: mild sore throat for 2 days, no fever, eating fine\nUrgency: self-care\n\n"
        "Description: sudden worst headache of my life, vomiting, stiff neck\nUrgency: emergency\n\n"
        "Description: burning when peeing and fever 38.5 since yesterday, pain in lower back\nUrgency: see a "
        "doctor within 24h\n\n"
        "Description: swollen painful left calf two days after a 13 hour flight, now a bit short of breath when "
        "walking\nUrgency:",
        C,
        True,
        "fewshot",
    ),
    chat(
        [
            ("system", "Give the drug class only."),
            ("user", "metoprolol"),
            ("assistant", "beta blocker"),
            ("user", "amlodipine"),
            ("assistant", "calcium channel blocker"),
            ("user", "sitagliptin"),
        ],
        C,
        False,
        "fewshot",
    ),
    text(
        "Esempi di sostituzioni più sane:\n"
        "- patatine fritte come snack → mandorle non salate (una manciata)\n"
        "- bibita zuccherata a pranzo → acqua frizzante con limone\n"
        "- pane bianco a cena → pane integrale o di segale\n\n"
        "Continua nello stesso formato per: merendine confezionate a colazione, gelato dopo cena, aperitivo con "
        "spritz e noccioline",
        C,
        False,
        "fewshot",
        "it",
    ),
    text(
        "Rewrite prescription directions for patients, like this:\n"
        '"1 tab PO bid pc" -> "Take 1 tablet by mouth twice a day after meals."\n'
        '"2 gtt OU qhs" -> "Put 2 drops in both eyes at bedtime."\n'
        '"1 cap PO q8h prn pain, max 3/day" ->',
        C,
        False,
        "fewshot",
    ),
    # --- bare questions ---
    text("how long does a tetanus shot last", C, False, "bare"),
    text("can you get shingles twice", C, False, "bare"),
    text("Is creatine bad for your kidneys?", C, False, "bare"),
    text("сколько длится инкубационный период ветрянки у взрослых", C, False, "bare", "ru"),
    text("खाली पेट चाय पीने से एसिडिटी क्यों होती है?", C, False, "bare", "hi"),
    text("normal resting heart rate for a 70 year old woman", C, False, "bare"),
    prompt(
        "difference between a cold and the flu",
        "Both are viral infections of the airways, but they usually feel different:\n\n"
        "- **Onset:** a cold creeps up over a day or two; flu hits suddenly, often within hours.\n"
        "- **Fever:** rare or mild with a cold; common and often high (38-40 °C) with flu.\n"
        "- **Aches and exhaustion:** mild with a cold; marked with flu, often keeping you in bed.\n"
        "- **Nose:** a runny or blocked nose and sneezing are typical of a cold, less so of flu.\n"
        "- **Complications:** flu is more likely to lead to pneumonia, especially in older adults, pregnant women "
        "and people with chronic illness.\n\n"
        "Flu antivirals work best within 48 hours of symptoms, so anyone at higher risk should contact a doctor "
        "early.",
        C,
        False,
        "bare",
    ),
    text(
        "Mijn huisarts zegt dat mijn vitamine D te laag is (28 nmol/L). Hoeveel moet ik slikken en hoe lang duurt het "
        "voordat het weer normaal is?",
        C,
        False,
        "bare",
        "nl",
    ),
    text("Bị sốt xuất huyết thì có được uống aspirin hạ sốt không?", C, False, "bare", "vi"),
    text(
        "Anak saya umur 7 bulan belum bisa duduk sendiri tanpa disangga, apakah ini termasuk terlambat?",
        C,
        False,
        "bare",
        "id",
    ),
    text("Podaj tylko liczbę: ile kalorii ma 100 g ugotowanego białego ryżu?", C, False, "format", "pl"),
    # --- multi-turn chats: the frame decides, the last turn is a short follow-up ---
    chat(
        [
            (
                "system",
                "You are GlucoGuide, a diabetes education assistant in a clinic's patient app. Give practical, "
                "evidence-based lifestyle advice and tell users to contact their care team about medication changes.",
            ),
            (
                "user",
                "I was diagnosed with type 2 last month, A1c 7.8. Doctor started metformin 500mg twice a day. What "
                "should my breakfast look like? I used to have cereal and orange juice",
            ),
            (
                "assistant",
                "Good question to start with, because breakfast is where a lot of hidden sugar sits. Cereal and "
                "orange juice together can add up to 60-80 g of fast carbohydrate. Aim instead for a breakfast with "
                "protein, fibre and a smaller portion of slow carbs: for example two eggs with wholegrain toast and "
                "tomatoes, plain Greek yoghurt with berries and a spoon of nuts, or porridge made with rolled oats "
                "and topped with seeds. Swap the juice for a whole orange. Take your metformin with the meal to "
                "reduce stomach upset, and check your sugar two hours after a few different breakfasts to see which "
                "suits you best.",
            ),
            ("user", "shorter please, bullet points"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "My 3 year old has a fever of 39.4 since this afternoon, a bit sleepy but still drinking and peeing. "
                "When should I take him to the ER?",
            ),
            (
                "assistant",
                "A fever of 39.4 in a 3-year-old who is drinking and passing urine is usually caused by a viral "
                "infection and can often be managed at home. Go to the emergency department or call for help if he "
                "is hard to wake or floppy, breathing fast or with effort, has a stiff neck, a seizure, signs of "
                "dehydration (no wet nappy or pee for 8+ hours, no tears, dry mouth), a fever lasting more than 5 "
                "days, or a rash that does not fade when you press a glass on it.",
            ),
            ("user", "and what about the rash on his tummy? it's little red dots"),
        ],
        C,
        True,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Make me a 12-week beginner strength programme. 3 days a week, I have adjustable dumbbells up to "
                "20 kg and a flat bench, 45 min max per session. I have a dodgy lower back (disc bulge 2 years ago, "
                "fine now) so no heavy spinal loading",
            ),
            (
                "assistant",
                "Weeks 1-4 (foundation): three full-body sessions, e.g. Mon/Wed/Fri.\n"
                "Day A: goblet squat 3x10, dumbbell bench press 3x10, one-arm row 3x10 each side, glute bridge 3x12, "
                "dead bug 3x8 each side.\n"
                "Day B: split squat 3x8 each leg, half-kneeling overhead press 3x10, chest-supported row 3x12, "
                "Romanian deadlift with light dumbbells 2x10 (stop if the back complains), side plank 3x20s.\n"
                "Alternate A/B/A then B/A/B. Add reps before adding weight; when you hit the top of the range on all "
                "sets with good form, go up one step.",
            ),
            ("user", "continue"),
        ],
        C,
        True,
        "chat",
    ),
    chat(
        [
            ("system", "Du bist ein freundlicher Schlafcoach. Antworte kurz und konkret."),
            (
                "user",
                "Ich wache seit zwei Monaten jede Nacht gegen 3 Uhr auf und kann dann ewig nicht mehr einschlafen. "
                "Ich gehe um 23 Uhr ins Bett, trinke zwei Kaffee am Tag, den letzten um 16 Uhr.",
            ),
            (
                "assistant",
                "Das ist sehr häufig. Drei Dinge, die oft helfen: den letzten Kaffee auf vor 13 Uhr verlegen; wenn du "
                "nachts länger als ca. 20 Minuten wach liegst, aufstehen und bei gedimmtem Licht etwas Ruhiges tun, "
                "bis du müde bist; und jeden Tag zur gleichen Zeit aufstehen, auch am Wochenende.",
            ),
            ("user", "und wenn das nicht hilft?"),
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
                "Compare sertraline, escitalopram and bupropion for someone who is mainly worried about weight gain "
                "and sexual side effects. My GP wants to start me on something for depression",
            ),
            (
                "assistant",
                "Sertraline: well studied, moderate risk of sexual side effects, little weight change short term, "
                "some stomach upset early on. Escitalopram: often well tolerated, similar sexual side-effect rate to "
                "other SSRIs, small weight gain possible over months. Bupropion: works differently (on dopamine and "
                "noradrenaline), the lowest risk of sexual side effects and usually weight-neutral or slight loss, "
                "but it can worsen anxiety or insomnia and is not suitable with a seizure history or eating "
                "disorders.",
            ),
            ("user", "what about the second one? how long till it works"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            ("user", "أعاني من الصداع النصفي مرتين في الأسبوع تقريباً منذ سنة. ما هي خيارات العلاج الوقائي المتاحة؟"),
            (
                "assistant",
                "مع نوبتين أسبوعياً يُنصح عادةً بعلاج وقائي. من الخيارات الشائعة: حاصرات بيتا مثل البروبرانولول، "
                "وبعض مضادات الاكتئاب مثل الأميتريبتيلين، وبعض مضادات الصرع مثل التوبيراميت، إضافةً إلى الأدوية "
                "الأحدث التي تستهدف CGRP. ويساعد أيضاً تنظيم النوم وتدوين المحفزات في مفكرة.",
            ),
            ("user", "طيب، وأيّها أنسب لو كنت أخطط للحمل خلال السنة القادمة؟"),
        ],
        C,
        True,
        "chat",
        "ar",
    ),
    chat(
        [
            (
                "user",
                "I'm starting the 5:2 diet next week. What can I eat on the two 500 calorie days without feeling "
                "awful? I work 9-5 at a desk",
            ),
            (
                "assistant",
                "Most people do best splitting 500 kcal into two small meals rather than grazing. Example: lunch of "
                "a big bowl of vegetable soup with a boiled egg (about 200 kcal), dinner of grilled chicken or tofu "
                "with a large pile of steamed greens and a little soy sauce (about 300 kcal). Drink plenty of water, "
                "black coffee or tea, and keep the fast days non-consecutive.",
            ),
            ("user", "go on"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Babamın tansiyonu sabahları 160/95 civarı çıkıyor, akşamları 135/85. Akşamları amlodipin 5 mg "
                "kullanıyor. Bu normal mi, ilacın saatini mi değiştirmek lazım?",
            ),
            (
                "assistant",
                "Sabah değerlerinin bu kadar yüksek olması, akşam alınan ilacın etkisinin sabaha doğru azaldığını "
                "gösterebilir. Amlodipin uzun etkili bir ilaçtır ama kişiden kişiye fark olabilir. İlacın saatini "
                "kendiniz değiştirmeyin; bir haftalık ölçüm kaydıyla doktora gidin.",
            ),
            ("user", "doktora ne sormalıyım peki?"),
        ],
        C,
        False,
        "chat",
        "tr",
    ),
    chat(
        [
            (
                "system",
                "You are a medical scribe assistant for a family practice. Turn clinician-patient conversation "
                "transcripts into concise SOAP notes.",
            ),
            (
                "user",
                "Transcript: Dr: what brings you in? Pt: cough for ten days, yellow phlegm, some wheeze at night. "
                "No fever now, had one the first 3 days. Non-smoker, has mild asthma, uses the blue inhaler more "
                "than usual, like 4 times a day. Dr: chest has some scattered wheeze, sats 96%, temp 36.9, resp "
                "rate 18. I think it's a viral bronchitis that's set off your asthma. Let's step up with a steroid "
                "inhaler for a month, use the reliever as needed, come back if worse or not better in a week.",
            ),
            (
                "assistant",
                "S: 10-day productive cough, nocturnal wheeze, fever first 3 days only. Mild asthma, reliever use up "
                "to 4x/day. Non-smoker.\nO: T 36.9, RR 18, SpO2 96%, scattered wheeze.\nA: Viral bronchitis with "
                "asthma exacerbation.\nP: Start inhaled corticosteroid for 1 month, reliever PRN, review if worse "
                "or no improvement in 1 week.",
            ),
            ("user", "make the plan more detailed, add safety netting"),
        ],
        C,
        False,
        "chat",
    ),
]

ROWS += [
    text(
        "first aid course test tomorrow. What is the first-line treatment for anaphylaxis?\na) oral antihistamine\n"
        "b) intramuscular adrenaline into the outer thigh\nc) IV hydrocortisone\nd) nebulised salbutamol\n"
        "letter + why",
        C,
        False,
        "mcq",
    ),
    text(
        "As a certified personal trainer and sports nutritionist, work out my daily calorie and protein targets: "
        "male, 36, 82 kg, 178 cm, desk job, lifting 4x a week, I want to lose 6 kg in 12 weeks without losing "
        "muscle. Show how you got the numbers.",
        C,
        True,
        "persona",
    ),
    chat(
        [
            (
                "system",
                "You are Bloom, a pregnancy companion app. Give evidence-based, reassuring information and advise "
                "users to check with their midwife or doctor.",
            ),
            ("user", "I'm 29 weeks. Can I still fly to my sister's wedding at 34 weeks? it's a 4 hour flight"),
            (
                "assistant",
                "Many airlines accept passengers with a straightforward single pregnancy until 36 weeks, but most ask "
                "for a letter from your midwife or doctor after 28 weeks confirming your due date and that there are "
                "no complications. Check your airline's exact rules and ask your midwife at your next appointment.",
            ),
            ("user", "and compression socks, do I need them?"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "my dentist says the lower left molar either needs a root canal + crown or extraction + implant. "
                "pros and cons? I'm 45 and grind my teeth at night",
            ),
            (
                "assistant",
                "Root canal and crown keeps your natural tooth and the bone around it, usually costs less and is "
                "quicker, but the tooth can still crack, especially with grinding. Extraction and implant takes "
                "months, costs more and needs enough bone, but an implant can't decay. Either way a night guard is "
                "worth it for the grinding.",
            ),
            ("user", "which one would you pick"),
        ],
        C,
        False,
        "chat",
    ),
    text("Give me ONLY the maximum daily dose of paracetamol for a healthy adult, in grams.", C, False, "format"),
]
