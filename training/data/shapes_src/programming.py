"""Programming rows in real-traffic shapes."""

from training.data.shapes_src.rows import chat, pc, t

CATEGORY = "programming"

ROWS = [
    # --- exam / MCQ / true-false / short answer ---
    t(
        "mcq",
        """Which of the following Python expressions evaluates to True?
A) [] is []
B) () is ()
C) [1, 2] is [1, 2]
D) {} is {}
Answer with the letter only.""",
    ),
    t(
        "mcq",
        "True or False: in JavaScript, declaring an object with const makes its properties immutable. "
        "Give T or F and one sentence why.",
    ),
    t(
        "mcq",
        """Pregunta 7 del parcial de Bases de Datos (2 pts)

Tabla ventas(id, vendedor, monto, fecha). ¿Cuál de las siguientes consultas devuelve los vendedores cuyo total vendido en 2023 supera los 10.000?

a) SELECT vendedor FROM ventas WHERE SUM(monto) > 10000 AND YEAR(fecha)=2023 GROUP BY vendedor;
b) SELECT vendedor FROM ventas WHERE YEAR(fecha)=2023 GROUP BY vendedor HAVING SUM(monto) > 10000;
c) SELECT vendedor, SUM(monto) FROM ventas GROUP BY vendedor HAVING YEAR(fecha)=2023 AND SUM(monto) > 10000;
d) SELECT DISTINCT vendedor FROM ventas HAVING SUM(monto) > 10000;

Justifica por qué las otras están mal""",
        "yes",
    ),
    t(
        "mcq",
        """CS 2110 midterm practice, Q4 (5 pts). What does this print? Show your trace.

#include <stdio.h>
int main(void) {
    int a[] = {3, 1, 4, 1, 5};
    int *p = a + 1;
    int s = 0;
    for (int i = 0; i < 3; i++) {
        s += *p++ * i;
    }
    printf("%d %d\\n", s, *p);
    return 0;
}""",
        "yes",
    ),
    t(
        "mcq",
        """Klausuraufgabe Algorithmen & Datenstrukturen:
Welche Worst-Case-Laufzeit hat das Einfügen in einen binären Suchbaum ohne Balancierung mit n Knoten?
(A) O(1)  (B) O(log n)  (C) O(n)  (D) O(n log n)
Bitte nur den Buchstaben.""",
    ),
    t(
        "mcq",
        """OCP Java 17 practice question - I keep getting this wrong, explain please

Given:
var list = new ArrayList<Integer>(List.of(1, 2, 3, 4));
for (Integer i : list) {
    if (i % 2 == 0) list.remove(i);
}
System.out.println(list);

What is the result?
A. [1, 3]
B. [1, 3, 4]
C. A ConcurrentModificationException is thrown
D. Compilation fails""",
        "yes",
    ),
    t(
        "mcq",
        "以下哪个 git 命令可以撤销最近一次提交，但保留工作区里的修改？\n"
        "A. git reset --hard HEAD~1\nB. git reset --soft HEAD~1\nC. git revert HEAD\nD. git checkout HEAD~1\n只回答字母",
    ),
    # --- persona / system preamble ---
    chat(
        "persona",
        [
            (
                "system",
                "You are a senior Rust engineer. Review code tersely, point at the exact line, and suggest the "
                "smallest fix that compiles.",
            ),
            (
                "user",
                """why does this not compile

fn longest_word(text: &String) -> &str {
    let words: Vec<&str> = text.split(' ').collect();
    let mut best = String::new();
    for w in words {
        if w.len() > best.len() { best = w.to_string(); }
    }
    &best
}""",
            ),
        ],
        "yes",
    ),
    t(
        "persona",
        "Act as an expert Kotlin developer with 10 years of Android experience. I need an extension function on "
        "Flow<T> that debounces but always emits the very first value immediately. Coroutines 1.7.",
    ),
    t(
        "persona",
        "You are a highly intelligent and helpful coding assistant. Write a bash script that finds every .log "
        "file older than 14 days under /var/app, gzips it, and moves it into /var/app/archive/YYYY-MM/ based on "
        "the file's mtime. Must be safe with spaces in filenames.",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "あなたは経験豊富なバックエンドエンジニアです。回答は日本語で、コード例はDjango 4.2前提でお願いします。",
            ),
            (
                "user",
                "注文一覧のビューで Order.objects.all() をループして order.customer.name を表示しているんですが、"
                "SQLが数百本発行されてます。どう直すのが正しいですか？",
            ),
        ],
    ),
    t(
        "persona",
        """Aja como um dev sênior de React e revisa esse componente pra mim, sem dó:

function Lista({ itens }) {
  const [filtro, setFiltro] = useState("")
  const filtrados = itens.filter(i => i.nome.includes(filtro))
  useEffect(() => { document.title = filtrados.length + " itens" })
  return <>
    <input onChange={e => setFiltro(e.target.value)} />
    {filtrados.map(i => <Item {...i} />)}
  </>
}""",
    ),
    # --- format-only instructions ---
    t("format", "Does the regex ^[a-z]+\\d{2}$ match the string abc123? Answer Y or N only."),
    t(
        "format",
        """Reply in JSON only, with keys "bug" and "fix". No prose.

def avg(xs):
    total = 0
    for x in xs:
        total += x
    return total / len(xs) if xs else total / 1""",
    ),
    t("format", "one word answer: which HTTP verb is supposed to be idempotent, POST or PUT"),
    t(
        "format",
        "Réponds uniquement avec le code, aucune explication : une fonction JS qui regroupe un tableau "
        "d'objets par une clé donnée (groupBy), sans lodash.",
    ),
    t("format", "코드만 출력해. 설명 쓰지 마. 파이썬 리스트에서 순서 유지하면서 중복 제거하는 한 줄짜리"),
    # --- pasted documents ---
    t(
        "document",
        """this script runs every 5 min from cron and sometimes the stock counts in the DB end up DOUBLE what the supplier feed says. can't reproduce locally. what's wrong?

```python
import csv
import logging
import os
import time
from datetime import datetime

import psycopg2
import requests

FEED_URL = os.environ["SUPPLIER_FEED_URL"]
DB_DSN = os.environ["INVENTORY_DSN"]
LOCK_FILE = "/tmp/inventory_sync.lock"
log = logging.getLogger("sync")


def acquire_lock():
    if os.path.exists(LOCK_FILE):
        age = time.time() - os.path.getmtime(LOCK_FILE)
        if age < 600:
            return False
        log.warning("stale lock (%.0fs), taking over", age)
    with open(LOCK_FILE, "w") as fh:
        fh.write(str(os.getpid()))
    return True


def release_lock():
    try:
        os.remove(LOCK_FILE)
    except FileNotFoundError:
        pass


def fetch_feed():
    resp = requests.get(FEED_URL, timeout=120)
    resp.raise_for_status()
    rows = list(csv.DictReader(resp.text.splitlines()))
    log.info("feed has %d rows", len(rows))
    return rows


def apply_feed(conn, rows):
    cur = conn.cursor()
    for row in rows:
        sku = row["sku"].strip()
        qty = int(row["qty"])
        cur.execute("SELECT qty FROM stock WHERE sku = %s", (sku,))
        current = cur.fetchone()
        if current is None:
            cur.execute("INSERT INTO stock (sku, qty, updated_at) VALUES (%s, %s, %s)", (sku, qty, datetime.utcnow()))
        else:
            delta = qty - current[0]
            cur.execute(
                "UPDATE stock SET qty = qty + %s, updated_at = %s WHERE sku = %s",
                (delta, datetime.utcnow(), sku),
            )
        # commit per row so a bad row doesn't lose the whole batch
        conn.commit()


def report(conn):
    # ops team checks these every morning
    cur = conn.cursor()
    cur.execute("SELECT sku, qty, updated_at FROM stock WHERE qty < 0 ORDER BY updated_at DESC LIMIT 50")
    bad = cur.fetchall()
    for sku, qty, updated_at in bad:
        log.warning("negative stock for %s: %s (last update %s)", sku, qty, updated_at)
    if bad:
        requests.post(
            os.environ["SLACK_WEBHOOK"],
            json={"text": f"{len(bad)} SKUs have negative stock after sync, see logs"},
            timeout=10,
        )


def main():
    logging.basicConfig(level=logging.INFO)
    if not acquire_lock():
        log.info("another run in progress, exiting")
        return
    try:
        rows = fetch_feed()
        with psycopg2.connect(DB_DSN) as conn:
            apply_feed(conn, rows)
            report(conn)
    finally:
        release_lock()


if __name__ == "__main__":
    main()
```

the feed download sometimes takes 8-12 minutes when the supplier is slow btw. the warehouse app also does UPDATE stock SET qty = qty - 1 when something ships.""",
        "yes",
    ),
    t(
        "document",
        """Our CI started failing yesterday on every PR, nobody touched the workflow. Here is the workflow and the Dockerfile and the failing log. What changed and how do I pin it?

.github/workflows/ci.yml
```yaml
name: ci
on:
  pull_request:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:latest
        env:
          POSTGRES_PASSWORD: ci
        ports: ["5432:5432"]
        options: >-
          --health-cmd pg_isready
          --health-interval 5s
          --health-retries 10
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.x"
      - run: pip install -r requirements.txt
      - run: pytest -q
        env:
          DATABASE_URL: postgresql://postgres:ci@localhost:5432/postgres
  image:
    runs-on: ubuntu-latest
    needs: test
    steps:
      - uses: actions/checkout@v4
      - run: docker build -t app:${{ github.sha }} .
```

Dockerfile
```dockerfile
FROM python:slim
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["gunicorn", "app.wsgi:application", "-b", "0.0.0.0:8000"]
```

requirements.txt
```
django>=4.2
psycopg2-binary
gunicorn
pytest
pytest-django
lxml
```

log (test job):
```
Collecting psycopg2-binary
  Downloading psycopg2-binary-2.9.9.tar.gz (384 kB)
  Preparing metadata (setup.py) ... error
  error: subprocess-exited-with-error

  × python setup.py egg_info did not run successfully.
  │ exit code: 1
  ╰─> [23 lines of output]
      running egg_info
      ...
      Error: pg_config executable not found.

      pg_config is required to build psycopg2 from source.  Please add the directory
      containing pg_config to the $PATH or specify the full executable path with the
      option:

          python setup.py build_ext --pg-config /path/to/pg_config build ...

      If you prefer to avoid building psycopg2 from source, please install the PyPI
      'psycopg2-binary' package instead.
```

pytest.ini
```
[pytest]
DJANGO_SETTINGS_MODULE = app.settings.ci
addopts = -ra --strict-markers
markers =
    slow: takes more than a second
```

The image job never even starts because test fails. Locally on my Mac with Python 3.11 everything installs fine, and the last green run (Monday) printed "Successfully installed psycopg2-binary-2.9.9" and "Using CPython 3.12.3" in the setup-python step. Today's run shows "Using CPython 3.13.0" there.

it's funny because we ARE installing psycopg2-binary. what is going on""",
        "yes",
    ),
    t(
        "document",
        """Помогите разобраться с ошибкой, сервис падает при старте после обновления Spring Boot с 2.7 на 3.2. Код конфигурации и лог ниже.

```java
package ru.shop.config;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.orm.jpa.EntityManagerFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
public class OrdersDbConfig {

    @Primary
    @Bean(name = "ordersDataSource")
    @ConfigurationProperties(prefix = "orders.datasource")
    public DataSource ordersDataSource() {
        return DataSourceBuilder.create().build();
    }

    @Primary
    @Bean(name = "ordersEntityManagerFactory")
    public LocalContainerEntityManagerFactoryBean ordersEntityManagerFactory(
            EntityManagerFactoryBuilder builder,
            @Qualifier("ordersDataSource") DataSource dataSource) {
        return builder
                .dataSource(dataSource)
                .packages("ru.shop.orders.model")
                .persistenceUnit("orders")
                .build();
    }

    @Primary
    @Bean(name = "ordersTransactionManager")
    public PlatformTransactionManager ordersTransactionManager(
            @Qualifier("ordersEntityManagerFactory") EntityManagerFactory emf) {
        return new JpaTransactionManager(emf);
    }
}
```

application.yml:
```yaml
orders:
  datasource:
    url: jdbc:postgresql://db:5432/orders
    username: orders
    password: ${ORDERS_DB_PASSWORD}
    driver-class-name: org.postgresql.Driver
```

Лог:
```
***************************
APPLICATION FAILED TO START
***************************

Description:

Parameter 1 of method ordersTransactionManager in ru.shop.config.OrdersDbConfig required a bean of type 'javax.persistence.EntityManagerFactory' that could not be found.

Action:

Consider defining a bean of type 'javax.persistence.EntityManagerFactory' in your configuration.

2024-03-11T10:22:41.118+03:00 ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed
java.lang.IllegalArgumentException: dataSource or dataSourceClassName or jdbcUrl is required.
    at com.zaxxer.hikari.HikariConfig.validate(HikariConfig.java:1029)
    at com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:109)
```

Сущность, на всякий случай:
```java
package ru.shop.orders.model;

import javax.persistence.*;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Entity
@Table(name = "orders")
public class Order {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long clientId;

    private BigDecimal amount;

    private OffsetDateTime createdAt;

    // getters/setters
}
```

В pom.xml поменяли только parent на spring-boot-starter-parent 3.2.3 и java.version на 17, остальные зависимости (hibernate-types-52, springfox-swagger2 2.9.2) оставили как были.

Что уже пробовали: чистили ~/.m2 и пересобирали с mvn clean package -U, убирали @Primary с transactionManager, запускали с профилем local (там H2 и отдельный DataSource не создаётся) — в local всё стартует нормально. Второй DataSource (analytics) настроен так же, через свой конфиг-класс, и на нём та же ошибка, если закомментировать orders. На стенде переменная ORDERS_DB_PASSWORD точно задана, проверяли через env в контейнере.

Почему он ищет javax, если всё уже на jakarta? И вторая ошибка про jdbcUrl тоже непонятна, url же задан.""",
        "yes",
    ),
    # --- few-shot ---
    t(
        "fewshot",
        """Convert SQL to pandas.

SQL: SELECT name, age FROM users WHERE age > 30
pandas: users.loc[users["age"] > 30, ["name", "age"]]

SQL: SELECT city, COUNT(*) AS n FROM users GROUP BY city
pandas: users.groupby("city").size().reset_index(name="n")

SQL: SELECT u.name, SUM(o.total) AS spent FROM users u JOIN orders o ON o.user_id = u.id GROUP BY u.name ORDER BY spent DESC LIMIT 5
pandas:""",
    ),
    pc(
        "fewshot",
        """Write a one-line conventional commit message for each diff.

diff: - timeout=5 + timeout=30 (http_client.py)
message: fix(http): raise client timeout to 30s for slow upstreams

diff: + def slugify(title: str) -> str: ... (utils/text.py, new tests in tests/test_text.py)
message: feat(utils): add slugify helper with tests

diff: - import requests (unused) in 4 files; ruff config adds F401
message:""",
        "chore(lint): drop unused requests imports and enforce F401",
    ),
    t(
        "fewshot",
        '''Write Google-style docstrings like these examples.

def area(r):
    """Return the area of a circle.

    Args:
        r: Radius in metres.

    Returns:
        The area in square metres.
    """

def parse_date(s, fmt="%Y-%m-%d"):
    """Parse a date string.

    Args:
        s: The date text.
        fmt: strptime format.

    Returns:
        A datetime.date.

    Raises:
        ValueError: If s does not match fmt.
    """

Now do this one:

def retry(fn, attempts=3, backoff=0.5, exceptions=(IOError,)):
    for i in range(attempts):
        try:
            return fn()
        except exceptions:
            if i == attempts - 1:
                raise
            time.sleep(backoff * 2 ** i)''',
    ),
    t(
        "fewshot",
        """Spiega cosa fa ogni regex, come negli esempi.

Regex: ^\\d{5}$
Spiegazione: esattamente cinque cifre (es. un CAP italiano)

Regex: ^[A-Z]{2}\\d{2}[A-Z0-9]{1,30}$
Spiegazione: due lettere maiuscole, due cifre e poi da 1 a 30 caratteri alfanumerici maiuscoli (forma di un IBAN)

Regex: ^(?=.*[A-Z])(?=.*\\d)(?!.*\\s).{10,}$
Spiegazione:""",
    ),
    # --- bare questions ---
    t("bare", "how to reverse a linked list in c"),
    t("bare", "python f string round float to 2 decimals"),
    t("bare", "Difference between let and var?"),
    t("bare", "cách dùng async await trong javascript với fetch"),
    t("bare", "java'da HashMap ile Hashtable farkı ne"),
    t("bare", "what does git rebase -i HEAD~3 actually do"),
    # --- multi-turn chats: frame first, short follow-up last ---
    chat(
        "chat",
        [
            ("system", "You are a coding assistant inside a Python IDE. Prefer type hints and small functions."),
            (
                "user",
                "write a FastAPI endpoint POST /notes that stores a note (title, body) in sqlite and returns its id",
            ),
            (
                "assistant",
                """```python
import sqlite3
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
DB = "notes.db"

class Note(BaseModel):
    title: str
    body: str

def init_db() -> None:
    with sqlite3.connect(DB) as con:
        con.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")

init_db()

@app.post("/notes")
def create_note(note: Note) -> dict[str, int]:
    with sqlite3.connect(DB) as con:
        cur = con.execute("INSERT INTO notes (title, body) VALUES (?, ?)", (note.title, note.body))
        return {"id": cur.lastrowid}
```
Next I can add GET /notes/{id} and a test with TestClient.""",
            ),
            ("user", "go on"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "my react useEffect runs twice and I get two API calls in the network tab. "
                "useEffect(() => { fetch('/api/me').then(r => r.json()).then(setUser) }, [])",
            ),
            (
                "assistant",
                "In development with React 18 StrictMode, effects are mounted, unmounted and mounted again on "
                "purpose, so an effect with [] runs twice. Two things to check:\n1. Is <React.StrictMode> in "
                "main.jsx? Then production will only fire once.\n2. Make the effect safe to run twice: use an "
                "AbortController and abort in the cleanup, so the first request is cancelled.",
            ),
            ("user", "what about the second one? show code"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Нужен SQL для PostgreSQL: для каждого клиента последний заказ (id, дата, сумма). Таблица orders(id, "
                "client_id, created_at, amount).",
            ),
            (
                "assistant",
                "Вариант с оконной функцией:\n\n```sql\nSELECT id, client_id, created_at, amount\nFROM (\n  SELECT o.*,\n"
                "         ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY created_at DESC) AS rn\n  FROM orders o\n"
                ") t\nWHERE rn = 1;\n```\n\nС индексом (client_id, created_at DESC) будет быстро.",
            ),
            ("user", "а покороче можно?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "system",
                "You are ReviewBot. You review pull requests for a Go monorepo. List findings as numbered points, "
                "most severe first.",
            ),
            (
                "user",
                """func (s *Store) Get(id string) (*Item, error) {
    s.mu.RLock()
    item, ok := s.items[id]
    s.mu.RUnlock()
    if !ok {
        s.mu.Lock()
        item = s.load(id)
        s.items[id] = item
        s.mu.Unlock()
    }
    return item, nil
}""",
            ),
            (
                "assistant",
                "1. Race between RUnlock and Lock: two goroutines can both miss and both call s.load(id); re-check "
                "the map after taking the write lock.\n2. s.load errors are swallowed; Get always returns nil error.\n"
                "3. A nil item from load gets cached forever.",
            ),
            ("user", "ok explain 1 more, why is it a problem if both load"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            ("user", "explícame la recursividad con un ejemplo en python, algo que no sea factorial porfa"),
            (
                "assistant",
                "Va: sumar todos los números de una lista anidada.\n\n```python\ndef suma(x):\n    if isinstance(x, int):\n"
                "        return x\n    return sum(suma(e) for e in x)\n\nprint(suma([1, [2, 3], [[4], 5]]))  # 15\n```\n"
                "El caso base es un entero; el caso recursivo llama a suma en cada elemento.",
            ),
            ("user", "sigue, otro más difícil"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "用 Go 写一个并发下载器：给一组 URL，最多同时 5 个下载，全部完成后打印每个的字节数"),
            (
                "assistant",
                "```go\nfunc downloadAll(urls []string) {\n    sem := make(chan struct{}, 5)\n    var wg sync.WaitGroup\n"
                "    for _, u := range urls {\n        wg.Add(1)\n        go func(u string) {\n            defer wg.Done()\n"
                "            sem <- struct{}{}\n            defer func() { <-sem }()\n            resp, err := http.Get(u)\n"
                "            if err != nil { log.Println(u, err); return }\n            defer resp.Body.Close()\n"
                "            n, _ := io.Copy(io.Discard, resp.Body)\n            fmt.Println(u, n)\n        }(u)\n    }\n"
                "    wg.Wait()\n}\n```",
            ),
            ("user", "继续，加上超时和重试"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Write a Jest test suite for this function:\n\nexport function parsePrice(s) {\n  const n = Number(s.replace(/[^0-9.,-]/g, '').replace(',', '.'))\n  if (Number.isNaN(n)) throw new Error('bad price')\n  return Math.round(n * 100)\n}",
            ),
            (
                "assistant",
                "```js\nimport { parsePrice } from './price'\n\ndescribe('parsePrice', () => {\n  test('plain number', () => expect(parsePrice('12.50')).toBe(1250))\n"
                "  test('currency symbol', () => expect(parsePrice('$3.99')).toBe(399))\n  test('comma decimal', () => expect(parsePrice('4,20 €')).toBe(420))\n"
                "  test('negative', () => expect(parsePrice('-1.00')).toBe(-100))\n  test('garbage throws', () => expect(() => parsePrice('abc')).toThrow('bad price'))\n"
                "  test('thousands separator', () => expect(parsePrice('1,234.56')).toBe(123456))\n})\n```\n"
                "Note: the last test fails with the current code, because '1,234.56' becomes '1.234.56'.",
            ),
            ("user", "shorter please, just the 3 most important"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "मेरे Flask ऐप में CORS error आ रहा है जब React से POST करता हूँ, GET ठीक चलता है"),
            (
                "assistant",
                "POST with JSON sends a preflight OPTIONS request first. Install flask-cors and enable it for your "
                "route, or reply to OPTIONS yourself with Access-Control-Allow-Origin, -Methods and -Headers "
                '(Content-Type included).\n\n```python\nfrom flask_cors import CORS\nCORS(app, resources={r"/api/*": {"origins": "http://localhost:5173"}})\n```',
            ),
            ("user", "और अगर cookies भी भेजनी हों तो?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "system",
                "You are an autonomous coding agent working in the repository at /repo. Use the provided tools to "
                "read and edit files and run tests. Keep changes minimal.",
            ),
            ("user", "tests/test_invoice.py::test_rounding fails after the last merge, fix it"),
            (
                "assistant",
                "I ran the test: it expects 10.05 but gets 10.04. invoice.py now uses round(total, 2) on a float "
                "since commit a41c; before it used Decimal with ROUND_HALF_UP. Float 10.045 is stored as "
                "10.04499..., so round() goes down. I'll switch back to Decimal quantize with ROUND_HALF_UP.",
            ),
            ("user", "ok do it"),
        ],
        "yes",
    ),
    # --- more rows ---
    t(
        "mcq",
        "صح أم خطأ: في بايثون، القائمة (list) يمكن استخدامها كمفتاح في القاموس (dict). علّل إجابتك باختصار.",
    ),
    t(
        "mcq",
        """Kolokwium z programowania obiektowego, zad. 3 (krótka odpowiedź):
Co wypisze poniższy kod w C++ i dlaczego? Wskazówka: zwróć uwagę na brak słowa virtual.

struct A { void f() { std::cout << "A"; } };
struct B : A { void f() { std::cout << "B"; } };
int main() { A* p = new B(); p->f(); }""",
    ),
    t(
        "persona",
        "You're my pair programmer for today, be blunt. I have a TypeScript type that should make every key of "
        "an object optional except `id`, recursively for nested objects. My attempt: "
        "type Patch<T> = Partial<T> & { id: T['id'] } — breaks on nested stuff. fix it",
        "yes",
    ),
    t(
        "format",
        "Output only a valid crontab line, nothing else: run /opt/backup.sh at 02:30 on the first Monday of every month",
    ),
    t("bare", "numpy argsort descending"),
    chat(
        "chat",
        [
            ("user", "Napisz mi w Pythonie dekorator, który mierzy czas wykonania funkcji i loguje go przez logging"),
            (
                "assistant",
                "```python\nimport functools, logging, time\n\nlog = logging.getLogger(__name__)\n\n"
                "def timed(fn):\n    @functools.wraps(fn)\n    def wrapper(*args, **kwargs):\n        start = time.perf_counter()\n"
                "        try:\n            return fn(*args, **kwargs)\n        finally:\n"
                '            log.info("%s took %.3fs", fn.__name__, time.perf_counter() - start)\n    return wrapper\n```',
            ),
            ("user", "a wersja dla async?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "I'm building a CLI in Rust with clap. I want subcommands `add <name>` and `list --all`. Start me off",
            ),
            (
                "assistant",
                "```rust\nuse clap::{Parser, Subcommand};\n\n#[derive(Parser)]\nstruct Cli {\n    #[command(subcommand)]\n"
                "    cmd: Cmd,\n}\n\n#[derive(Subcommand)]\nenum Cmd {\n    Add { name: String },\n"
                "    List {\n        #[arg(long)]\n        all: bool,\n    },\n}\n\nfn main() {\n    match Cli::parse().cmd {\n"
                '        Cmd::Add { name } => println!("adding {name}"),\n        Cmd::List { all } => println!("list all={all}"),\n'
                "    }\n}\n```",
            ),
            ("user", "and then? where do I store the items"),
        ],
    ),
    # --- English additions ---
    t(
        "mcq",
        """Which transaction isolation level prevents non-repeatable reads but can still allow phantom reads (per the SQL standard)?
A) Read uncommitted
B) Read committed
C) Repeatable read
D) Serializable""",
    ),
    t(
        "mcq",
        "Phone screen question for a junior backend role: what does this print and why?\n\n"
        "def add_item(x, bucket=[]):\n    bucket.append(x)\n    return bucket\n\n"
        "print(add_item(1))\nprint(add_item(2))\nprint(add_item(3, []))\nprint(add_item(4))",
    ),
    chat(
        "persona",
        [
            ("system", "You are an expert PostgreSQL DBA. Be concrete: name the index you would add and why."),
            (
                "user",
                """this takes 9 seconds, table has 40M rows

SELECT * FROM events WHERE account_id = 812 AND created_at > now() - interval '7 days' ORDER BY created_at DESC LIMIT 50;

Limit  (cost=0.57..912.33 rows=50 width=214) (actual time=8931.2..8931.9 rows=50 loops=1)
  ->  Index Scan Backward using events_created_at_idx on events  (actual time=8931.2..8931.8 rows=50 loops=1)
        Index Cond: (created_at > (now() - '7 days'::interval))
        Filter: (account_id = 812)
        Rows Removed by Filter: 3120455""",
            ),
        ],
        "yes",
    ),
    t(
        "format",
        "Only the SQL, nothing else: delete duplicate rows from users (same email), keep the one with the lowest "
        "id. Postgres.",
    ),
    t(
        "fewshot",
        """Rename to idiomatic Python names, as in the examples.

getUserName -> get_user_name
MAXRetryCount -> MAX_RETRY_COUNT
HTTPResponseParser -> HttpResponseParser (class)
isValidJSONString ->""",
    ),
    chat(
        "chat",
        [
            ("user", "regex to validate an email in JS, nothing crazy, just catch obvious typos"),
            (
                "assistant",
                "```js\nconst EMAIL = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$/\nEMAIL.test('ana@example.com') // true\n"
                "EMAIL.test('ana@example') // false\n```\nIt checks for one @, no spaces, and a dot in the domain. "
                "For real validation, send a confirmation email.",
            ),
            ("user", "now make it reject two dots in a row"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "TypeError: Cannot read properties of undefined (reading 'map') in my Products component. "
                "const [data, setData] = useState(); useEffect(() => { fetch('/api/products').then(r => r.json())"
                ".then(setData) }, []); return <ul>{data.products.map(p => <li key={p.id}>{p.name}</li>)}</ul>",
            ),
            (
                "assistant",
                "On the first render data is undefined, because the fetch hasn't finished yet, so data.products "
                "throws. Initialise state with the shape you expect, or guard: useState({ products: [] }) or "
                "{data?.products?.map(...)}. Also render a loading state while it's undefined.",
            ),
            ("user", "ok that fixed it. but why only on first render?"),
        ],
    ),
    pc(
        "mcq",
        "Which Java keyword prevents a method from being overridden in a subclass?\nA) static\nB) final\n"
        "C) private\nD) const\nAnswer with the letter.",
        "B) final",
    ),
    pc(
        "persona",
        "You are a senior DevOps engineer. Write a multi-stage Dockerfile for a Node 20 TypeScript API: build "
        "with npm ci and tsc, run as non-root, only production deps in the final image.",
        """```dockerfile
FROM node:20-slim AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npx tsc

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package*.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "dist/server.js"]
```""",
    ),
    t("bare", "when should i use a set instead of a list in python"),
    chat(
        "chat",
        [
            (
                "user",
                "python script that renames all .jpg files in a folder to their EXIF date taken, like 2023-07-14_153210.jpg",
            ),
            (
                "assistant",
                "```python\nfrom pathlib import Path\nfrom PIL import Image\nfrom datetime import datetime\n\n"
                "for path in Path('photos').glob('*.jpg'):\n    exif = Image.open(path).getexif()\n"
                "    taken = exif.get(306)  # DateTime\n    if not taken:\n        continue\n"
                "    stamp = datetime.strptime(taken, '%Y:%m:%d %H:%M:%S').strftime('%Y-%m-%d_%H%M%S')\n"
                "    path.rename(path.with_name(f'{stamp}.jpg'))\n```",
            ),
            ("user", "what if two photos have the same second"),
        ],
    ),
    t("format", "Return only a YAML snippet, no explanation: a GitHub Actions step that caches pip downloads"),
]
