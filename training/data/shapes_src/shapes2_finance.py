"""Finance rows in the shapes of real traffic: exam items, personas, format-only asks, pasted documents, chats."""

from shapes2_rows import Row, chat, prompt, text

C = "finance"

ROWS: list[Row] = [
    # --- exam / multiple-choice / true-false / short answer ---
    text(
        "Intermediate accounting practice question. A company buys equipment for $50,000 with a 5-year useful life "
        "and a $5,000 salvage value and uses double-declining-balance depreciation. What is the depreciation expense "
        "in year 2?\nA) $9,000\nB) $12,000\nC) $10,800\nD) $14,400\nShow your working before the answer.",
        C,
        True,
        "mcq",
    ),
    text(
        "True or False: under accrual accounting, revenue is recorded when the customer's cash is received.",
        C,
        False,
        "mcq",
    ),
    text(
        "QCM – finance d'entreprise. Une PME affiche un résultat net de 500 k€, des dotations aux amortissements de "
        "150 k€ et son besoin en fonds de roulement augmente de 200 k€ sur l'année. Quel est approximativement son "
        "flux de trésorerie d'exploitation ?\nA) 450 k€\nB) 850 k€\nC) 550 k€\nD) 650 k€",
        C,
        False,
        "mcq",
        "fr",
    ),
    text(
        "which of these is NOT a feature of a Roth IRA?\na) tax-free qualified withdrawals\nb) income limits for "
        "direct contributions\nc) required minimum distributions for the original owner\nd) contributions made with "
        "after-tax money\njust the letter pls",
        C,
        False,
        "mcq",
    ),
    text(
        "注会考试练习：下列哪一项属于流动负债？\nA. 长期借款\nB. 应付账款\nC. 实收资本\nD. 固定资产\n只回答选项字母。",
        C,
        False,
        "mcq",
        "zh",
    ),
    text(
        "Exam question (4 marks): A 3-year bond with a face value of $1,000 pays a 5% annual coupon. The market "
        "yield for similar bonds is 6%. Calculate the bond's price, and state whether it trades at a premium or a "
        "discount and why.",
        C,
        True,
        "mcq",
    ),
    text(
        "다음 문장이 맞으면 O, 틀리면 X로만 답하시오: 주식의 베타가 1보다 크면 시장보다 변동성이 크다.",
        C,
        False,
        "mcq",
        "ko",
    ),
    # --- persona / system preamble ---
    text(
        "Act as an expert accountant. I'm a freelance graphic designer in the US, made about $85k this year from "
        "clients (all 1099), and I never paid quarterly estimated taxes. It's November. What should I do now and "
        "roughly how bad will the underpayment penalty be?",
        C,
        False,
        "persona",
    ),
    chat(
        [
            (
                "system",
                "You are Penny, the budgeting assistant inside the SaveSmart app. Help users build realistic monthly "
                "budgets. Use their numbers, show a table, and never recommend specific stocks.",
            ),
            (
                "user",
                "I take home $3,900/month. Rent 1,450, car payment 380, insurance 140, student loans 290, phone 60, "
                "groceries ~450. I want a $12k emergency fund within 18 months and still have some fun money. Make it "
                "work",
            ),
        ],
        C,
        True,
        "persona",
    ),
    text(
        "Actúa como un asesor financiero independiente y sin conflictos de interés. Tengo 35 años, 20.000 € parados "
        "en una cuenta que no da nada y una hipoteca de 140.000 € al 3,2% fijo a 25 años. ¿Qué hago: amortizar "
        "hipoteca o meterlo en fondos indexados? Dame números aproximados de ambos escenarios.",
        C,
        True,
        "persona",
        "es",
    ),
    chat(
        [
            ("system", "You are a Wall Street equity analyst with 20 years of experience. Be blunt, no fluff."),
            (
                "user",
                "Is it dumb to have 40% of my portfolio in one semiconductor stock? I work in the industry so I feel "
                "like I understand it",
            ),
        ],
        C,
        False,
        "persona",
    ),
    chat(
        [
            (
                "system",
                "あなたは経験豊富なファイナンシャルプランナーです。初心者にもわかるように丁寧に答えてください。",
            ),
            (
                "user",
                "新NISAのつみたて投資枠で毎月5万円積み立てたいです。オールカントリーとS&P500、どちらがいいでしょうか？30歳です。",
            ),
        ],
        C,
        False,
        "persona",
        "ja",
    ),
    text(
        "You are a highly intelligent financial advisor. Answer the following question: should I pay off my car loan "
        "(4.9%, $11k left) early or put the extra $400/month into an S&P 500 index fund?",
        C,
        False,
        "persona",
    ),
    # --- format-only instructions ---
    text(
        "Reply in JSON only, with fields merchant, category, amount, currency. Bank line: 'UBER *TRIP HELP.UBER.COM "
        "14.32 USD 03/14'",
        C,
        False,
        "format",
    ),
    text("is a 401k employer match basically free money? Y or N", C, False, "format"),
    text(
        "Just the number, no explanation: monthly payment on a $320,000 mortgage at 6.5% fixed over 30 years",
        C,
        True,
        "format",
    ),
    text(
        "Nur eine Zahl bitte: Wie viel habe ich ungefähr nach 10 Jahren, wenn ich jeden Monat 200 € in einen ETF "
        "spare und 6 % Rendite pro Jahr annehme?",
        C,
        True,
        "format",
        "de",
    ),
    text(
        "Explain the difference between a Roth and a traditional 401(k) in exactly 3 bullet points, max 12 words each.",
        C,
        False,
        "format",
    ),
    text(
        "Responda só com 'sim' ou 'não': vale a pena antecipar as parcelas do financiamento do carro se a taxa é "
        "1,8% ao mês e meu dinheiro rende 0,9% ao mês no CDB?",
        C,
        False,
        "format",
        "pt",
    ),
    # --- pasted documents ---
    text(
        "NORTHWIND OUTDOOR GOODS, INC. REPORTS THIRD QUARTER RESULTS\n\n"
        "Third quarter highlights:\n"
        "- Net sales of $412.6 million, up 9% from $378.5 million in the prior-year quarter\n"
        "- Direct-to-consumer sales grew 21% and now represent 38% of total net sales\n"
        "- Gross profit of $181.5 million compared with $174.1 million a year ago\n"
        "- Operating income of $36.9 million compared with $41.2 million a year ago\n"
        "- Diluted earnings per share of $0.71 versus $0.83\n"
        "- Inventory of $298.0 million, up 27% year over year\n\n"
        '"We delivered record third-quarter sales as our direct-to-consumer channel continued to gain momentum," '
        'said the Chief Executive Officer. "We made deliberate investments in marketing and in our new distribution '
        "centre in Ohio, which weighed on operating margin this quarter but position us for long-term growth. "
        "Promotional activity in the wholesale channel was higher than planned as we worked through seasonal "
        'inventory."\n\n'
        "Selling, general and administrative expenses were $144.6 million, or 35.0% of net sales, compared with "
        "$132.9 million, or 35.1% of net sales, in the prior-year quarter. The increase was driven primarily by "
        "higher marketing spending and start-up costs of $4.1 million for the Ohio facility.\n\n"
        "Cash and cash equivalents were $61.3 million at quarter end, and the company had $145.0 million drawn on "
        "its revolving credit facility, compared with $40.0 million a year earlier. During the quarter the company "
        "repurchased 0.8 million shares for $22.4 million.\n\n"
        "Outlook: The company now expects full-year net sales growth of 6% to 7%, compared with prior guidance of "
        "8% to 10%, and full-year diluted earnings per share of $2.45 to $2.55, compared with prior guidance of "
        "$2.80 to $2.95. The revised outlook reflects a more promotional wholesale environment and the timing of "
        "holiday shipments.\n\n"
        "---\n"
        "I own a small position in this. Can you work out gross margin and operating margin for both quarters, tell "
        "me what's really driving the drop, and whether the inventory build plus the bigger revolver draw while "
        "they're buying back stock should worry me?",
        C,
        True,
        "doc",
    ),
    text(
        "From: Dana Whitfield (FP&A)\nTo: Marcus Lee; Priya Raman\nSubject: RE: RE: Q4 forecast - marketing ops\n\n"
        "Marcus, Priya,\n\nFollowing up on Tuesday's review. With the October actuals in, the department is "
        "tracking at $2.31M against the full-year budget of $2.40M, with $1.92M spent through October. Run-rate for "
        "November and December based on committed POs is $210k per month, which lands us at $2.34M before the "
        "events line. The events line is the problem: the trade show in December was budgeted at $60k but the "
        "booth contract came in at $95k including rigging and electrical.\n\n"
        "Leadership has asked every department to finish the year at 98% of budget or below because of the revenue "
        "miss in Q3. For you that's a ceiling of $2.352M.\n\n"
        "Options I can see:\n"
        "1. Cancel the December contractor extension ($48k remaining).\n"
        "2. Move the webinar platform renewal ($36k) to January - vendor has said they can re-date the invoice.\n"
        "3. Downsize the booth to the standard package ($70k all-in), saving $25k against the current contract, "
        "with a $5k change fee.\n\n"
        "Please come back to me by Friday with which combination you want to take.\n\nThanks,\nDana\n\n"
        "---- Original message ----\n"
        "From: Marcus Lee\n"
        "Dana - quick q, does the 98% apply to the total or to each line? Also the webinar renewal is already "
        "approved by procurement, not sure moving it is allowed.\n\n"
        "---- Original message ----\n"
        "From: Priya Raman\n"
        "We really need the contractor through the product launch on Dec 9. If we cancel, we lose the landing page "
        "work. Could we do a partial extension through Dec 12 instead? That would be about $19k.\n\n"
        "---\n"
        "ok help me think. what is our actual projected total with the booth overage, how much do we need to cut, "
        "and which combination of options gets us under the ceiling while keeping the contractor through the launch?",
        C,
        True,
        "doc",
    ),
    text(
        "Can you read this factsheet and tell me what I'm actually paying all-in per year, and whether it's worth "
        "it compared with a plain global index fund at 0.12%?\n\n"
        "GLOBAL QUALITY GROWTH FUND - Class A (Accumulation)\nFactsheet as at 30 September\n\n"
        "Objective: to achieve capital growth over the long term (at least five years) by investing in shares of "
        "high-quality companies around the world with strong balance sheets and durable competitive advantages.\n\n"
        "Fund size: £1.84bn | Launch date: March 2011 | Number of holdings: 34 | Benchmark: MSCI World Index\n\n"
        "Charges: Initial charge 0.00% | Ongoing charges figure (OCF) 0.89% | Transaction costs 0.11% | Performance "
        "fee: none. Platform fees are charged separately by your provider.\n\n"
        "Performance (%, net of fees, GBP):\n"
        "              Fund     Benchmark\n"
        "1 year        14.2     19.8\n"
        "3 years       11.6     31.5\n"
        "5 years       52.3     63.0\n"
        "10 years      198.4    187.9\n\n"
        "Top 10 holdings (43.6% of fund): Microsoft 6.1%, Novo Nordisk 5.2%, Visa 4.9%, ASML 4.6%, L'Oreal 4.2%, "
        "Alphabet 4.1%, Moody's 3.8%, Intuit 3.7%, Taiwan Semiconductor 3.6%, Mettler-Toledo 3.4%.\n\n"
        "Sector breakdown: Technology 31%, Healthcare 22%, Financials 17%, Consumer staples 12%, Industrials 11%, "
        "Consumer discretionary 5%, Cash 2%.\n\n"
        "Manager commentary: The fund lagged its benchmark over the quarter as a small number of very large "
        "technology companies, several of which we do not own because of their valuations, drove most of the "
        "market's return. Our healthcare holdings were also weaker after a strong run. We remain confident that "
        "owning a concentrated portfolio of quality compounders at reasonable prices will reward patient investors, "
        "and we used the weakness to add to positions in Novo Nordisk and Mettler-Toledo.\n\n"
        "Risk warnings: The value of investments and the income from them can go down as well as up. Past "
        "performance is not a guide to future returns. The fund invests in a relatively small number of companies "
        "and may be more volatile than a more diversified fund.\n\n"
        "my platform also charges 0.25%.",
        C,
        False,
        "doc",
    ),
    text(
        "Mi è arrivato questo prospetto dalla banca per il mutuo, mi aiutate a capire se conviene?\n\n"
        "PROSPETTO INFORMATIVO EUROPEO STANDARDIZZATO (PIES) – estratto\n"
        "Importo del finanziamento: 180.000,00 euro\n"
        "Durata: 25 anni (300 rate mensili)\n"
        "Tipo di tasso: fisso per tutta la durata\n"
        "Tipo di ammortamento: alla francese, con rata costante e periodicità mensile\n"
        "Garanzie: ipoteca di primo grado sull'immobile per un importo pari al 150% del finanziamento\n"
        "Tasso annuo nominale (TAN): 3,45%\n"
        "Tasso annuo effettivo globale (TAEG): 3,71%\n"
        "Importo della rata mensile: 899,12 euro\n"
        "Spese di istruttoria: 1.200,00 euro\n"
        "Spese di perizia: 350,00 euro\n"
        "Imposta sostitutiva: 0,25% dell'importo (prima casa)\n"
        "Polizza incendio e scoppio: obbligatoria, premio unico 1.150,00 euro\n"
        "Polizza vita/CPI: facoltativa, premio annuo stimato 420,00 euro\n"
        "Spese incasso rata: 2,50 euro per rata con addebito su conto della banca\n"
        "Estinzione anticipata: nessuna penale per mutui prima casa\n"
        "Importo totale dovuto dal consumatore: 272.350,00 euro circa\n"
        "Condizione: apertura del conto corrente presso la banca, canone 6,00 euro al mese.\n"
        "Avvertenza: il TAEG non comprende la polizza vita facoltativa. In caso di ritardato pagamento si applica "
        "un tasso di mora pari al TAN maggiorato di 2 punti percentuali.\n\n"
        "L'altra banca mi offre invece un variabile: Euribor 3 mesi + spread 0,90%, oggi l'Euribor è al 3,10%, "
        "stesse durata e importo, istruttoria gratis, niente conto obbligatorio. Io e mia moglie abbiamo entrambi "
        "contratti a tempo indeterminato, reddito netto 3.900 euro al mese in due, e pensiamo di avere un figlio "
        "nei prossimi due anni. Quanto sarebbe la rata del variabile oggi? E se l'Euribor scendesse al 2% o "
        "salisse al 4,5%? Abbiamo circa 25.000 euro di risparmi oltre all'anticipo, e non vorremmo restare senza "
        "un cuscinetto se uno dei due va in maternità o paternità. Quale scegliereste al nostro posto e perché? Vorrei anche capire quanto costa davvero il "
        "fisso considerando il conto corrente obbligatorio e le spese incasso, perché mi sembra che il TAEG non "
        "racconti tutto.",
        C,
        True,
        "doc",
        "it",
    ),
    # --- few-shot ---
    text(
        "Categorize bank transactions:\n"
        "STARBUCKS #11873 -> Dining\n"
        "SHELL OIL 5744 -> Transport\n"
        "NETFLIX.COM -> Subscriptions\n"
        "TRADER JOE'S #552 -> Groceries\n"
        "CVS/PHARMACY #0912 ->\n"
        "AMZN Mktp US*2K4 ->\n"
        "VENMO PAYMENT JESS ->",
        C,
        False,
        "fewshot",
    ),
    text(
        "Company A: current assets 500k, current liabilities 250k -> current ratio 2.0, comfortable liquidity\n"
        "Company B: current assets 300k, current liabilities 400k -> current ratio 0.75, liquidity risk\n"
        "Company C: current assets 1.2M of which inventory 700k, current liabilities 600k -> current ratio ?, quick "
        "ratio ?, verdict ?\n"
        "Company D: current assets 90k of which inventory 5k, current liabilities 110k, but a 50k unused credit "
        "line -> ?",
        C,
        True,
        "fewshot",
    ),
    chat(
        [
            ("user", "Explain 'P/E ratio' in one sentence for a beginner."),
            ("assistant", "It's how many dollars investors pay for each dollar of a company's yearly profit."),
            ("user", "Explain 'dividend yield' in one sentence for a beginner."),
            ("assistant", "It's the yearly cash dividend as a percentage of the share price."),
            ("user", "Explain 'free cash flow' in one sentence for a beginner."),
        ],
        C,
        False,
        "fewshot",
    ),
    text(
        "Составь проводки по примеру.\n"
        "Операция: получена выручка от покупателя на расчётный счёт → Дт 51 Кт 62\n"
        "Операция: оплачен счёт поставщика за материалы 30 000 руб. → Дт 60 Кт 51\n"
        "Операция: начислена зарплата сотрудникам отдела продаж 120 000 руб. →\n"
        "Операция: удержан НДФЛ с этой зарплаты →",
        C,
        False,
        "fewshot",
        "ru",
    ),
    # --- bare questions ---
    text("what is a good credit score", C, False, "bare"),
    text("why do bond prices go down when interest rates go up", C, False, "bare"),
    text("whats the difference between an ETF and a mutual fund", C, False, "bare"),
    text("SIP और lump sum में से कौन सा बेहतर है, अगर 5 साल के लिए invest करना है?", C, False, "bare", "hi"),
    text("Co to jest IKZE i ile mogę na nie wpłacić w tym roku?", C, False, "bare", "pl"),
    text("ما الفرق بين الأسهم والصكوك من ناحية العائد والمخاطرة؟", C, False, "bare", "ar"),
    text("EBITDA meaning", C, False, "bare"),
    text("Apa bedanya reksa dana pasar uang sama deposito? mana yang lebih aman", C, False, "bare", "id"),
    text("1 yıllık birikim için mevduat faizi mi mantıklı altın mı?", C, False, "bare", "tr"),
    prompt(
        "What's the 50/30/20 rule?",
        "It's a simple way to split your after-tax income:\n\n"
        "- **50% needs**: rent or mortgage, utilities, groceries, insurance, minimum debt payments.\n"
        "- **30% wants**: eating out, hobbies, travel, subscriptions.\n"
        "- **20% savings and extra debt repayment**: emergency fund, retirement, paying down debt faster.\n\n"
        "It's a starting point, not a law: in an expensive city needs may take 60%, and if you have high-interest "
        "debt it often makes sense to push the 20% higher for a while.",
        C,
        False,
        "bare",
    ),
    # --- multi-turn chats ---
    chat(
        [
            ("system", "You are a helpful assistant."),
            (
                "user",
                "I'm 29 with $18k of credit card debt on 3 cards: 7k at 24%, 5k at 19%, 6k at 27%. Minimums are about "
                "$540 total and I can pay $900/month. Avalanche or snowball, and how long until I'm debt free?",
            ),
            (
                "assistant",
                "With these numbers the avalanche method saves you the most: pay minimums on all three and put every "
                "extra dollar on the 27% card, then the 24% card, then the 19% card. At $900/month you'd be debt-free "
                "in roughly 24-25 months and pay around $4,500 in interest. Snowball (smallest balance first) would "
                "take about the same time but cost a few hundred dollars more.",
            ),
            ("user", "what if I get a 0% balance transfer card for 15 months with a 3% fee?"),
        ],
        C,
        True,
        "chat",
    ),
    chat(
        [
            ("user", "Explain how stock options work, calls vs puts. I keep seeing people on reddit losing everything"),
            (
                "assistant",
                "A call option gives you the right to buy 100 shares at a set price (the strike) before a date; you "
                "profit if the stock rises well above the strike. A put gives you the right to sell at the strike, so "
                "it gains when the stock falls. You pay a premium up front, and if the option expires worthless you "
                "lose all of it, which is why short-dated bets so often go to zero.",
            ),
            ("user", "and then? what about selling them instead"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Tengo 15.000 € ahorrados y quiero invertirlos a 5 años. Perfil moderado, ya tengo fondo de "
                "emergencia aparte. ¿Cómo lo repartirías?",
            ),
            (
                "assistant",
                "Para 5 años y perfil moderado, un reparto razonable sería algo así: 50% en un fondo indexado de "
                "renta variable global, 35% en un fondo de renta fija a corto y medio plazo y 15% en depósitos o "
                "letras del Tesoro. Conviene usar fondos de bajo coste y aportar de una vez o en 3-6 meses.",
            ),
            ("user", "¿y si lo quiero más conservador?"),
        ],
        C,
        False,
        "chat",
        "es",
    ),
    chat(
        [
            (
                "system",
                "You are a CFO-for-hire advisor for small business owners. Be practical and show the numbers.",
            ),
            (
                "user",
                "My bakery does $42k revenue a month. Ingredients/packaging are 38% of revenue, labour is 31%, rent "
                "$6k, everything else about $3.5k. Should I hire another baker at $3,500/month all-in if it lets me "
                "open on Mondays and add maybe $8k revenue?",
            ),
            (
                "assistant",
                "Current monthly profit: 42,000 - 15,960 (38%) - 13,020 (31%) - 6,000 - 3,500 = about $3,520. Monday "
                "opening: +8,000 revenue, -3,040 ingredients, -3,500 new baker, maybe -300 extra utilities, so roughly "
                "+$1,160 a month, a third more profit. Break-even for the hire is about $6,000 of extra monthly "
                "revenue. If you're unsure about $8k, try it for 8 weeks with a part-time contract first.",
            ),
            ("user", "shorter please, for my business partner"),
        ],
        C,
        True,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Je viens d'hériter de 80 000 €. J'ai 42 ans, pas de crédit sauf la résidence principale. Assurance-"
                "vie ou PEA ? Je ne toucherai pas à cet argent avant au moins 10 ans.",
            ),
            (
                "assistant",
                "Sur 10 ans, les deux se complètent. Le PEA est idéal pour les actions européennes et les ETF "
                "éligibles (dont certains ETF monde), avec une fiscalité allégée après 5 ans. L'assurance-vie est "
                "plus souple (fonds euros, unités de compte, transmission). Une répartition courante : 50 000 € sur un "
                "PEA en ETF monde, 30 000 € sur une assurance-vie en ligne.",
            ),
            ("user", "et pour les frais ?"),
        ],
        C,
        False,
        "chat",
        "fr",
    ),
    chat(
        [
            ("user", "walk me through reading a 10-K as a retail investor. which sections actually matter?"),
            (
                "assistant",
                "Start with four sections: 1) Item 1, Business, to understand how the company makes money; 2) Item "
                "1A, Risk Factors, skimming for anything specific rather than boilerplate; 3) Item 7, MD&A, where "
                "management explains the numbers; 4) Item 8, the financial statements and their notes, especially "
                "revenue recognition, debt and segment data.",
            ),
            ("user", "what about the second one? how do i tell boilerplate from real risk"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "I bought 0.5 BTC at $60k and it's at $42k now. US taxpayer. Should I sell to harvest the loss before "
                "Dec 31 and buy back?",
            ),
            (
                "assistant",
                "Selling would realise a loss of about $9,000, which can offset capital gains and then up to $3,000 "
                "of ordinary income a year, with the rest carried forward. Buying back right away is common with "
                "crypto, but keep good records of the dates and prices for your tax software.",
            ),
            ("user", "ok and the wash sale thing?"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Mình lương 20 triệu/tháng, chi tiêu khoảng 11 triệu. Muốn mua căn hộ 2 tỷ trong 5 năm nữa, vay "
                "ngân hàng tối đa 70%. Lập kế hoạch tiết kiệm giúp mình với.",
            ),
            (
                "assistant",
                "Bạn cần tự có khoảng 600 triệu (30%) cộng thêm 3-5% chi phí thủ tục, tức khoảng 680 triệu. Với "
                "9 triệu tiết kiệm mỗi tháng trong 60 tháng bạn có 540 triệu, nếu gửi tiết kiệm lãi 5%/năm thì được "
                "khoảng 610 triệu. Như vậy vẫn thiếu khoảng 70 triệu.",
            ),
            ("user", "tiếp đi"),
        ],
        C,
        True,
        "chat",
        "vi",
    ),
    chat(
        [
            (
                "system",
                "You are LedgerBot, the bookkeeping assistant for QuickLedger small-business users. Explain entries "
                "in plain language.",
            ),
            (
                "user",
                "A customer paid me a $2,000 deposit today for a kitchen job I'll do next month. How do I record it?",
            ),
            (
                "assistant",
                "Record it as a liability, not income yet: debit Cash $2,000, credit Customer Deposits (unearned "
                "revenue) $2,000. It becomes income when you do the work.",
            ),
            ("user", "and when I finish the job?"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "user",
                "Ik wil mijn hypotheek oversluiten. Huidige rente 4,1%, nog 22 jaar looptijd, restschuld 240.000 "
                "euro. De nieuwe bank biedt 3,4% maar ik moet 6.500 euro boeterente betalen plus 1.800 advieskosten. "
                "Loont het?",
            ),
            (
                "assistant",
                "Ruwe schatting: 0,7% van 240.000 is ongeveer 1.680 euro rente per jaar minder (bruto, daarna "
                "hypotheekrenteaftrek). Met 8.300 euro kosten verdien je het bruto in ongeveer 5 jaar terug, netto "
                "eerder 7 jaar. Bij 22 jaar looptijd loont het dus waarschijnlijk wel.",
            ),
            ("user", "en als ik het pas over 2 jaar doe?"),
        ],
        C,
        True,
        "chat",
        "nl",
    ),
]

ROWS += [
    text("T/F with a one-line reason: a company can be profitable and still run out of cash.", C, False, "mcq"),
    text(
        "Exam Q (6 marks): A project costs $100,000 today and returns $30,000 at the end of each year for 4 years. "
        "The discount rate is 8%. Calculate the NPV and state whether the firm should accept the project. What "
        "discount rate would make the NPV zero, roughly?",
        C,
        True,
        "mcq",
    ),
    chat(
        [
            (
                "user",
                "I'm self-employed (sole prop), net about $120k. Should I set up a SEP IRA or a Solo 401k? no "
                "employees",
            ),
            (
                "assistant",
                "Both let you save a lot pre-tax. A SEP IRA is simpler: you contribute up to 25% of net "
                "self-employment earnings (after the SE tax adjustment). A Solo 401k lets you add an employee "
                "deferral on top of the employer contribution and offers a Roth option, at the cost of a bit more "
                "paperwork once the balance is large.",
            ),
            ("user", "ok and which one lets me put in more at my income?"),
        ],
        C,
        False,
        "chat",
    ),
    chat(
        [
            (
                "system",
                "You are Harbor, the virtual assistant of Harbor Credit Union. Answer questions about our accounts, "
                "loans and cards. Rates: 12-month share certificate 4.25% APY, money market 3.10% APY.",
            ),
            (
                "user",
                "whats the difference between your share certificate and the money market, I have 10k sitting around",
            ),
        ],
        C,
        False,
        "persona",
    ),
    text(
        "Sort each expense as fixed or variable, same format:\nRent -> fixed\nGroceries -> variable\nCar "
        "insurance -> fixed\nElectricity ->\nGym membership ->\nEating out ->\nStreaming subscriptions ->",
        C,
        False,
        "fewshot",
    ),
]
