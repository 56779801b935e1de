"""Writing rows: emails, letters, summaries, rewrites, proofreading, reports, CVs and business documents."""

from s3_rows import Rows

S, U, A = "system", "user", "assistant"
R = Rows("writing")

# --- exam / multiple-choice shaped ---------------------------------------------------------------------
R.text(
    "mcq",
    "en",
    False,
    """Business Communication 101 quiz, Q7. Which of the following is the most appropriate subject line for an
email asking your manager to approve two days of leave?
A) Hey!!
B) Leave request: 14–15 March
C) Quick question (urgent)
D) Re: Re: Fwd: holidays
Answer with the letter only.""",
)
R.text(
    "mcq",
    "en",
    False,
    "True or false: when you don't know the recipient's name in a formal British English letter, you open "
    "with 'Dear Sir or Madam' and close with 'Yours sincerely'. Then correct the statement if it's false.",
)
R.text(
    "mcq",
    "fr",
    False,
    """Quelle formule de politesse convient le mieux pour terminer un courriel professionnel adressé à un
client que je ne connais pas ?
A) Bisous
B) Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.
C) À plus !
D) Cordialement, bien à toi
Réponds juste par la lettre.""",
)
R.text(
    "mcq",
    "en",
    False,
    """Short-answer question from my admin assistant certification practice test (5 marks): 'Your manager asks
you to take minutes at a project meeting. List the five elements that formal minutes must contain and write
a sample action-item entry.'""",
)
R.chat(
    "mcq",
    "en",
    False,
    (S, "You grade answers for a workplace-writing course. Reply with A, B, C or D and nothing else."),
    (
        U,
        "Which sentence is the most concise rewrite of: 'At this point in time we are not in a position to "
        "be able to offer a refund.'\nA) Currently, we are unable to be in a position to refund.\nB) We "
        "can't offer a refund right now.\nC) At this time, a refund is something we can't offer at this "
        "point.\nD) Refunds are not able to be offered by us currently.",
    ),
)

# --- persona / system preamble ----------------------------------------------------------------------
R.chat(
    "persona",
    "en",
    False,
    (
        S,
        "You are an experienced executive assistant who writes crisp, polite, professional emails. Keep "
        "them under 150 words unless asked.",
    ),
    (
        U,
        "email to the whole team moving friday's all-hands to monday 10am because the CEO is travelling. "
        "apologise for the short notice",
    ),
)
R.text(
    "persona",
    "en",
    False,
    "Act as a senior HR recruiter with 15 years of experience. Review my CV summary and rewrite it so it's "
    "punchier and ATS-friendly: 'I am a hard working and motivated individual with experience in logistics "
    "and warehouse management, I like working with people and I am good at solving problems.'",
)
R.text(
    "persona",
    "es",
    False,
    "Eres un experto en comunicación corporativa. Redacta una carta formal para comunicar a nuestros "
    "proveedores que a partir del 1 de marzo cambiamos la dirección de facturación. Tono cordial y claro.",
)
R.chat(
    "persona",
    "de",
    False,
    (
        S,
        "Du bist ein erfahrener Lektor. Korrigiere Rechtschreibung, Grammatik und Zeichensetzung und "
        "erkläre die Änderungen kurz in einer Liste.",
    ),
    (
        U,
        "Sehr geehrte Damen und Herren, hiermit möchte ich mich für die Stelle als Sachbearbeiterin "
        "bewerben, die ich auf ihrer Webseite gesehen habe. Ich habe fünf Jahre erfahrung in der "
        "Buchhaltung und bin es gewohnt selbständig zu arbeiten, dass macht mir Spaß.",
    ),
)

# --- format-only instructions -----------------------------------------------------------------------
R.text(
    "format",
    "en",
    False,
    "Summarise this in exactly 3 bullet points, no intro line: Our Q3 offsite is confirmed for Oct 12-13 at "
    "the Lakeview Hotel. Buses leave HQ at 8am on the 12th. Please submit dietary requirements to Priya by "
    "Sept 30. The agenda will cover the 2025 roadmap, a team-building session, and a town hall with the "
    "leadership team. Partners are welcome at the dinner on the 12th but not at the sessions.",
)
R.chat(
    "format",
    "en",
    False,
    (S, 'Rewrite the user\'s message in a more polite tone. Output JSON only: {"rewrite": "..."}'),
    (U, "why is the report STILL not done, I asked for it last week, send it today"),
)
R.text(
    "format",
    "it",
    False,
    "Riscrivi questa frase in modo più formale. Solo la frase, niente spiegazioni: 'ciao, ti scrivo per "
    "dirti che domani non ci sono, ci sentiamo giovedì'",
)
R.text(
    "format",
    "en",
    False,
    "Is this email too passive-aggressive? Answer Y or N only.\n\n'Per my last email, as I already "
    "mentioned twice, the deadline was Friday. Thanks in advance for your prompt attention to this.'",
)

# --- pasted document + short instruction ------------------------------------------------------------
R.text(
    "doc",
    "en",
    True,
    """Summarise this email thread for me: who has agreed to do what, by when, and what's still unresolved. My
boss wants a one-paragraph status plus a table of action items. Note anywhere people contradict each other.

---
From: Dana Whitfield
To: Product team
Date: Mon 3 Jun, 09:14
Subject: Launch checklist for v2.4

Hi all, we're aiming to ship 2.4 on Thursday 13 June. I need owners for: release notes, the in-app banner,
the help-centre articles, and the customer webinar. Please reply by Wednesday. Raj, can you confirm QA sign-off
timing?

From: Raj Menon
Date: Mon 3 Jun, 11:02
QA sign-off should be Tuesday 11th end of day, assuming the payments fix lands by Friday 7th. If it slips, add
two days to everything. I can't own any of the comms items, sorry, I'm out 12–14 June.

From: Lucia Ferraro
Date: Mon 3 Jun, 15:40
I'll take release notes and the help-centre articles. Draft release notes by Monday 10th. Help-centre
articles need the final screenshots, so realistically Wednesday 12th.

From: Tom Becker
Date: Tue 4 Jun, 08:55
I can do the in-app banner. Copy to Dana for review by Friday 7th. Design is Ana's call though — Ana?

From: Ana Sousa
Date: Tue 4 Jun, 10:20
Happy to design the banner but I'm at the conference Thursday and Friday, so copy by Wednesday 5th or it
waits until Monday 10th. Also, who's doing the webinar? Last time it was Lucia.

From: Lucia Ferraro
Date: Tue 4 Jun, 10:41
I can't do the webinar this time, too much with the articles. Maybe Dana?

From: Dana Whitfield
Date: Tue 4 Jun, 14:03
I'll host the webinar, but I need someone to build the demo environment. Raj, can your team do it by the
12th?

From: Raj Menon
Date: Wed 5 Jun, 09:30
Update: the payments fix is going to land Monday 10th, not Friday. Demo environment I can ask Priya, but no
promises.

From: Tom Becker
Date: Wed 5 Jun, 17:45
Banner copy sent to Dana and Ana just now. Sorry it's late in the day.

From: Dana Whitfield
Date: Thu 6 Jun, 08:12
Thanks all. So we're still good for the 13th? Lucia, can you make the release notes mention the new export
feature?
---

(Today is Thursday 6 June.)""",
)
R.text(
    "doc",
    "en",
    False,
    """Can you turn these raw meeting notes into proper minutes? Use headings: Attendees, Decisions, Action
items (owner + date), Open questions. Keep it neutral, remove the jokes and side chatter.

notes - ops weekly - tues

present: me (Karen), Mo, Stefan, Julie, Ade (late, joined ~10 mins in), Priscilla on the phone from the
warehouse

- stefan: forklift 3 still broken, part on backorder, supplier says 2 wks maybe 3. we're renting one from
  Hallam hire at £180/wk, julie asked if that's in budget, Karen said yes until end of month then we need to
  talk
- the night shift rota - Mo says two people have asked to swap permanently to days. we agreed to ask for
  volunteers first before forcing anyone. Mo to put a notice up by friday
- Priscilla: the loading bay door sensor is doing the thing again lol (it opens when a pigeon flies past).
  Stefan will call the contractor. also she wants more hi-vis vests, we're down to like 6 in medium
- julie: audit in 3 weeks, the fire extinguisher inspection tags are out of date on the mezzanine. needs
  sorting before audit. Julie owns it. Ade said he can help Thursday
- Ade: new starter Tomasz starts on the 14th, needs induction, PPE, locker. Ade will do induction, Karen to
  order locker
- discussed the christmas party (!!) - no decision, everyone hates the venue from last year. park it
- Mo: can we get a second microwave in the canteen, the queue at lunch is 15 min. Karen said she'd ask
  facilities but no promises
- AOB: stefan mentioned the car park lighting again. Karen to raise it with landlord. (third time we've said
  this)
- next meeting same time next week, Priscilla will be in person

that's it. oh and julie wanted it noted that she's on leave 22nd-26th.""",
)
R.text(
    "doc",
    "pt",
    False,
    """Pode resumir este relatório em 5 linhas para eu mandar para a diretoria? Linguagem simples, sem
jargão.

RELATÓRIO MENSAL — UNIDADE CAMPINAS — OUTUBRO

1. Produção
No mês de outubro, a unidade de Campinas produziu 48.200 unidades, 6% acima da meta de 45.500 e 3% acima de
setembro. O resultado foi puxado pela linha 2, que voltou a operar em três turnos após a manutenção
programada de setembro. A linha 4 ficou parada por 31 horas devido à falha no compressor, o que gerou uma
perda estimada de 1.100 unidades. O compressor foi substituído no dia 19 e a linha opera normalmente desde
então.

2. Qualidade
O índice de refugo caiu de 2,8% para 2,1%. A principal causa de refugo continua sendo o desalinhamento na
etapa de embalagem, que representou 58% das peças descartadas. A equipe de engenharia propôs a instalação de
guias de alinhamento nas duas embaladoras, com custo estimado de R$ 42 mil e retorno previsto em quatro meses.
Aguardamos aprovação.

3. Segurança
Não houve acidentes com afastamento. Foram registrados dois quase-acidentes, ambos na área de expedição,
relacionados à circulação de empilhadeiras. Foi feita uma nova demarcação de piso e um treinamento de
reciclagem para 14 operadores.

4. Pessoas
Foram contratados 6 operadores temporários para o pico de fim de ano. O absenteísmo ficou em 3,4%, dentro
da meta de 4%. Dois líderes de turno concluíram o programa de desenvolvimento de lideranças. A pesquisa de
clima será aplicada em novembro.

5. Custos
O custo por unidade ficou em R$ 18,40, contra R$ 19,10 em setembro, principalmente pela diluição dos custos
fixos com o aumento de volume. A conta de energia subiu 9% em função da bandeira tarifária vermelha. Horas
extras representaram 4,2% da folha, acima da meta de 3%, por causa da parada da linha 4.

6. Próximos passos
- Aprovação do projeto de guias de alinhamento nas embaladoras.
- Plano de contingência para compressores (estoque de peça reserva).
- Preparação para o inventário anual, previsto para 12 de dezembro.
- Revisão do plano de férias coletivas de janeiro.

Responsável: Eng. Marcelo Tavares, gerente da unidade.""",
)

# --- few-shot ---------------------------------------------------------------------------------------
R.text(
    "fewshot",
    "en",
    False,
    """Rewrite casual Slack messages as professional emails, like these:

Casual: can't make the 3pm, something came up, can we move it
Professional: Hi Sam, unfortunately something has come up and I won't be able to make our 3pm meeting. Would
you be free to move it to later this week? Apologies for the inconvenience.

Casual: got ur invoice, finance says it's missing the PO number
Professional: Hello, thank you for sending the invoice. Our finance team has let me know that it's missing a PO
number — could you please resend it with the PO included?

Casual: yo the client loved the deck, can u send the source files""",
)
R.prompt(
    "fewshot",
    "nl",
    False,
    """Maak van deze zinnen korte, vriendelijke afwezigheidsberichten.

Input: met vakantie tot 12 augustus, dringend? bel Sanne
Output: Bedankt voor je bericht! Ik ben met vakantie tot en met 12 augustus. Voor dringende zaken kun je
contact opnemen met Sanne.

Input: cursus hele week, lees mail 's avonds
Output: Bedankt voor je mail. Deze week volg ik een cursus; ik lees mijn e-mail alleen 's avonds en reageer
zo snel mogelijk.

Input: ziek, terug maandag, vragen over facturen naar administratie@""",
    "Bedankt voor je bericht. Ik ben helaas ziek en verwacht maandag weer aan het werk te zijn. Voor vragen "
    "over facturen kun je terecht bij administratie@.",
)
R.text(
    "fewshot",
    "en",
    False,
    """Turn each into a one-line LinkedIn headline.
Role: nurse manager, 12 yrs, ICU → "ICU Nurse Manager | 12 Years Leading Critical Care Teams"
Role: junior data analyst, SQL, Tableau → "Data Analyst | SQL & Tableau | Turning Numbers into Decisions"
Role: career changer, ex-teacher now UX researcher →""",
)

# --- bare -----------------------------------------------------------------------------------------------
R.text("bare", "en", False, "how do I end a formal email")
R.text("bare", "en", False, "is 'per our conversation' too stiff")
R.text("bare", "zh", False, "请假条怎么写")
R.text("bare", "en", False, "cover letter for barista job")
R.text("bare", "ko", False, "회의록 양식 좀 만들어줘")

# --- multi-turn chats ----------------------------------------------------------------------------------
R.chat(
    "multiturn",
    "en",
    False,
    (
        U,
        "draft an email to my landlord asking him to fix the boiler, it's been 5 days with no hot water. "
        "firm but polite",
    ),
    (
        A,
        "Subject: Urgent repair needed: no hot water since 1 May\n\nDear Mr Patel,\n\nI'm writing to let "
        "you know that the boiler at Flat 3 has not been producing hot water since 1 May…",
    ),
    (U, "shorter please"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (S, "You are a writing assistant for a busy operations manager. Match the user's tone unless asked."),
    (
        U,
        "I need to tell my team we're switching to the new timesheet tool from next month. There will be a "
        "training session on the 3rd. Write the announcement.",
    ),
    (
        A,
        "Hi team,\n\nFrom 1 July we'll be moving to TimeTrack for all timesheets… A training session will "
        "run on 3 July at 2pm…",
    ),
    (U, "can you make it sound less corporate"),
)
R.chat(
    "multiturn",
    "es",
    False,
    (
        U,
        "Necesito una carta de recomendación para una exalumna en prácticas, Laura Gómez, que trabajó seis "
        "meses en mi equipo de atención al cliente. Muy responsable y buena con la gente.",
    ),
    (
        A,
        "A quien corresponda:\n\nPor medio de la presente, me complace recomendar a Laura Gómez, quien "
        "realizó sus prácticas profesionales en el equipo de Atención al Cliente…",
    ),
    (U, "añade que aprendió a usar Zendesk muy rápido"),
)
R.chat(
    "multiturn",
    "en",
    False,
    (
        U,
        "Here are my notes from the client call, turn them into a follow-up email to the client:\n- they "
        "want the pilot in 3 stores not 5\n- start date pushed to Sept\n- need pricing for extended "
        "support\n- Jenna is their new contact",
    ),
    (A, "Hi Jenna,\n\nThanks for taking the time to speak with us today. To confirm what we discussed: …"),
    (U, "what about the second one? the date bit sounds vague"),
)
R.chat(
    "multiturn",
    "ru",
    False,
    (S, "Ты помогаешь писать деловые письма на русском языке. Стиль — вежливый и лаконичный."),
    (U, "Напиши письмо партнёру о том, что поставка задерживается на неделю из-за проблем на таможне."),
    (
        A,
        "Уважаемый Андрей Викторович!\n\nСообщаем, что поставка по договору № 15/24 задерживается "
        "примерно на одну неделю в связи с задержкой таможенного оформления…",
    ),
    (U, "а можно помягче?"),
)
R.chat(
    "multiturn",
    "en",
    True,
    (
        U,
        "I have to write a status report to the steering committee. Budget was 240k, we've spent 171k, we're "
        "62% through the timeline and 55% of deliverables are done. One vendor is 3 weeks late. Write the "
        "summary section honestly, including whether we're on track.",
    ),
    (
        A,
        "Summary: The project has consumed 71% of its budget at 62% of the timeline, with 55% of "
        "deliverables complete…",
    ),
    (U, "and then? add a forecast for the end spend if the current burn continues"),
)
R.chat(
    "multiturn",
    "ja",
    False,
    (U, "取引先に送るお詫びメールを書いてください。納品物に誤字があり、修正版を明日送ります。"),
    (A, "件名：納品物の誤記に関するお詫び\n\n株式会社〇〇\n〇〇様\n\nいつもお世話になっております。…"),
    (U, "もう少し短くして"),
)

# --- other ------------------------------------------------------------------------------------------
R.text(
    "plain",
    "en",
    False,
    "proofread pls: 'Their going to send the contract tomorow, and than we can finaly start the onboarding "
    "process, which effects the whole team.'",
)
R.text(
    "plain",
    "en",
    False,
    "Write a resignation letter. I've been at the company 4 years, leaving on good terms for a job closer "
    "to home, notice period is one month. Want to offer to help with handover.",
)
R.prompt(
    "plain",
    "en",
    False,
    "paraphrase: 'The committee has resolved to postpone the decision pending further consultation.'",
    "The committee has decided to delay its decision until it has consulted further.",
)
R.text(
    "plain",
    "ar",
    False,
    "أريد أن أكتب رسالة بريد إلكتروني إلى مديري أطلب فيها العمل من المنزل يومين في الأسبوع بسبب ظروف عائلية. "
    "اجعلها مهذبة ومقنعة.",
)
R.text(
    "plain",
    "hi",
    False,
    "मेरे बॉस को एक ईमेल लिखो कि मुझे अगले हफ्ते सोमवार की छुट्टी चाहिए क्योंकि मेरी बहन की शादी है।",
)
R.text(
    "plain",
    "en",
    True,
    "I need to send one email to three stakeholders who want contradictory things: Finance wants the launch "
    "delayed to Q2 to save $80k, Sales has already promised a Q1 date to two clients worth $300k ARR, and "
    "Engineering says Q1 is only possible if we drop the reporting module. Draft the email laying out the "
    "options with their trade-offs and a recommendation, without taking anyone's side unfairly.",
)
R.text(
    "plain",
    "tr",
    False,
    "İş başvurusu için ön yazı hazırlar mısın? Pozisyon: lojistik uzmanı, 3 yıl deneyimim var, SAP "
    "biliyorum, İngilizcem iyi.",
)
R.text(
    "plain",
    "vi",
    False,
    "Viết giúp mình email xin lỗi khách hàng vì giao hàng trễ 3 ngày, có tặng mã giảm giá 10% cho lần mua sau.",
)
R.text(
    "plain",
    "en",
    False,
    "make this sound more confident for my performance self-review: 'I think I maybe helped improve the "
    "onboarding a bit this year, and I tried to support new hires when I could.'",
)
R.text(
    "plain",
    "en",
    True,
    "Rewrite this tweet-length product update so it fits in 280 characters but keeps all five facts (new "
    "dashboard, CSV export, 2x faster sync, dark mode, available to all paid plans from Monday): 'We're "
    "thrilled to announce that starting this coming Monday, every single one of our paid plans will get "
    "access to our brand-new analytics dashboard, along with the ability to export any report to CSV, a "
    "sync engine that's now twice as fast, and a long-requested dark mode!' Count the characters.",
)
R.text(
    "plain",
    "id",
    False,
    "Buatkan notulen rapat singkat dari poin ini: rapat evaluasi bulanan, target penjualan tercapai 92%, "
    "perlu tambah 1 admin gudang, rapat berikutnya 5 Juli.",
)
R.text(
    "plain",
    "pl",
    False,
    "Pomóż mi napisać uprzejmą odmowę na zaproszenie do udziału w konferencji, w której nie mogę wziąć "
    "udziału z powodu innych zobowiązań.",
)
R.text(
    "plain",
    "en",
    False,
    "Write a thank you note to my kid's teacher at the end of the year, she helped him a lot with reading. "
    "short, heartfelt, not cheesy",
)

# --- more business writing, several needing the facts worked out first --------------------------------
R.chat(
    "multiturn",
    "en",
    True,
    (
        U,
        "I need to email 6 people to set up a 1-hour meeting next week. Availability: Ana Mon/Tue mornings "
        "only; Ben not Tuesday; Chloe Mon-Wed after 1pm; Dev Tue/Wed any time; Eli any day before 3pm; "
        "Farah Wed only. Propose the slot and write the invite.",
    ),
    (
        A,
        "The only slot that works for everyone is… Ana is only free Mon/Tue mornings, Farah only Wed — so "
        "there's no common slot for all six…",
    ),
    (U, "ok so what if Ana joins remotely on wednesday morning? redo it"),
)
R.text(
    "doc",
    "en",
    False,
    """rewrite this customer complaint reply, the one our support agent drafted, so it's empathetic, clear and
under 200 words. keep the facts (refund amount, dates) exactly.

---
Dear Mr. Halvorsen,

Thank you for contacting us with regard to your recent order (#58213). We have reviewed your complaint. As
per our records the order was dispatched on 2 March and delivered on 9 March, which is within our stated
delivery window of 5-10 working days, therefore the delay is not considered a failure on our part. However
we note that the item (Oak Side Table, colour: natural) arrived with a damaged leg, which you have provided
photos of. In accordance with our Returns Policy section 4.2, damaged items are eligible for a replacement or
refund. You indicated in your email that you do not want a replacement as you no longer need the table
because the event you bought it for has passed. Therefore we are able to offer a full refund of £149.00 to
the original payment method. Please note that refunds take 5-7 working days to appear. You do not need to
return the table; our courier partner does not collect damaged furniture under 15kg and you may dispose of it
or keep it. With regard to your request for compensation for the inconvenience caused, we are unable to offer
compensation beyond the refund amount as per our Terms and Conditions. We would however like to offer you a
discount code of 10% off your next order which is valid until 30 June. The code is SORRY10. Please be
advised that this code cannot be used in conjunction with other offers. We also note you mentioned that our
customer service line kept you on hold for 40 minutes on 10 March. We apologise for this. We were
experiencing a high volume of calls at the time due to a system outage. If you have any further queries
please do not hesitate to contact us by replying to this email quoting your order number. We thank you for
your custom and hope to serve you again in the future.

Yours sincerely,
Customer Services Team
---""",
)
R.text(
    "bare",
    "en",
    False,
    "whats the difference between 'regards' and 'best regards'",
)
R.text(
    "plain",
    "en",
    True,
    "My CV has to fit on one page and I have too much. Here's what I have: 3 jobs (6, 4 and 2 bullet points), "
    "education, 2 certifications, a volunteering role, and a skills list of 20 items. The job ad is for a "
    "supply-chain analyst and emphasises Excel, forecasting and supplier negotiation. Tell me what to cut "
    "and what to keep, bullet by bullet, and why, given the ad.",
)
R.text(
    "format",
    "en",
    False,
    "One word answer: is 'irregardless' acceptable in a formal report?",
)
R.text(
    "plain",
    "en",
    True,
    "Write the 'Results' paragraph of our quarterly report from these numbers, and make sure every "
    "percentage you quote is correct: revenue Q1 $1.84M, Q2 $2.07M; churned customers Q1 41 of 612, Q2 38 "
    "of 655; support tickets Q1 1,930, Q2 2,210. Say whether tickets per customer went up or down.",
)
R.text(
    "doc",
    "es",
    True,
    """Resume este hilo de correos para mi jefa en un párrafo y dime quién tiene razón sobre la fecha de
entrega, porque se contradicen:

De: Marta (compras) — lunes 9:10: El proveedor confirma que el pedido sale de Valencia el jueves 12 y
tarda 3 días laborables. Llega el martes 17.
De: Jorge (almacén) — lunes 11:45: Ojo, el jueves 12 es festivo en Valencia, el camión no sale hasta el
viernes 13.
De: Marta — lunes 12:30: El proveedor dice que ellos trabajan en festivo, pero el transportista no.
De: Lucía (ventas) — lunes 13:05: Le he dicho al cliente que lo tiene el lunes 16. ¿Lo cumplimos?
De: Jorge — lunes 16:20: Si sale el viernes 13 y son 3 días laborables, contando que el sábado no se
reparte, llega el miércoles 18.
De: Marta — martes 8:50: El transportista ofrece servicio urgente de 24 h por 180 €, saliendo el viernes.
De: Lucía — martes 9:15: El cliente dice que si no lo tiene antes del miércoles 18 a mediodía cancela el
pedido de 12.000 €.""",
)
