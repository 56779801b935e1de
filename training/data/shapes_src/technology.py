"""Technology rows (IT and consumer tech without writing code) in real-traffic shapes."""

from training.data.shapes_src.rows import chat, pc, t

CATEGORY = "technology"

ROWS = [
    # --- exam / MCQ / true-false / short answer ---
    t(
        "mcq",
        """Security+ practice question:
An attacker sends emails that appear to come from the CFO asking the accounts team to wire money urgently. Which of the following BEST describes this attack?
A. Vishing
B. Whaling
C. Business email compromise
D. Pharming
Answer with the letter and a one-line reason.""",
    ),
    t(
        "mcq",
        """CCNA prep: A host has the address 172.16.45.200/21. Which of the following is its broadcast address?
a) 172.16.45.255
b) 172.16.47.255
c) 172.16.40.255
d) 172.16.63.255
show the working pls""",
        "yes",
    ),
    t(
        "mcq",
        "True or false: WPA3-Personal replaces the four-way PSK handshake with SAE, so capturing a handshake no "
        "longer allows an offline dictionary attack.",
    ),
    t(
        "mcq",
        """Question de QCM (certification réseau) : quel port et quel protocole de transport le DNS utilise-t-il par défaut pour les requêtes classiques ?
A) 53/TCP uniquement
B) 53/UDP, avec repli sur TCP pour les grosses réponses
C) 853/UDP
D) 443/TCP
Répondez par la lettre.""",
    ),
    t(
        "mcq",
        """AWS SAA の模擬試験問題です。解説もお願いします。

ある会社は監査ログを7年間保管する必要がありますが、取り出すのは年に1回程度で、取り出しには12時間かかっても問題ありません。最もコストが低いストレージはどれですか？
A. S3 Standard
B. S3 Standard-IA
C. S3 Glacier Instant Retrieval
D. S3 Glacier Deep Archive""",
    ),
    t(
        "mcq",
        "Prova de informática básica, questão dissertativa: explique em até 5 linhas a diferença entre memória RAM "
        "e armazenamento (HD/SSD), dando um exemplo do dia a dia.",
    ),
    t(
        "mcq",
        """A+ Core 1 question I got wrong:
A user's laptop shows a dim image that becomes visible only when a flashlight is shone on the screen. Which component has MOST likely failed?
A) GPU
B) Backlight / inverter
C) Digitizer
D) LCD cable
why is it not the cable??""",
    ),
    # --- persona / system preamble ---
    chat(
        "persona",
        [
            (
                "system",
                "You are Sam, a friendly IT helpdesk agent for Brightline Dental's 3 clinics. Users are not "
                "technical. Give numbered steps and never ask them to open a terminal.",
            ),
            (
                "user",
                "the printer at front desk says 'offline' on my computer but its turned on and the other girl can "
                "print to it fine",
            ),
        ],
    ),
    t(
        "persona",
        "Act as a cybersecurity consultant. We're a 12-person architecture firm, everyone on Windows 11 laptops "
        "and Microsoft 365 Business Standard, one NAS in the office, no IT person. Give me a prioritised hardening "
        "plan for the next 30 days with rough effort per item. No scripts, we can't maintain them.",
        "yes",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "Du bist ein erfahrener Netzwerkadministrator und erklärst Heimanwendern Dinge geduldig, ohne "
                "Fachchinesisch.",
            ),
            (
                "user",
                "Ich will meine Smart-Home-Geräte (Kameras, Staubsauger, Steckdosen) vom restlichen WLAN trennen. "
                "Ich habe eine FritzBox 7590. Reicht das Gastnetz oder brauche ich VLANs?",
            ),
        ],
    ),
    t(
        "persona",
        "You are a highly intelligent tech reviewer with deep knowledge of laptops. My budget is 1100 EUR max, I "
        "need 16GB+ RAM, under 1.5 kg, good Linux support (Fedora), a screen that's ok outdoors, and I hate "
        "glossy. battery > 8h real use. narrow it to 2 options and explain the trade-offs",
        "yes",
    ),
    t(
        "persona",
        "Actúa como un experto en Apple. Mi iPhone dice que el almacenamiento de iCloud está lleno (5 GB) pero "
        "casi no tengo fotos. ¿Qué está ocupando el espacio y cómo lo libero sin perder los chats de WhatsApp?",
    ),
    # --- format-only instructions ---
    t("format", "Is a USB-C port automatically Thunderbolt 4? Answer Y or N only."),
    t(
        "format",
        'Reply in JSON only: an array of 3 mesh wifi systems for a 180 m2 two-floor house, each with "name", '
        '"wifi_standard", "price_range_usd", "wired_backhaul" (true/false).',
    ),
    t("format", "one word answer. default port for RDP?"),
    t(
        "format",
        "Rispondi solo sì o no: posso caricare un telefono che supporta 25W con il caricatore USB-C da 65W del "
        "portatile?",
    ),
    t("format", "用一句话回答：eSIM 和实体 SIM 卡的主要区别是什么？"),
    # --- pasted documents ---
    t(
        "document",
        """Below is our new Information Security Policy section that HR sent to all staff. I'm a regular employee (marketing). In plain words, what do I actually have to do differently starting next month, and is anything here outdated compared to current best practice?

---
4. ACCESS CONTROL AND AUTHENTICATION

4.1 Passwords. All user accounts must be protected by a password of at least 8 characters containing at least one uppercase letter, one lowercase letter, one digit and one special character. Passwords must be changed every 60 days and may not repeat any of the previous 10 passwords. Passwords must not be written down or stored in browsers. Employees may use the company-approved password manager (Bitwarden Business) to store passwords.

4.2 Multi-factor authentication. MFA is mandatory for email, VPN, the HR portal and all cloud applications that support it. Approved second factors are, in order of preference: hardware security keys (FIDO2), the Microsoft Authenticator app with number matching, and SMS codes. SMS codes will be phased out by the end of Q3 for all staff with access to financial systems.

4.3 Shared accounts. Shared or generic accounts (e.g. "reception@", "marketing-social@") must have a named owner, must use MFA where the service allows it, and their credentials must be stored only in a shared Bitwarden collection. Credentials must never be sent by email or chat.

4.4 Devices. Company data may only be accessed from company-managed laptops or from personal phones enrolled in Intune (Mobile Application Management). Personal laptops and tablets may not be used to access company email or files, including through a web browser. Screens must lock automatically after 5 minutes of inactivity. Full-disk encryption (BitLocker or FileVault) must stay enabled.

4.5 Leaving your desk. Lock your screen (Win+L / Ctrl+Cmd+Q) every time you leave your device, including in the office.

4.6 Reporting. Suspected phishing must be reported with the "Report" button in Outlook. Lost or stolen devices must be reported to the IT service desk within 1 hour of discovery, 24/7, by phone at extension 4400 or +44 20 7946 0321.

4.7 Exceptions. Exceptions to this section require written approval from the Head of IT and are reviewed every 6 months.

4.8 Enforcement. Non-compliance may lead to account suspension and disciplinary action.
---

I currently read work email on my personal iPad and have the social media passwords in a Google Doc, so be honest.""",
    ),
    t(
        "document",
        """Can you sanity check this migration plan? I'm the "IT guy" at a 40-person company because I'm the office manager who knows computers. The thread is between me, our MSP and the owner. Main question: what could go wrong on the cutover weekend and what are we missing?

From: Daniel (MSP)
To: Priya; Mark (owner)
Subject: RE: RE: Google Workspace -> Microsoft 365 migration

Hi Priya, Mark,

Following Tuesday's call, here is the plan we agreed:

1. Licences: 38 x Microsoft 365 Business Premium, 2 x Business Basic for the warehouse shared tablets.
2. Domain: we add acme-fixings.co.uk to the new tenant and verify it with a TXT record this week. MX stays pointing to Google until cutover.
3. Mail: we use a third-party migration tool to pre-stage mail, calendars and contacts from Google from next Monday. Pre-stage covers everything older than 30 days; the delta pass runs on cutover Friday night.
4. Drive: shared drives go to SharePoint sites (one per department); personal Drive files go to OneDrive. Google Docs/Sheets are converted to Office formats during the copy. Approx. 1.2 TB total.
5. Cutover: Friday 19 July 18:00 we switch MX to Microsoft, run the delta, and staff set up Outlook on Monday morning with our visit on site from 8:00.
6. Devices: laptops are not currently managed; we'll enroll them in Intune over the following two weeks.
7. Google Workspace will be cancelled on 31 July.

Regards,
Daniel

---

From: Mark
To: Daniel; Priya
Subject: RE: Google Workspace -> Microsoft 365 migration

Sounds good. Can we cancel Google sooner? The renewal is on the 25th and I don't want to pay another year. Also the sales team use Google Forms for the trade show leads and a couple of Apps Script things that Tom built before he left, please make sure those keep working.

Mark

---

From: Priya
To: Daniel; Mark
Subject: Google Workspace -> Microsoft 365 migration

Hi both, also reminding that the warehouse scanners send emails via SMTP to orders@ using the Google SMTP relay, and our website contact form sends through a Gmail app password. And half the team use their Google login to sign into Canva, Zoom and Xero ("Sign in with Google").

Thanks,
Priya""",
        "yes",
    ),
    t(
        "document",
        """I read this article and I'm confused. I was about to buy a new laptop this month; should I wait? Explain what it means for a normal person.

"Chipmaker unveils next-generation laptop processors with on-device AI focus

The company announced its new line of mobile processors at a press event on Tuesday, promising what it called the biggest jump in laptop efficiency in a decade. The chips combine performance and efficiency cores with a redesigned integrated graphics unit and a neural processing unit (NPU) rated at more than 45 trillion operations per second, a threshold that some software vendors have set for their newest on-device AI features.

According to the company, laptops using the chips will reach up to 20 hours of video playback on a single charge in thin-and-light designs, and will run common office workloads at up to 40 percent lower power than the previous generation. The integrated graphics are said to be fast enough for light gaming at 1080p with upscaling. Memory is placed on the processor package itself, which the company says saves power and board space; as a result, the memory cannot be upgraded after purchase, and configurations will ship with 16 GB or 32 GB.

Analysts welcomed the efficiency claims but cautioned that real-world battery life depends heavily on the screen, the laptop maker's power settings and the workload. 'The first wave of laptops always costs more,' said one analyst. 'Buyers who don't need the AI features will find excellent deals on previous-generation machines over the next few months.'

The first laptops with the new processors are expected in stores in about eight weeks, with business models following early next year. Several manufacturers showed prototypes at the event, including convertibles and a 14-inch model weighing under one kilogram. Software support for the NPU is still limited: a handful of video-calling effects, image editing tools and a built-in assistant use it today, and developers are expected to add more over the coming year.

The announcement comes as the wider PC market recovers from two years of falling sales, with many companies replacing computers bought at the start of the pandemic and preparing for the end of support for an older operating system version next year."

I mostly do email, spreadsheets, streaming and some photo editing, and my current laptop is from 2017 and dies in 2 hours.""",
    ),
    t(
        "document",
        """공유기 로그 붙여넣을게요. 저녁마다 인터넷이 10~20초씩 끊기는데 이 로그 보면 원인이 뭔지 알 수 있을까요? 코드는 필요없고 설정에서 뭘 바꿔야 하는지만 알려주세요.

Mar 12 21:03:11 kernel: wl1: channel switch to 149/80 due to DFS radar detection on 100/80
Mar 12 21:03:11 hostapd: wl1: STA 3c:22:fb:91:aa:10 IEEE 802.11: disassociated
Mar 12 21:03:11 hostapd: wl1: STA a4:83:e7:05:7d:2c IEEE 802.11: disassociated
Mar 12 21:03:12 hostapd: wl1: STA f0:18:98:3e:11:bd IEEE 802.11: disassociated
Mar 12 21:03:24 hostapd: wl1: STA 3c:22:fb:91:aa:10 IEEE 802.11: associated
Mar 12 21:03:25 hostapd: wl1: STA a4:83:e7:05:7d:2c IEEE 802.11: associated
Mar 12 21:03:31 hostapd: wl1: STA f0:18:98:3e:11:bd IEEE 802.11: associated
Mar 12 21:40:02 dnsmasq-dhcp: DHCPREQUEST(br0) 192.168.50.23 a4:83:e7:05:7d:2c
Mar 12 21:40:02 dnsmasq-dhcp: DHCPACK(br0) 192.168.50.23 a4:83:e7:05:7d:2c iPad
Mar 12 22:15:47 kernel: wl1: radar detected on channel 100, moving to 149
Mar 12 22:15:47 hostapd: wl1: STA 3c:22:fb:91:aa:10 IEEE 802.11: disassociated
Mar 12 22:15:47 hostapd: wl1: STA 6c:4a:85:12:90:ee IEEE 802.11: disassociated
Mar 12 22:15:59 hostapd: wl1: STA 3c:22:fb:91:aa:10 IEEE 802.11: associated
Mar 12 22:16:04 hostapd: wl1: STA 6c:4a:85:12:90:ee IEEE 802.11: associated
Mar 12 22:45:00 ntp: Initial clock set
Mar 12 22:45:00 rc_service: ntp 1123:notify_rc restart_diskmon
Mar 12 23:30:18 kernel: wl1: channel 149 unavailable, returning to 100/80 after CAC 60s
Mar 12 23:31:18 kernel: wl1: CAC completed on 100/80, channel available
Mar 12 23:31:18 hostapd: wl1: STA 3c:22:fb:91:aa:10 IEEE 802.11: disassociated
Mar 12 23:31:18 hostapd: wl1: STA f0:18:98:3e:11:bd IEEE 802.11: disassociated
Mar 12 23:31:29 hostapd: wl1: STA 3c:22:fb:91:aa:10 IEEE 802.11: associated
Mar 13 00:02:55 WAN_Connection: WAN(0) link up.
Mar 13 00:02:55 dnsmasq-dhcp: DHCPACK(br0) 192.168.50.41 6c:4a:85:12:90:ee Galaxy-S23
Mar 13 19:58:40 kernel: wl1: radar detected on channel 100, moving to 149
Mar 13 19:58:40 hostapd: wl1: STA 3c:22:fb:91:aa:10 IEEE 802.11: disassociated
Mar 13 19:58:40 hostapd: wl1: STA a4:83:e7:05:7d:2c IEEE 802.11: disassociated
Mar 13 19:58:52 hostapd: wl1: STA 3c:22:fb:91:aa:10 IEEE 802.11: associated
Mar 13 19:58:54 hostapd: wl1: STA a4:83:e7:05:7d:2c IEEE 802.11: associated

집이 공항에서 5km 정도 떨어져 있긴 해요. 공유기는 ASUS RT-AX86U 이고 5GHz 채널은 '자동'으로 되어 있어요.""",
        "yes",
    ),
    # --- few-shot ---
    t(
        "fewshot",
        """Turn spec-sheet lines into plain English for our shop's product pages, like this:

Spec: Wi-Fi 6E (802.11ax), 2x2 MIMO
Plain: Works with the newest fast Wi-Fi, including the extra-quiet 6 GHz band.

Spec: 65W USB-C PD, PPS
Plain: One USB-C charger that can fast-charge both this laptop and most phones.

Spec: IPS, 300 nits, 45% NTSC
Plain:""",
    ),
    pc(
        "fewshot",
        """Route each support ticket to a queue: NETWORK, ACCOUNTS, HARDWARE, or SOFTWARE.

Ticket: "VPN keeps disconnecting every 10 min when I'm at home" -> NETWORK
Ticket: "I got locked out after the password reset email" -> ACCOUNTS
Ticket: "Laptop fan is super loud and it's hot on my knees" -> HARDWARE
Ticket: "Teams won't let me share my screen since the update" ->""",
        "SOFTWARE",
    ),
    t(
        "fewshot",
        """Contoh format jawaban:
T: Laptop tidak mau menyala sama sekali.
J: 1) Cabut charger, tahan tombol power 30 detik. 2) Colok charger lagi, cek lampu indikator. 3) Kalau tetap mati, coba charger lain.

T: Wi-Fi tersambung tapi tidak ada internet.
J: 1) Restart router. 2) Lupakan jaringan lalu sambung ulang. 3) Cek apakah perangkat lain juga tidak bisa internet.

T: HP Android cepat panas dan baterai boros setelah update.
J:""",
    ),
    # --- bare questions ---
    t("bare", "whats the difference between wifi 6 and 6e"),
    t("bare", "how do i take a screenshot on a chromebook"),
    t("bare", "Что такое NAS и зачем он дома?"),
    t("bare", "is 16gb ram enough for 4k video editing in davinci resolve"),
    t("bare", "hoe zet ik tweestapsverificatie aan op whatsapp"),
    t("bare", "bilgisayarım neden bu kadar yavaş açılıyor windows 11"),
    # --- multi-turn chats: frame first, short follow-up last ---
    chat(
        "chat",
        [
            (
                "system",
                "You are the support assistant for a home NAS vendor. Answer about DSM settings and hardware only.",
            ),
            ("user", "one of the drives in my 4-bay (SHR-1) shows 'Crashed' and the volume says degraded. what now"),
            (
                "assistant",
                "Don't power off or remove any other drive. 1) Back up anything critical now, the volume has no "
                "redundancy left. 2) Open Storage Manager > HDD/SSD and note the failed bay. 3) Buy a drive of the "
                "same or larger size. 4) Hot-swap it into that bay.",
            ),
            ("user", "and then?"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "explain how a VPN actually protects me on hotel wifi, and what it doesn't protect"),
            (
                "assistant",
                "A VPN wraps all your traffic in an encrypted tunnel from your device to the VPN server. On hotel "
                "Wi-Fi that means other guests and the hotel network see only encrypted data going to one address, "
                "so they can't read or tamper with it, or see which sites you visit. What it doesn't do: protect "
                "you from phishing, malware, or tracking by the sites you log into; hide you from the VPN provider "
                "itself; or help if the site you use is already unencrypted end-to-end and the VPN exit is hostile.",
            ),
            ("user", "shorter please, like for my mum"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "Tengo un Samsung Galaxy A54 y la batería ya no dura ni medio día. ¿Qué puedo revisar?"),
            (
                "assistant",
                "Empieza por: 1) Ajustes > Batería > Uso: mira qué app consume más. 2) Desactiva la pantalla "
                "siempre encendida y baja la tasa de refresco a 60 Hz. 3) Revisa que no haya apps con ubicación "
                "'siempre'.",
            ),
            ("user", "sigue"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "맥북 에어 M2 쓰는데 외장 모니터 두 대 연결이 안 돼요. 허브 문제인가요?"),
            (
                "assistant",
                "M2 맥북 에어는 기본적으로 외장 모니터를 한 대만 지원합니다. 허브 문제라기보다 칩 제한이에요. "
                "두 대를 쓰려면 DisplayLink 지원 독(드라이버 설치 필요)을 쓰는 방법이 있습니다.",
            ),
            ("user", "그럼 DisplayLink는 단점 없어요?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Cho mình hỏi, nên mua ổ cứng SSD NVMe Gen4 hay Gen3 cho laptop Lenovo IdeaPad 5 (2021)? Mình chỉ "
                "học online và chơi game nhẹ.",
            ),
            (
                "assistant",
                "Trước hết cần xem khe M.2 của máy hỗ trợ chuẩn nào. Nếu máy chỉ có PCIe Gen3 thì ổ Gen4 vẫn chạy "
                "nhưng chỉ đạt tốc độ Gen3. Với nhu cầu học và game nhẹ, Gen3 dung lượng lớn hơn sẽ đáng tiền hơn.",
            ),
            ("user", "còn thương hiệu thì sao"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "system",
                "أنت مساعد دعم فني لشركة اتصالات. أجب باللغة العربية وبخطوات قصيرة.",
            ),
            ("user", "الراوتر يعمل لكن سرعة الإنترنت بطيئة جداً في الغرفة البعيدة فقط"),
            (
                "assistant",
                "غالباً المشكلة في قوة الإشارة وليس في الخط. جرّب: 1) ضع الراوتر في مكان مرتفع ووسط المنزل. "
                "2) استخدم شبكة 2.4 غيغاهرتز في الغرفة البعيدة لأنها تخترق الجدران أفضل. 3) فكّر في مقوّي إشارة "
                "أو نظام Mesh.",
            ),
            ("user", "وأيهما أفضل؟ المقوي أم Mesh؟"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "we're choosing between 1Password, Bitwarden and Keeper for our 25-person team. compare on price, "
                "SSO, recovery if someone leaves, and audit logs",
            ),
            (
                "assistant",
                "1. Bitwarden Teams/Enterprise: cheapest, open source, SSO on Enterprise, admins can recover "
                "accounts with account recovery enabled, event logs included.\n2. 1Password Business: polished "
                "apps, SSO via Okta/Entra, admin recovery built in, activity log and reports.\n3. Keeper Business: "
                "strong compliance reporting (add-on), SSO Connect add-on, account transfer policy for leavers.",
            ),
            ("user", "what about the second one, is the SSO extra cost?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Mon PC portable sous Windows 11 affiche un écran bleu 'DRIVER_IRQL_NOT_LESS_OR_EQUAL' depuis que "
                "j'ai branché une nouvelle carte Wi-Fi USB. Que faire ?",
            ),
            (
                "assistant",
                "Ce code pointe presque toujours vers un pilote défectueux. Débranchez la clé, redémarrez, puis "
                "désinstallez son pilote dans le Gestionnaire de périphériques (cochez « supprimer le pilote »). "
                "Installez ensuite la version du site du fabricant de la puce, pas celle du CD.",
            ),
            ("user", "et si ça recommence ?"),
        ],
        "yes",
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Our office has 3 floors, 60 people, one ISP line 500/50 and a consumer router. People complain Zoom "
                "freezes every afternoon. What should I look at first?",
            ),
            (
                "assistant",
                "Check whether the upload (50 Mbps) is saturated in the afternoon: cloud backups and OneDrive syncs "
                "often start after lunch. Look at the router's traffic stats or run a speed test at 15:00. With 60 "
                "people, 50 Mbps up is tight for video. Options: QoS rules that prioritise Zoom, scheduling backups "
                "at night, or a second line with a business router doing load balancing.",
            ),
            ("user", "continue with the QoS part"),
        ],
        "yes",
    ),
    # --- more rows ---
    t(
        "mcq",
        "Prawda czy fałsz? Tryb incognito w przeglądarce ukrywa moją aktywność przed dostawcą internetu i "
        "pracodawcą. Odpowiedz P lub F i krótko uzasadnij.",
    ),
    chat(
        "persona",
        [
            (
                "system",
                "You are TechBuddy, a patient assistant for seniors. Use short sentences and avoid jargon.",
            ),
            ("user", "my grandson set up this new tablet and now I can't find where the photos from whatsapp go"),
        ],
    ),
    t(
        "format",
        "Antworte nur mit einer Tabelle (Spalten: Kriterium | Variante A | Variante B): Glasfaser 300 Mbit/s vs. "
        "Kabel 1000 Mbit/s für ein Homeoffice mit viel Videotelefonie.",
    ),
    t("bare", "can you use airpods with an android phone"),
    pc(
        "fewshot",
        """Explain the error code in one sentence for a non-technical user.

Code: ERR_NAME_NOT_RESOLVED
Explanation: Your browser couldn't find the website's address, usually because of a typo or an internet/DNS problem.

Code: 0x80070005 during Windows Update
Explanation: Windows didn't have permission to install the update; restarting and running the update as an administrator often fixes it.

Code: HDMI "No signal" on a TV
Explanation:""",
        "The TV isn't receiving a picture from the device, so check the cable and that the TV is set to the right HDMI input.",
    ),
    chat(
        "chat",
        [
            (
                "user",
                "Quero montar um PC pra trabalhar com edição de vídeo no Premiere, orçamento de uns 7 mil reais. "
                "Processador Intel ou AMD?",
            ),
            (
                "assistant",
                "Para Premiere, a Intel com Quick Sync (gráfico integrado) ajuda muito na decodificação de H.264 "
                "e H.265 da timeline. Um i5-14600K ou i7-14700 com 32 GB de RAM e uma RTX 4060 cabe no orçamento. "
                "Do lado AMD, um Ryzen 7 7700 também vai bem, mas sem Quick Sync.",
            ),
            ("user", "e a placa-mãe? qual pego"),
        ],
    ),
    chat(
        "chat",
        [
            ("user", "自宅のWi-Fiのパスワードを変えたら、プリンターとスマート家電が全部つながらなくなりました"),
            (
                "assistant",
                "パスワードを変えると、以前の設定で接続していた機器は自動では再接続できません。機器ごとに新しい"
                "パスワードで設定し直す必要があります。プリンターは本体のWi-Fi設定メニュー、スマート家電はメーカー"
                "のアプリから再設定するのが一般的です。",
            ),
            ("user", "全部やり直すの面倒…SSIDとパスワードを元に戻したら直る？"),
        ],
    ),
    # --- English additions ---
    t(
        "mcq",
        """Network+ practice: Which device forwards frames based on MAC addresses and operates at Layer 2 of the OSI model?
A. Hub
B. Switch
C. Router
D. Repeater""",
    ),
    t(
        "mcq",
        "True or false: turning Bluetooth off when you aren't using it reduces your phone's attack surface. "
        "One line why.",
    ),
    t(
        "persona",
        "You are an Apple Genius Bar technician. My 2020 MacBook Pro says 'Service Recommended' and the battery "
        "maximum capacity is 79%, 612 cycles. Is it worth replacing the battery or should I just buy a new Mac?",
    ),
    t("format", "Answer only yes or no: does a VPN stop websites I'm logged into from seeing what I do on them?"),
    t("bare", "how to see what's taking up storage on a mac"),
    chat(
        "chat",
        [
            ("user", "RAID 1 vs RAID 5 for a 4-bay home NAS with family photos, which one?"),
            (
                "assistant",
                "RAID 1 mirrors two drives: simple, survives one failure, but you only get half the raw space. "
                "RAID 5 across 4 drives gives you 3 drives of space and survives one failure, but rebuilds on big "
                "drives are slow and stress the others. For irreplaceable photos, either way keep a separate "
                "backup: RAID isn't a backup.",
            ),
            ("user", "and RAID 10?"),
        ],
    ),
    chat(
        "chat",
        [
            (
                "system",
                "You are the chat assistant of an electronics retailer. Recommend laptop categories and specs, "
                "ask about budget if it's missing.",
            ),
            ("user", "my daughter starts architecture school, she'll use AutoCAD, Revit and SketchUp. what laptop?"),
            (
                "assistant",
                "Revit is the heaviest of the three: look for 32 GB RAM, a recent 8-core CPU, a dedicated GPU with "
                '6–8 GB VRAM, 1 TB SSD, and a 15–16" screen. Note that Revit runs on Windows only, so avoid a Mac '
                "unless she'll use a school lab.",
            ),
            ("user", "anything cheaper?"),
        ],
    ),
    pc(
        "mcq",
        "Which of the following is the most phishing-resistant form of multi-factor authentication?\n"
        "A) SMS one-time code\nB) Email magic link\nC) Authenticator app push notification\nD) FIDO2 hardware security key",
        "D) FIDO2 hardware security key: it checks the website's origin, so a fake login page can't relay it.",
    ),
    pc(
        "bare",
        "what does end-to-end encrypted mean on whatsapp",
        "It means only you and the person you're chatting with can read the messages. They're encrypted on your "
        "phone and only decrypted on theirs, so WhatsApp's servers only pass along scrambled data.",
    ),
    t(
        "persona",
        "You're a home-network nerd. I pay for 1 Gbps fibre; speed test over ethernet gives 940 Mbps but on wifi "
        "I never get more than 300, even next to the router (wifi 5 router from the ISP, iPhone 14). Why and "
        "what should I change?",
    ),
    chat(
        "chat",
        [
            ("user", "should I upgrade from an iPhone 12 to the 15 or wait another year? battery is at 81%"),
            (
                "assistant",
                "If the phone otherwise works, a battery replacement (around $90 at Apple) gives you another year or "
                "two cheaply. Upgrade now if you want USB-C, the better camera, or the always-on features; wait if "
                "you mainly care about longevity, since each year adds software support at the end.",
            ),
            ("user", "what about the battery thing, does it wipe my phone?"),
        ],
    ),
    t("format", "Numbered list only, no intro or outro: how to factory reset a Kindle Paperwhite"),
]
