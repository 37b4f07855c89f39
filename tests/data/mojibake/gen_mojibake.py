#!/usr/bin/env python3
"""Generate tests/data/mojibake/cases.tsv: our own mojibake collection.

Each line is `input<TAB>expected`.  Mojibake cases are made the way scrapers
make them: a news snippet encoded as UTF-8 and decoded as Windows-1252 or
Latin-1 (once or twice, undefined cp1252 bytes kept as C1 controls or
dropped, no-break spaces turned into spaces or stripped).  Clean look-alikes
(input == expected) are real text in many languages whose characters resemble
mojibake; the repair must leave them alone.

Deterministic: `python3 gen_mojibake.py > cases.tsv` always writes the same
file.  Control characters in the TSV are written as-is (valid UTF-8).
"""
import random
import sys
import unicodedata

SNIPPETS = [
    "The minister said it wasn’t “a done deal” — not yet.",
    "Prices rose 3% to €1,250 in the first quarter.",
    "A ticket costs £45 for adults and £20 for children.",
    "“We’re not going anywhere,” she told reporters.",
    "The company’s shares fell 4.5% on Tuesday…",
    "José Martí airport reopened after the storm.",
    "President François Hollande met Angela Merkel in Zürich.",
    "Flights from São Paulo to Bogotá were cancelled.",
    "The Łódź court ruled in favour of the Kraków firm.",
    "Antonín Dvořák’s symphony opened the festival.",
    "Recep Tayyip Erdoğan spoke in Ankara on Monday.",
    "Workers at the Gdańsk shipyard went on strike.",
    "Škoda recalled 12,000 cars over a brake fault.",
    "Ángel Di María scored twice in the final.",
    "Thomas Müller and Björn Borg attended the gala.",
    "Søren Kierkegaard’s letters were sold at auction.",
    "The café on the Champs-Élysées served crème brûlée.",
    "Curaçao and Aruba reported record tourism.",
    "It’s a naïve résumé, the coöperative said.",
    "Temperatures reached 40°C in Seville — a record.",
    "The deal is worth ¥3 billion, or about $20 million.",
    "Mr Núñez declined to comment.",
    "Olé! The crowd in Málaga cheered.",
    "The fjord near Ålesund froze for the first time since 1987.",
    "He said “déjà vu” in his speech.",
    "The report’s authors — all from Université de Montréal — disagreed.",
    "Ministers met in Brussels; the EU’s position hasn’t changed.",
    "Follow us on Twitter 🐦 and share 👍",
    "Great result for the team 😀🎉",
    "The rouble fell to 90 per dollar; Владимир Путин did not comment.",
    "Москва и Санкт-Петербург получили новые бюджеты.",
    "Η Αθήνα φιλοξένησε τη σύνοδο κορυφής.",
    "北京 和 上海 的 天气 很好。",
    "東京オリンピック は 延期 された。",
    "서울 에서 회의 가 열렸다.",
    "Temperature: 25 °C ± 2 °C.",
    "© 2024 Reuters. All rights reserved.",
    "Brand™ and Brand® are registered trademarks.",
    "Section § 4 ¶ 2 applies.",
    "The score was 3–1 after extra time.",
    "Mix ½ cup of sugar with ¼ cup of butter.",
    "Kim Jong Un’s visit to Pyongyang — the first since 2019 — was brief.",
    "The Niño effect hit Perú and Ecuador.",
    "In Reykjavík, Guðrún Ósk said the vote was close.",
    "Zoë Saldaña and Beyoncé arrived together.",
    "The Ægean ferry docked at Piraeus.",
    "Þórshöfn is a small village in Iceland.",
    "Straße closures in München continue until Friday.",
    "Dōgen and Ryōan-ji are popular with tourists.",
    "Hà Nội and Đà Nẵng saw heavy rain.",
    "Mesut Özil’s transfer fee was €50m.",
    "The Ölüdeniz beach is in Muğla province.",
    "Nicolás Maduro’s government rejected the claim.",
    "Jürgen Klopp’s side won 2–0.",
    "İstanbul’s mayor, Ekrem İmamoğlu, was re-elected.",
    "Wrocław, Poznań and Szczecin held local elections.",
    "A “historic” day, said Ngozi Okonjo-Iweala.",
    "Cost: 1.000 € • Delivery: 3–5 days",
    "He whispered: ‘It’s over’…",
    "Population ≈ 1.2 million → up 3%",
    "«Bonjour», a dit le président.",
    "Économie : la croissance ralentit à 0,3 %.",
    "Ça va être difficile, a déclaré Élisabeth Borne.",
    "Über 1.000 Menschen demonstrierten in Köln.",
    "Año nuevo, vida nueva: ¿qué esperas?",
    "A situação econômica do país é preocupante, disse o ministro.",
    "Informações sobre a eleição serão divulgadas amanhã.",
    "La ricerca è stata pubblicata venerdì.",
    "Ελλάδα: νέα μέτρα για την οικονομία",
    "Україна отримала допомогу.",
    "תל אביב",
    "مرحبا بالعالم",
    "The 2 × 4 boards cost £3 each.",
    "Ceasefire talks in Doha—again—stalled.",
    "“Fake news!” he tweeted. 🙄",
    "Tickets: €12.50 (reduced: €8)",
    "The ‘special military operation’ continues.",
    "Côte d’Ivoire beat Sénégal 2–1.",
    "The naïveté of the plan was clear…",
    "Señor López and Señora Ibáñez were present.",
]

CLEAN = [
    "SÃO PAULO (Reuters) - Brazil's central bank held rates.",
    "NÃO ÀS ARMAS, dizia o cartaz.",
    "AÇÕES DA PETROBRAS SOBEM 3%",
    "ATENÇÃO: INSCRIÇÕES ABERTAS",
    "CAPITÃO AMÉRICA chega aos cinemas.",
    "IRMÃ DULCE foi canonizada.",
    "GRÃ-BRETANHA e IRÃ negociam.",
    "ROMÂNIA a câștigat meciul.",
    "CÂMARA DOS DEPUTADOS aprova reforma",
    "Le pâté et l'âge d'or de la cuisine française.",
    "Il a mangé une crêpe à la gare.",
    "Hôtel de Ville, Paris — entrée libre.",
    "Ça coûte 5 €, payé à l'avance.",
    "Prices from £5 to £10 — great value!",
    "€20 or £17, whichever is less.",
    "The ratio is 2×3 and 6÷2 = 3.",
    "x ≤ 5, y ≥ 2, z ≠ 0, ±1",
    "Αθήνα, Θεσσαλονίκη και Πάτρα",
    "Москва, Санкт-Петербург, Новосибирск",
    "Tiếng Việt có nhiều dấu: ầ, ẩ, ẫ, ấ, ậ.",
    "Hà Nội là thủ đô của Việt Nam.",
    "Đà Nẵng, Huế và Hội An",
    "Straße, Gruß, Fuß und Maß",
    "„Guten Tag“, sagte er. „Auf Wiedersehen“",
    "„Das ist Gruß“ – so der Titel.",
    "KYLLÄ”, hän sanoi.",
    "ETTÄ” – sanoi ministeri.",
    "PÅ” var svaret.",
    "MÔŽE BYŤ, povedal minister.",
    "Þórður og Ðóra",
    "ÆØÅ æøå ÄÖÜ äöü",
    "ÀÉÍÓÚ àéíóú ÂÊÎÔÛ âêîôû",
    "Ñandú y ñoño son palabras.",
    "¿Qué pasa? ¡Nada!",
    "La col·lecció de l'Institut",
    "Temperature: 25°C, humidity 80%",
    "© 2024 AP. ® and ™ are marks.",
    "½ + ¼ = ¾",
    "Footnote¹ and footnote²",
    "Section §3 ¶2",
    "¯\\_(ツ)_/¯",
    "┌──┐ box └──┘",
    "Émile Zola, Ève, Ôté",
    "ÉCOLE NATIONALE D'ADMINISTRATION",
    "THÉÂTRE DU CHÂTELET",
    "CRÈME BRÛLÉE À LA CARTE",
    "CAFÉ”, dit-il.",
    "IL Y A MARQUÉ…",
    "DÉJÀ VU — encore",
    "Kraków, Łódź, Gdańsk, Poznań",
    "Dvořák, Janáček, Smetana",
    "İstanbul, Ankara, İzmir, Muğla",
    "Ştefan cel Mare şi Sfânt",
    "Mesut Özil, Jürgen Klopp, İlkay Gündoğan",
    "naïve coöperation, résumé, façade",
    "The Ångström unit: Å",
    "ÅLAND, ÅRHUS, ÖREBRO",
    "Ölüdeniz, Göreme, Çeşme",
    "北京欢迎你",
    "東京タワー",
    "서울특별시",
    "שלום עולם",
    "السلام عليكم",
    "Ā ā Ē ē Ī ī Ō ō Ū ū (Māori macrons)",
    "ǅ ǈ ǋ (digraphs)",
    "µ-law and µs timing",
    "The price is 3·5 units.",
    "He scored 1º and 2ª place.",
    "Â is used in Romanian: ROMÂNĂ, CÂND.",
    "A Â À Ã Ä Å",
    "Ã and Õ are Portuguese letters.",
    "Guaraní: Ñande Ãva",
    "Ñ, Ð and Ø in one line.",
    "«Paix» et «liberté»",
    "‹single› and «double» guillemets",
    "• First item\n",
    "Price: 12 € – 15 €",
    "São Tomé and Príncipe",
    "Curaçao, Bonaire, Saba",
    "“Hello” — ‘world’ … ok",
    "½ÃO",
    "LUÍS INÁCIO LULA DA SILVA",
    "ÓRGÃOS PÚBLICOS",
    "MANHÃ, TARDE E NOITE",
    "MÃE E FILHA",
    "PÃO DE AÇÚCAR",
    "ÃËÏÖÜ",
    "Ñoquis á la carte",
    "Vláda schválila „balíček“ opatření.",
    "Slovenská vláda: „Áno“, povedal premiér.",
    "Polská „Solidarność“ slaví výročí.",
    "modelÇ ailesi ve ürünleri",
    "IRMÃ  e MÃE chegaram.",
    "KYLLÄ  hän sanoi.",
    "É  o fim, disse.",
    "Hôm qua vào lúc 10 giờ, trời mưa.",
    "Aquest argument no és vàlid.",
    "À bientôt ! À demain.",
    "São Paulo — SÃO PAULO — são paulo",
    "ΑΘΗΝΑ — Η ΕΛΛΑΔΑ",
    "МОСКВА, РОССИЯ",
    "Ð is the Icelandic eth; ð is lowercase.",
    "Price £5·50 or €6,20",
    "Cost: ¥500 ¢50 ¤",
    "He said «ça» and «là».",
    "Æsop’s fables; Œuvres complètes",
    "Brontë, Zoë, Noël",
    "a « b » c",
]


def cp1252_decode(b, undefined):
    """Decode bytes as Windows-1252; undefined bytes: 'c1' keeps them as the
    Latin-1 C1 control, 'drop' drops them."""
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode("cp1252"))
        except UnicodeDecodeError:
            if undefined == "c1":
                out.append(chr(x))
    return "".join(out)


def latin1_decode(b):
    return b.decode("latin-1")


def mangle(s, how):
    b = s.encode("utf-8")
    if how == "cp1252":
        return cp1252_decode(b, "c1")
    if how == "cp1252-drop":
        return cp1252_decode(b, "drop")
    if how == "latin1":
        return latin1_decode(b)
    if how == "cp1252x2":
        return cp1252_decode(cp1252_decode(b, "c1").encode("utf-8"), "c1")
    if how == "latin1+cp1252":
        return cp1252_decode(latin1_decode(b).encode("utf-8"), "c1")
    if how == "cp1252-nbsp-space":
        return cp1252_decode(b, "c1").replace("\u00a0", " ")
    raise ValueError(how)


def main():
    rng = random.Random(20240709)
    rows = []
    # punctuation read as Windows-1251 ("вЂ™" for ’), which we also undo
    for s in SNIPPETS[:5]:
        m = s.encode("utf-8").decode("cp1251", "replace")
        if "\ufffd" not in m and all(ord(c) < 128 or c in "’“”—…€" for c in s):
            rows.append((m, s))
    # triple encoding, for a few snippets
    for s in SNIPPETS[:6]:
        m = cp1252_decode(mangle(s, "cp1252x2").encode("utf-8"), "c1")
        rows.append((m, unicodedata.normalize("NFC", s)))
    hows = ["cp1252", "cp1252", "cp1252", "cp1252-drop", "latin1", "cp1252x2", "latin1+cp1252"]
    for s in SNIPPETS:
        chosen = rng.sample(hows, 3)
        for how in dict.fromkeys(chosen):
            m = mangle(s, how)
            if how == "cp1252-drop" and m.replace("\u00a0", "") != m:
                pass
            if m == s:
                continue
            # dropped bytes lose information except for the right double
            # quote (E2 80 9D -> "â€"); keep only recoverable cases
            if how == "cp1252-drop" and len(m.encode("cp1252", "replace")) != len(s.encode("utf-8")):
                if "\u201d" not in s:
                    continue
                t = s.replace("\u201d", "")
                if len(cp1252_decode(t.encode("utf-8"), "drop").encode("cp1252", "replace")) != len(t.encode("utf-8")):
                    continue
            rows.append((m, unicodedata.normalize("NFC", s)))
    # no-break spaces as scrapers mangle them
    for s in [
        "The ceasefire began at 10\u00a0a.m. local time.",
        "Shares rose 5\u00a0% on Monday.",
        "The convoy was attacked.\u00a0",
        "Read more:\u00a0Ukraine war latest",
        "Paris\u00a0— The talks resumed.",
        "A total of 1\u00a0000 people attended.",
    ]:
        rows.append((mangle(s, "cp1252"), s))
        rows.append((mangle(s, "cp1252-nbsp-space"), s.replace("\u00a0", " ")))
        if s.endswith("\u00a0"):
            rows.append((mangle(s, "cp1252")[:-1], s[:-1]))
    # hand-made: whitespace collapsed or no-break spaces turned into spaces
    # after mis-decoding, as scraping pipelines do
    rows += [
        ("Rendez-vous Ã  la gare, voilÃ  tout.", "Rendez-vous à la gare, voilà tout."),
        ("Rendez-vous Ã la gare, dÃ©part Ã 10 h.", "Rendez-vous à la gare, départ à 10 h."),
        ("Ele foi Ã s compras e Ã quele lugar, nÃ£o?", "Ele foi às compras e àquele lugar, não?"),
        ("Ð Ð¾Ñ\x81Ñ\x81Ð¸Ñ\x8f", "Россия"),
        ("ÐŸÐ ÐžÐ“Ð Ð\x90ÐœÐ\x90", "ПРОГРАМА"),
        ("The talks endedâ€ said the envoy.", "The talks ended” said the envoy."),
        ("Ã\x89lysÃ©e Palace", "Élysée Palace"),
        ("cafÃ\xa9 and crÃ\xa8me", "café and crème"),
        ("Å patnÄ› zvolenÃ½ termÃ\xadn", "Špatně zvolený termín"),
        ("daxilindÉ™ki dÃ¼ymÉ™lÉ™r", "daxilindəki düymələr"),
        ("He said â€œyesâ€\ufffd and left.", "He said “yes” and left."),
        ("I â¤ï¸ Paris", "I ❤️ Paris"),
        ("Great show â¤ï¸ðŸ˜‚", "Great show ❤️😂"),
        ("¯\\_(ãƒ„)_/¯", "¯\\_(ツ)_/¯"),
    ]
    clean = []
    for s in CLEAN:
        s = s.rstrip("\n")
        clean.append((s, unicodedata.normalize("NFC", s)))
    seen = set()
    out = sys.stdout
    out.write("# input\texpected (generated by gen_mojibake.py; input == expected: clean look-alike)\n")
    for a, b in rows + clean:
        if a in seen or "\t" in a or "\n" in a:
            continue
        seen.add(a)
        out.write(a + "\t" + b + "\n")


if __name__ == "__main__":
    main()
