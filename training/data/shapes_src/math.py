"""Math rows in real-traffic shapes."""

from training.data.shapes_src.rows import chat, pc, t

CATEGORY = "math"

ROWS = [
    # --- exam / MCQ / true-false / short answer ---
    t(
        "mcq",
        """Which of the following is the derivative of f(x) = x^x for x > 0?
A) x·x^(x−1)
B) x^x·ln x
C) x^x·(1 + ln x)
D) x^x / ln x
Answer with the letter.""",
        "yes",
    ),
    t("mcq", "True or False: every continuous function on the open interval (0,1) is bounded."),
    t(
        "mcq",
        """Examen parcial de Álgebra Lineal – Ejercicio 2 (respuesta corta)
Determine si los vectores v1 = (1, 2, −1), v2 = (2, 0, 3) y v3 = (4, 4, 1) son linealmente independientes en R³. Justifique con el determinante o con eliminación gaussiana.""",
        "yes",
    ),
    t(
        "mcq",
        """QCM probabilités (terminale) : on lance deux dés équilibrés à six faces. Quelle est la probabilité que la somme soit égale à 8 ?
A) 1/6   B) 5/36   C) 7/36   D) 1/9
Répondre par la lettre puis justifier.""",
        "yes",
    ),
    t("mcq", "If 3x − 7 = 2x + 5, what is the value of x?\n(A) 2  (B) −2  (C) 12  (D) −12"),
    t(
        "mcq",
        "选择题：已知函数 f(x) = x³ − 3x + 1，则 f(x) 的单调递减区间是（  ）\n"
        "A. (−∞, −1)   B. (−1, 1)   C. (1, +∞)   D. (−∞, −1) ∪ (1, +∞)\n请写出求导过程",
        "yes",
    ),
    t("mcq", "Statistik-Klausur Aufgabe 1a: Bestimmen Sie den Median der Stichprobe 3, 9, 4, 7, 12, 4."),
    t(
        "mcq",
        """Stats 101 quiz. A 95% confidence interval for the mean commute time is (22.4, 27.8) minutes. Which interpretation is correct?
A. 95% of commuters take between 22.4 and 27.8 minutes.
B. There is a 95% probability the sample mean is in the interval.
C. If we repeated the sampling many times, about 95% of intervals built this way would contain the true mean.
D. The true mean is 25.1 minutes with 95% certainty.""",
    ),
    # --- persona / system preamble ---
    t(
        "persona",
        "You are a brilliant research mathematician. Prove that √2 + √3 is irrational. Be rigorous but don't skip "
        "the step where you square things.",
        "yes",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "You are an experienced statistics professor. Answer precisely, show formulas, and flag common "
                "misconceptions.",
            ),
            (
                "user",
                "In a two-sided t-test with n = 25 I got t = 2.1. Is that significant at 5%? And what would the p "
                "value roughly be?",
            ),
        ],
        "yes",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "あなたは数学オリンピックのコーチです。ヒントを段階的に出し、最後に完全な解答を示してください。",
            ),
            ("user", "正の整数 n で、n² + n + 41 が素数にならない最小の n を求めよ。なぜそうなるかも。"),
        ],
        "yes",
    ),
    t(
        "persona",
        "Представь, что ты опытный преподаватель матанализа, но объясняй как другу. Вычисли ∫ x·e^(2x) dx и "
        "покажи, почему именно так выбираем u и dv.",
        "yes",
    ),
    t(
        "persona",
        "You are a highly intelligent AI assistant that never makes arithmetic mistakes. A rectangle's length is "
        "3 cm more than twice its width and its area is 44 cm². Find its dimensions.",
        "yes",
    ),
    # --- format-only instructions ---
    t("format", "Is 2^31 − 1 a prime number? Answer Y or N only."),
    t("format", 'Reply in JSON only, like {"roots": [...]}: solve x^2 - 5x + 6 = 0'),
    t("format", "one word answer: is the set of rational numbers countable"),
    t("format", "Rispondi solo con il numero, niente testo: quanto fa il 17% di 240?"),
    t("format", "답만 말해줘 (풀이 X): 3/8 + 5/12 = ?"),
    # --- pasted documents ---
    t(
        "document",
        """Can you check my proof? This is for my real analysis problem set, due Friday. I'm not sure the part where I choose N is right, and the TA said last time I was sloppy with the epsilon.

Problem 3. Let (a_n) be a sequence of real numbers with a_n → L. Define b_n = (a_1 + a_2 + ... + a_n)/n. Prove that b_n → L.

My proof.

Let ε > 0. Since a_n → L, there exists N1 such that |a_n − L| < ε/2 for all n > N1.

Now write

b_n − L = (1/n) Σ_{k=1}^{n} (a_k − L)
        = (1/n) Σ_{k=1}^{N1} (a_k − L) + (1/n) Σ_{k=N1+1}^{n} (a_k − L).

Call the first sum A_n and the second B_n.

For B_n: each term |a_k − L| < ε/2 for k > N1, and there are n − N1 terms, so

|B_n| ≤ (1/n)(n − N1)(ε/2) < ε/2.

For A_n: the numerator S = Σ_{k=1}^{N1} (a_k − L) is a fixed number that doesn't depend on n. So |A_n| = |S|/n, and this goes to 0 as n → ∞. So there exists N2 such that |A_n| < ε/2 for n > N2; explicitly we can take N2 = 2|S|/ε.

Let N = max(N1, N2). Then for n > N,

|b_n − L| ≤ |A_n| + |B_n| < ε/2 + ε/2 = ε.

Hence b_n → L. ∎

Part (b) of the problem asks: is the converse true, i.e. if b_n → L must a_n → L? I said yes because "the averages converge so the terms must too", but my friend says the sequence a_n = (−1)^n is a counterexample. Is she right? If she is, how do I write that properly, and what's the limit of b_n for that sequence?

Also, the problem set has a bonus question: "Show that if a_n → +∞ then b_n → +∞." Can I basically reuse my proof with M instead of ε? I tried: given M, choose N1 with a_n > 2M for n > N1, then b_n ≥ (1/n)(sum of the first N1 terms) + (n − N1)/n · 2M, but the first part could be very negative, so I'm stuck on how to handle it cleanly. Please don't just write the whole answer for the bonus, give me a hint for that one, but please do check the main proof line by line.""",
        "yes",
    ),
    t(
        "document",
        """Stats homework, I've pasted the data and the questions. I just need help with Q2 and Q3, I think I did Q1 right (mean hours = 4.9, mean score = 70.5).

Data: hours studied (x) and exam score (y) for 12 students in our section.

| student | hours (x) | score (y) |
|---|---|---|
| 1 | 2 | 55 |
| 2 | 3 | 61 |
| 3 | 5 | 70 |
| 4 | 1 | 48 |
| 5 | 6 | 78 |
| 6 | 4 | 66 |
| 7 | 8 | 88 |
| 8 | 7 | 80 |
| 9 | 5 | 73 |
| 10 | 3 | 60 |
| 11 | 9 | 90 |
| 12 | 6 | 77 |

Given (from the worksheet): Σx = 59, Σy = 846, Σx² = 355, Σxy = 4476, Σy² = 61092.

Questions:
Q1. Compute the sample means of x and y.
Q2. Find the least-squares regression line ŷ = b0 + b1·x. Show the formula for b1 using Sxy and Sxx and give both coefficients to 2 decimals.
Q3. Compute Pearson's correlation coefficient r and the coefficient of determination R². Interpret R² in one sentence in the context of the data.
Q4. Predict the score of a student who studies 10 hours. Comment on whether this prediction is an extrapolation.
Q5. Compute the residual for student 7.

Instructions from the worksheet: "Show all intermediate sums. Round only at the final step. You may use a calculator but not software. Answers without working receive no credit."

My attempt at Q2: I did b1 = Σxy / Σx² = 4476/355 = 12.6 and b0 = 70.5 − 12.6·4.9 which is negative, that can't be right since a student with 0 hours wouldn't get a negative score? Where did I go wrong? I think I need Sxy = Σxy − (Σx)(Σy)/n but I'm not sure what n to use and whether Sxx is the same idea. Also for Q3, do I need Syy too? The worksheet gives Σy² so I guess yes.

Our teacher also said "a correlation above 0.9 does not prove that studying causes higher scores", and asked us to write one sentence about why. I'd like a short hint on that too, but mainly the numbers.

Please go step by step, I want to be able to redo it on the exam without help.""",
        "yes",
    ),
    t(
        "document",
        """Meu professor passou esse desafio de lógica para a turma e ninguém conseguiu. Dá para resolver explicando o raciocínio passo a passo? Copiei exatamente como estava na folha.

"O CONDOMÍNIO DAS CINCO CASAS

Em uma rua há cinco casas, numeradas de 1 a 5 da esquerda para a direita. Cada casa tem uma cor diferente, em cada uma mora uma pessoa de profissão diferente, que tem um animal de estimação diferente, prefere uma bebida diferente e pratica um esporte diferente.

Cores: azul, verde, vermelha, branca, amarela.
Profissões: médica, professor, engenheira, advogado, padeiro.
Animais: gato, cachorro, peixe, papagaio, tartaruga.
Bebidas: café, chá, suco, leite, água.
Esportes: futebol, natação, vôlei, corrida, xadrez.

Pistas:
1. A médica mora na casa vermelha.
2. O professor tem um cachorro.
3. Na casa verde se bebe café.
4. A casa verde fica imediatamente à direita da casa branca.
5. O padeiro pratica natação.
6. Quem mora na casa amarela joga vôlei.
7. Na casa do meio (3) se bebe leite.
8. A engenheira mora na primeira casa.
9. Quem joga xadrez mora ao lado de quem tem gato.
10. Quem tem papagaio mora ao lado de quem joga vôlei.
11. Quem corre bebe suco.
12. O advogado joga futebol.
13. A engenheira mora ao lado da casa azul.
14. Quem joga xadrez mora ao lado de quem bebe água.
15. A tartaruga vive na casa do padeiro.
16. O professor bebe chá.

Pergunta: quem tem o peixe? E qual é a bebida de cada casa?"

Tentei montar uma tabela 5x5 mas me perdi nas pistas 9, 10 e 14, que são de vizinhança. Também não sei se o enigma tem solução única ou se falta alguma pista. Se faltar, diga qual informação extra tornaria a solução única. E, se possível, explique uma estratégia geral para esse tipo de problema, porque a prova vai ter um parecido.""",
        "yes",
    ),
    # --- few-shot ---
    t(
        "fewshot",
        """Solve like the examples: one line of working, then the answer.

Q: A shirt costs $40 and is 25% off. Sale price?
Working: 40 × 0.75 = 30
A: $30

Q: 3 pens cost $4.50. How much do 7 pens cost?
Working: 4.50 / 3 = 1.50; 1.50 × 7 = 10.50
A: $10.50

Q: A car travels 150 km in 2.5 hours. At the same speed, how far does it go in 4 hours?
Working:""",
    ),
    pc(
        "fewshot",
        """Simplify each expression.

Input: (x^2 - 9)/(x - 3)
Output: x + 3, for x ≠ 3

Input: (2x^2 + 4x)/(2x)
Output: x + 2, for x ≠ 0

Input: (x^2 - 5x + 6)/(x^2 - 4)
Output:""",
        "(x − 3)/(x + 2), for x ≠ 2 and x ≠ −2",
        "yes",
    ),
    t(
        "fewshot",
        """Örneklerdeki gibi çöz:

Soru: 2x + 3 = 11
Çözüm: 2x = 8 → x = 4

Soru: 5(x − 1) = 3x + 7
Çözüm: 5x − 5 = 3x + 7 → 2x = 12 → x = 6

Soru: (x + 2)/3 = (2x − 1)/5
Çözüm:""",
    ),
    # --- bare questions ---
    t("bare", "derivative of sin^2(x)"),
    t("bare", "what is 15 percent of 80"),
    t("bare", "पाइथागोरस प्रमेय का प्रमाण कैसे करते हैं?", "yes"),
    t("bare", "integral of 1/(x^2+1)"),
    t("bare", "berapa akar kuadrat dari 196"),
    t("bare", "is zero an even number"),
    # --- multi-turn chats: frame first, short follow-up last ---
    chat(
        "chat",
        [
            ("user", "Prove by induction that 1 + 3 + 5 + ... + (2n−1) = n² for all n ≥ 1."),
            (
                "assistant",
                "Base case n = 1: the left side is 1 and 1² = 1. Inductive step: assume 1 + 3 + ... + (2k−1) = k². "
                "Add the next odd number 2(k+1)−1 = 2k+1 to both sides: the sum becomes k² + 2k + 1 = (k+1)². So "
                "the statement holds for k+1, and by induction for all n ≥ 1.",
            ),
            ("user", "ok now do the same for sum of cubes = (n(n+1)/2)^2"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            (
                "user",
                "A bag has 5 red and 3 blue marbles. I draw 3 without replacement. What's the probability exactly "
                "2 are red?",
            ),
            (
                "assistant",
                "Count favourable over total: C(5,2)·C(3,1) / C(8,3) = (10·3)/56 = 30/56 = 15/28 ≈ 0.536.",
            ),
            ("user", "and with replacement?"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            ("user", "¿Cómo se resuelve la ecuación 2^(x+1) = 3^x? No me sale con logaritmos"),
            (
                "assistant",
                "Toma logaritmo natural en ambos lados: (x+1)·ln 2 = x·ln 3. Expande: x·ln 2 + ln 2 = x·ln 3, "
                "así que x(ln 3 − ln 2) = ln 2 y x = ln 2 / ln(3/2) ≈ 1,7095.",
            ),
            ("user", "sigue, cómo lo compruebo"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "帮我算一下这个矩阵的特征值：[[2, 1], [1, 2]]"),
            (
                "assistant",
                "特征方程 det(A − λI) = (2−λ)² − 1 = 0，所以 2−λ = ±1，λ₁ = 1，λ₂ = 3。",
            ),
            ("user", "那特征向量呢？"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Puzzle: three boxes labelled Apples, Oranges, Mixed. ALL labels are wrong. You can pick one fruit "
                "from one box without looking. How do you fix all labels?",
            ),
            (
                "assistant",
                "Pick from the box labelled Mixed. Since its label is wrong, it holds only one kind. If you get an "
                "apple, that box is Apples.",
            ),
            ("user", "then what? how do I know the other two"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            (
                "system",
                "You are a calculus assistant for a homework app. Show each step on its own line. Use LaTeX.",
            ),
            ("user", "lim x→0 (1 − cos x)/x²"),
            (
                "assistant",
                "Use $1-\\cos x = 2\\sin^2(x/2)$:\n$\\frac{1-\\cos x}{x^2} = \\frac{2\\sin^2(x/2)}{x^2}$\n"
                "$= \\frac{1}{2}\\left(\\frac{\\sin(x/2)}{x/2}\\right)^2$\n$\\to \\frac{1}{2}\\cdot 1 = \\frac{1}{2}$",
            ),
            ("user", "can u do it with l'hopital instead"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Bir sınıfta 30 öğrenci var. En az iki öğrencinin aynı gün doğmuş olma olasılığı nedir? (365 gün)",
            ),
            (
                "assistant",
                "Tümleyenle hesaplayalım: hepsinin farklı günde doğma olasılığı 365·364·…·336 / 365³⁰ ≈ 0,294. "
                "Dolayısıyla en az iki kişinin aynı gün doğma olasılığı ≈ 1 − 0,294 = 0,706, yani yaklaşık %70,6.",
            ),
            ("user", "peki kaç kişide %50'yi geçer?"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            ("user", "Wie rechne ich die Standardabweichung von 4, 8, 6, 5, 7 aus? (Stichprobe)"),
            (
                "assistant",
                "Mittelwert: (4+8+6+5+7)/5 = 6. Abweichungen zum Quadrat: 4, 4, 0, 1, 1, Summe 10. "
                "Stichprobenvarianz: 10/(5−1) = 2,5. Standardabweichung: √2,5 ≈ 1,58.",
            ),
            ("user", "kürzer bitte, nur die Formel"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Find all real x with |x − 1| + |x + 2| = 5, I keep getting only one answer",
            ),
            (
                "assistant",
                "Split at x = −2 and x = 1.\n• x ≥ 1: (x−1) + (x+2) = 2x + 1 = 5 → x = 2 ✓.\n• −2 ≤ x < 1: "
                "(1−x) + (x+2) = 3 ≠ 5, no solution.\n• x < −2: (1−x) − (x+2) = −2x − 1 = 5 → x = −3 ✓.\n"
                "So x = 2 or x = −3.",
            ),
            ("user", "why is the middle one 3 always"),
        ],
    ),
    # --- more rows ---
    t("mcq", "Prawda czy fałsz: suma dwóch liczb niewymiernych jest zawsze liczbą niewymierną. Podaj przykład."),
    chat(
        "persona",
        [
            (
                "system",
                "Sei un assistente di matematica per studenti delle superiori. Rispondi in italiano, con calma.",
            ),
            ("user", "come si calcola il m.c.m. di 12, 18 e 30?"),
        ],
    ),
    t("format", "just the number pls: 7! / 5!"),
    t("bare", "cách tính diện tích hình thang"),
    t(
        "fewshot",
        """Zet om zoals in de voorbeelden.

Breuk: 3/4 → Decimaal: 0,75 → Procent: 75%
Breuk: 1/8 → Decimaal: 0,125 → Procent: 12,5%
Breuk: 2/5 → Decimaal: 0,4 → Procent: 40%
Breuk: 7/20 →""",
    ),
    chat(
        "chat",
        [
            ("user", "ما هو مجموع زوايا مضلع منتظم له 9 أضلاع؟ وكم قياس كل زاوية؟"),
            (
                "assistant",
                "مجموع الزوايا الداخلية = (ن − 2) × 180 = 7 × 180 = 1260 درجة. وبما أن المضلع منتظم، "
                "فقياس كل زاوية = 1260 ÷ 9 = 140 درجة.",
            ),
            ("user", "والزاوية الخارجية؟"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Explain how to compute a 3x3 determinant using cofactor expansion, with the matrix "
                "[[2,0,1],[1,3,2],[1,1,1]] as the example",
            ),
            (
                "assistant",
                "Expand along the first row: det = 2·det([[3,2],[1,1]]) − 0·det([[1,2],[1,1]]) + 1·det([[1,3],[1,1]]).\n"
                "det([[3,2],[1,1]]) = 3·1 − 2·1 = 1, so the first term is 2.\nThe middle term is 0 because its "
                "entry is 0.\ndet([[1,3],[1,1]]) = 1·1 − 3·1 = −2, so the last term is −2.\nTotal: 2 + 0 − 2 = 0, "
                "which also tells you the matrix is singular.",
            ),
            ("user", "shorter please"),
        ],
    ),
    # --- English additions ---
    t(
        "mcq",
        "GRE quant practice: the average of five consecutive even integers is 16. What is the largest of them?\n"
        "(A) 18  (B) 20  (C) 22  (D) 24",
    ),
    t("mcq", "Discrete math final, short answer: how many bit strings of length 10 contain exactly three 1s?"),
    t(
        "persona",
        "You are a world-class competition math coach. Find all integer pairs (x, y) with x² − y² = 45, and "
        "explain the factoring trick so I can reuse it.",
        "yes",
    ),
    t("format", "Final answer only, no steps: d/dx ln(3x^2 + 1)"),
    t("bare", "how do you find the inverse of a 2x2 matrix"),
    chat(
        "chat",
        [
            ("user", "is 0.999... repeating really equal to 1? my friend refuses to believe it"),
            (
                "assistant",
                "Yes, they are the same real number. Three arguments:\n1. 1/3 = 0.333..., so 3 × 1/3 = 0.999... = 1.\n"
                "2. Let x = 0.999...; then 10x = 9.999..., subtract: 9x = 9, so x = 1.\n3. The gap 1 − 0.999... would "
                "have to be smaller than 1/10ⁿ for every n, and the only such non-negative real number is 0.",
            ),
            ("user", "explain the third one again simpler"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            ("user", "solve 2x + 3y = 12 and x - y = 1"),
            (
                "assistant",
                "From the second equation x = y + 1. Substitute: 2(y + 1) + 3y = 12 → 5y = 10 → y = 2, so x = 3.",
            ),
            ("user", "now check it"),
        ],
    ),
    pc(
        "mcq",
        "A fair coin is flipped 4 times. What is the probability of getting exactly 2 heads?\n"
        "A) 1/4  B) 3/8  C) 1/2  D) 5/16",
        "B) 3/8, since C(4,2)/2^4 = 6/16.",
    ),
    pc(
        "fewshot",
        """Continue each sequence and name the rule.

2, 4, 8, 16 -> 32 (doubling)
1, 4, 9, 16 -> 25 (squares)
1, 1, 2, 3, 5 -> 8 (each term is the sum of the previous two)
2, 6, 12, 20, 30 ->""",
        "42 (n(n+1): 1·2, 2·3, 3·4, 4·5, 5·6, 6·7)",
        "yes",
    ),
    t("bare", "how to convert a repeating decimal to a fraction"),
    chat(
        "chat",
        [
            ("user", "prove there are infinitely many primes"),
            (
                "assistant",
                "Suppose there are finitely many primes p1, ..., pk. Let N = p1·p2·...·pk + 1. Dividing N by any pi "
                "leaves remainder 1, so no pi divides N. But N > 1 has a prime factor, which must then be a prime not "
                "on the list, a contradiction. So there are infinitely many primes.",
            ),
            ("user", "ok but is N itself always prime?"),
        ],
        "yes",
    ),
    t("format", "Reply with LaTeX only: the quadratic formula"),
]
