from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from communique.clean import article_id, clean_document, line_fingerprint, lines_of
from communique.metadata import find_title, parse_date_line, split_date_prefix
from communique.model import RawDocument
from communique.settings import Settings, load_settings

# A scraped ministry page, written for these tests: banner, section label, headline, date with
# time, document number, salutations, body, a link directory and page furniture.
PAGE = """Support independent reporting - subscribe to our weekly digest!

Arms Control

Ministry of Foreign Affairs of the Example Republic

Foreign Minister Anna Lind's remarks at talks with the Finnish delegation, Helsinki, 3 May 2024

3 May 2024 11:05
8812-03-05-2024

Mr Haavisto,

Colleagues,

Thank you for receiving us in Helsinki today and for the careful preparation of these talks.
Our countries have worked side by side in the Baltic Sea region for years, as we intend to.
We signed a memorandum on energy security this morning, and our experts will meet again in June.

Print version
Share this page
www.gov.example.xxGovernment Offices
www.parliament.example.xxParliament
www.stats.example.xxStatistics Office
"""


def _raw(content: str, *, fmt: str = "text", doc: str = "page.txt") -> RawDocument:
    return RawDocument(doc=doc, content=content, format=fmt, group="tests")  # type: ignore[arg-type]


def test_clean_keeps_body_and_salutations_drops_furniture(settings: Settings) -> None:
    article = clean_document(_raw(PAGE), settings=settings)
    assert article.title == (
        "Foreign Minister Anna Lind's remarks at talks with the Finnish delegation, "
        "Helsinki, 3 May 2024"
    )
    assert article.published == date(2024, 5, 3)
    assert article.language == "en"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title
    assert paragraphs[1:3] == ["Mr Haavisto,", "Colleagues,"]
    assert paragraphs[-1].startswith("We signed a memorandum on energy security")
    for junk in ("subscribe", "Arms Control", "8812-03-05-2024", "Print version", "www.", "11:05"):
        assert junk not in article.text


def test_clean_reads_date_glued_to_first_sentence(settings: Settings) -> None:
    text = " date 2024-02-14 Envoys of the two states met in Geneva. They agreed to meet again.\n"
    article = clean_document(_raw(text), settings=settings)
    assert article.published == date(2024, 2, 14)
    assert article.title is None
    assert article.text.startswith("Envoys of the two states met in Geneva.")


def test_clean_keeps_speaker_line_before_quote_and_drops_srcset(settings: Settings) -> None:
    text = (
        "The two delegations discussed regional security in detail during the morning session.\n"
        "Jane Doe, Minister of Foreign Affairs:\n"
        '"We are ready to continue this dialogue at any level and in any format, as before."\n'
        "example.net https://cdn.example.org/a1-sm.webp 480w, https://cdn.example.org/a1.webp 9w\n"
        "The talks will continue next month in the capital, the ministry said on Tuesday.\n"
    )
    article = clean_document(_raw(text), settings=settings)
    assert "Jane Doe, Minister of Foreign Affairs:" in article.text
    assert "webp" not in article.text and "480w" not in article.text


def test_clean_drops_lines_repeated_across_a_source(settings: Settings) -> None:
    footer = "Our newsroom works around the clock to bring you verified reports every single day."
    body = "The ministers signed a protocol on border crossings and agreed to meet in autumn."
    article = clean_document(
        _raw(f"{body}\n{footer}\n"), settings=settings, repeated={line_fingerprint(footer)}
    )
    assert footer not in article.text
    assert body in article.text


def test_clean_html_uses_page_metadata(settings: Settings) -> None:
    html = (
        "<html><head><title>Ministers meet in Rome | Example Daily</title>"
        '<meta property="og:site_name" content="Example Daily">'
        '<meta property="article:published_time" content="2022-10-04T09:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        "<h1>Ministers meet in Rome</h1>"
        "<p>The foreign ministers of Italy and Spain met in Rome on Tuesday to discuss migration"
        " in the Mediterranean and the coordination of their positions in the European Union.</p>"
        "<p>They agreed to hold a joint summit of the two governments early next year and to set"
        " up a working group on the management of external borders.</p></article>"
        "<footer>Copyright Example Daily. All rights reserved.</footer></body></html>"
    )
    article = clean_document(_raw(html, fmt="html", doc="rome.html"), settings=settings)
    assert article.title == "Ministers meet in Rome"
    assert article.published == date(2022, 10, 4)
    assert article.publisher == "Example Daily"
    assert "Copyright" not in article.text and "Home" not in article.text
    assert "working group on the management of external borders" in article.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12 March 2024", date(2024, 3, 12)),
        ("12 March 2024 10:45", date(2024, 3, 12)),
        ("12 March 202410:45", date(2024, 3, 12)),
        ("March 12, 2024", date(2024, 3, 12)),
        ("2024-03-12", date(2024, 3, 12)),
        ("12.03.2024", date(2024, 3, 12)),
        ("Colleagues,", None),
        ("The talks ended in 2024 with a joint statement on trade.", None),
    ],
)
def test_parse_date_line_forms(line: str, expected: date | None) -> None:
    assert parse_date_line(line, "en") == expected


def test_split_date_prefix() -> None:
    assert split_date_prefix("date 2023-01-05 Talks began.") == (date(2023, 1, 5), "Talks began.")
    assert split_date_prefix("Talks began on 2023-01-05.") == (None, "Talks began on 2023-01-05.")


def test_find_title_beside_date_line_or_opening() -> None:
    lines = ["Site banner!", "President visits Chile", "4 April 2023", "Body text here."]
    assert find_title(lines, date_lines={2}) == (1, "President visits Chile")
    assert find_title(["Envoys met in Bern on Monday to talk.", "More."], date_lines=set()) is None


def test_article_id_ignores_whitespace_and_case() -> None:
    assert article_id("Talks  held\n in Rome.") == article_id("talks held in rome.")
    assert article_id("Talks held in Rome.") != article_id("Talks held in Paris.")


@hsettings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80), max_size=12)
)
def test_clean_never_invents_text(lines: list[str]) -> None:
    content = "\n".join(lines)
    if not content.strip():
        return
    article = clean_document(_raw(content), settings=load_settings(environ={}))
    source = set(lines_of(content))
    assert all(paragraph in source for paragraph in article.text.split("\n\n") if paragraph)


# Invented pages for the furniture rules (issue 10): each rule has two differently worded cases.
STORY = (
    "The defence ministers of Valdoria and Merovia met in Lusk on Friday and agreed to hold "
    "joint exercises on the northern border next spring.\n"
    "Merovian minister Dara Kell said the exercises would be open to observers from the region, "
    "and that her country sought no quarrel with anyone.\n"
    "The two sides will meet again in Vell in the autumn to review the plans, the Valdorian "
    "ministry said in a statement.\n"
)


def _story_with(furniture: str, settings: Settings, *, at: int = 1) -> str:
    """Clean a story with a furniture line put between its paragraphs, return the text."""
    lines = STORY.splitlines()
    lines.insert(at, furniture)
    return clean_document(_raw("\n".join(lines)), settings=settings).text


@pytest.mark.parametrize(
    "furniture",
    [
        # rows of short separated items: pipes, bullets, wide gaps
        "Print this story | Send to a friend",
        "Like · Post · Send on Telegram",
        "Share     Mastodon     Bluesky     Email",
        # a furniture label with a colon, or opening a line that is no sentence
        "Share: Mastodon Bluesky Email",
        "Tags: Valdoria, Merovia, defence",
        "ADVERTISEMENT",
        "Read more: Merovia names a new chief of the general staff",
        # calls to action, whatever their length
        "Subscribe to our evening briefing and never miss a story from the region again.",
        "Follow us on every network for the latest reports from Lusk and Vell.",
        # site notices
        "This site stores cookies on your device. By staying you accept our policy.",
        "We and our partners use cookies to personalise the content you see here.",
        # rights notices
        "Copyright 2019 Lusk Tribune. No part of this page may be copied without permission.",
        "Vell Courier Media Group. All rights reserved.",
        # captions with a photo credit
        "Ministers Dara Kell and Otto Brun review an honour guard in Lusk. (Photo: Tribune/Staff)",
        "[Picture: delegations at the table in Vell. Credit: Courier pool]",
        "Dara Kell arrives at the ministry in Lusk on Friday. Photo: Lusk Wire",
        "Otto Brun speaks to reporters after the talks in Vell. / VNA",
        "Soldiers of both armies at an earlier exercise near the border. LUSKPRESS/Ana Mor",
        "(LW Photo/Ana Mor) Delegations of Lusk and Vell pose before the talks.",
        "[Tribune photo] The two ministers at the border post on Friday.",
        # page counters
        "4 min read",
        "Views: 1,204",
        # editorial notes in brackets
        "(Vell Wire)",
        "(NOTE: adds Merovian reaction in paragraphs 5 and 6)",
        # bylines
        "By Ilse Varga",
        "BY MARKO LENT, Staff Writer",
    ],
)
def test_clean_drops_page_furniture_between_paragraphs(furniture: str, settings: Settings) -> None:
    text = _story_with(furniture, settings)
    assert furniture not in text
    assert "agreed to hold joint exercises" in text and "her country sought no quarrel" in text


@pytest.mark.parametrize(
    "line",
    [
        "Share prices in Lusk rose after the talks, traders said on Friday afternoon.",
        "Follow-up talks are planned for the spring, when experts will meet in Vell again.",
        "The minister showed reporters a photo of the border post, which was damaged in May.",
        "By the end of the day both delegations had signed the protocol on exercises.",
        "(c) to hold joint exercises on the northern border at least once a year;",
        "(c) the two parties shall exchange observers before each exercise;",
        "(In a video address) the minister of Vell thanked Lusk for the photos it sent.",
    ],
)
def test_clean_keeps_prose_that_opens_with_a_furniture_word(line: str, settings: Settings) -> None:
    assert line in _story_with(line, settings)


@pytest.mark.parametrize(
    ("heading", "items"),
    [
        ("Related stories:", ["Merovia names a new army chief", "Valdoria buys two patrol ships"]),
        ("MOST READ", ["- Lusk hosts river forum (12 May 2021)", "- Vell mayor resigns"]),
    ],
)
def test_clean_drops_a_list_of_other_stories(
    heading: str, items: list[str], settings: Settings
) -> None:
    lines = STORY.splitlines()
    text = clean_document(
        _raw("\n".join([lines[0], heading, *items, *lines[1:]])), settings=settings
    ).text
    assert heading not in text
    assert all(item not in text for item in items)
    assert lines[1] in text and lines[2] in text


def test_lines_of_reads_wide_gaps_as_separators() -> None:
    assert lines_of("Home    World\tRegion") == ["Home | World | Region"]
    assert lines_of("By Ilse Varga      Date 4 May 2020") == ["By Ilse Varga | Date 4 May 2020"]
    assert lines_of("Talks ended.  Both sides left.") == ["Talks ended. Both sides left."]


def test_clean_reads_header_with_byline_date_and_share_row(settings: Settings) -> None:
    page = (
        "Lusk Tribune\n"
        "Home   World   Region   Opinion\n"
        "Valdoria and Merovia agree on joint border exercises\n"
        "By Ilse Varga     Date 7 May 2021\n"
        "Category: Defence\n"
        "Read: 312 Views\n"
        "Ministers at the signing in Lusk. (Photo by: Tribune/Ana Mor)\n"
        + STORY
        + "Share: Mastodon Bluesky Email\n"
        "Latest News\n"
        "Merovia names a new army chief     5 May 2021\n"
        "Copyright © 2021 Lusk Tribune. All Rights Reserved.\n"
    )
    article = clean_document(_raw(page), settings=settings)
    assert article.title == "Valdoria and Merovia agree on joint border exercises"
    assert article.published == date(2021, 5, 7)
    for junk in ("Category", "312", "Photo by", "Share:", "Latest News", "army chief", "Rights"):
        assert junk not in article.text
    assert article.text.split("\n\n")[1].startswith("The defence ministers of Valdoria")
    wire = (
        "VELL WIRE\n"
        "(LEAD) Tarlandia suspends grain trade with Oskaria; Vell warns of countermeasures\n"
        "Economy | 11:40 March 3, 2015\n"
        "(ATTN: ADDS Oskarian reaction in paras 4-5)\n"
        "VELL, March 3 (VW) -- " + OTHER_STORY + "(END)\nKeywords: #grain #Oskaria\n"
        "Copyright (c) 2015 Vell Wire. All rights reserved.\n"
    )
    article = clean_document(_raw(wire), settings=settings)
    assert article.title.startswith("(LEAD) Tarlandia suspends grain trade")
    assert article.published == date(2015, 3, 3)
    for junk in ("ATTN", "(END)", "Keywords", "Copyright"):
        assert junk not in article.text


OTHER_STORY = (
    "Tarlandia on Tuesday suspended grain deliveries to Oskaria and closed two rail crossings, "
    "blaming Vell for the collapse of transit talks last week.\n"
    "Oskaria's foreign ministry said the step broke a treaty signed in 2009 and that it would "
    "answer in kind if the crossings stayed shut.\n"
)


def _page(article: str, footer: str) -> str:
    return (
        "<html><head><title>Valdoria and Merovia sign a river treaty | Lusk Tribune</title></head>"
        "<body><article><h1>Valdoria and Merovia sign a river treaty</h1>"
        f"{article}"
        "<p>The foreign ministers of Valdoria and Merovia signed a treaty on river shipping in"
        " Lusk, ending years of quarrels over tolls and the upkeep of the locks.</p>"
        "<p>Both parliaments are expected to ratify the text before the summer, officials of the"
        " two foreign ministries told reporters after the ceremony.</p></article>"
        f"<footer>{footer}</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # a bare year in a rights line is no publication date
        (_page("", "© 2020 Lusk Tribune"), None),
        (_page("", "Vell Courier, since 1998. Copyright 2017."), None),
        # 1 January written out is one
        (_page("<p class='date'>1 January 2021</p>", "© 2021 Lusk Tribune"), date(2021, 1, 1)),
        (_page("<time datetime='2016-01-01'>New Year's Day</time>", ""), date(2016, 1, 1)),
    ],
)
def test_clean_html_bare_year_is_no_date(
    html: str, expected: date | None, settings: Settings
) -> None:
    article = clean_document(_raw(html, fmt="html", doc="treaty.html"), settings=settings)
    assert article.published == expected


# Issue 11, case 5: the body of any language survives cleaning. Texts written for these tests:
# a headline, a date line, then three paragraphs of body.
BODIES = {
    "ru": (
        "Министры Эквадора и Словакии обсудили поставки бананов",
        "5 октября 2024 года",
        [
            "Министр иностранных дел Словакии прибыл в Кито, где встретился с эквадорским"
            " коллегой и обсудил с ним торговлю фруктами и лекарствами.",
            "Стороны условились создать рабочую группу, которая подготовит проект соглашения"
            " об упрощении таможенных процедур к весне следующего года.",
            "По словам словацкого министра, его страна готова принять у себя следующий раунд"
            " переговоров и пригласить туда представителей бизнеса.",
        ],
    ),
    "fr": (
        "Le Sénégal et la Slovénie signent un accord sur la formation des médecins",
        "12 juin 2023",
        [
            "Le ministre sénégalais des Affaires étrangères a été reçu lundi à Ljubljana par"
            " son homologue, avec qui il a évoqué la santé publique et l'enseignement.",
            "Les deux gouvernements ont signé un accord qui permettra chaque année à une"
            " vingtaine d'étudiants en médecine de suivre un stage dans l'autre pays.",
            "Une commission mixte se réunira à Dakar avant la fin de l'année pour faire le"
            " point sur la mise en œuvre de ce programme.",
        ],
    ),
    "de": (
        "Uruguay und Estland wollen bei der Digitalisierung der Verwaltung zusammenarbeiten",
        "21. März 2022",
        [
            "Der estnische Außenminister hat am Dienstag in Montevideo mit seinem Amtskollegen"
            " aus Uruguay über elektronische Behördendienste und Datenschutz gesprochen.",
            "Beide Regierungen wollen noch in diesem Jahr ein Abkommen über den Austausch von"
            " Fachleuten schließen, wie es nach dem Treffen hieß.",
            "Die nächste Gesprächsrunde soll im Herbst in Tallinn stattfinden und sich vor allem"
            " mit der Ausbildung von Programmierern befassen.",
        ],
    ),
    "ar": (
        "وزيرا خارجية تونس وماليزيا يبحثان التعاون في مجال التعليم العالي",
        "2023-09-14",
        [
            "استقبل وزير الخارجية التونسي في العاصمة يوم الاثنين نظيره الماليزي، وبحث الجانبان"
            " سبل تطوير التعاون بين الجامعات في البلدين.",
            "واتفق الوزيران على تبادل البعثات الطلابية وعلى عقد اجتماع للجنة المشتركة في"
            " كوالالمبور قبل نهاية العام الجاري.",
            "وأكد الوزير الماليزي أن بلاده ترحب بزيادة عدد الطلاب التونسيين الذين يدرسون في"
            " جامعاتها خلال السنوات المقبلة.",
        ],
    ),
    "zh": (
        "冰岛与越南外长举行会谈",
        "2024-02-08",
        [
            "越南外交部长星期四在河内会见了来访的冰岛外交部长，双方就地热能源和渔业合作深入交换了意见。",
            "两国外长同意尽快签署关于科技合作的谅解备忘录，并在年内举行第二次政治磋商。",
            "冰岛外长表示，冰方愿意与越方分享地热开发的经验，推动两国关系不断向前发展。",
        ],
    ),
    # Languages that join function words to the word: stop words cannot tell prose there.
    "ko": (
        "캐나다와 베트남 외교장관 하노이에서 회담",
        "2024-06-11",
        [
            "캐나다 외교장관은 월요일 하노이에서 베트남 외교장관과 만나 교육 협력과 해양 안보"
            " 문제를 폭넓게 논의했다.",
            "두 장관은 올해 하반기에 오타와에서 공동위원회를 열고 유학생 교류를 늘리기로 합의했다.",
            "베트남 장관은 캐나다 기업의 투자가 앞으로 꾸준히 늘어날 것으로 기대한다고 밝혔다.",
        ],
    ),
    "tr": (
        "Macaristan ve Tunus dışişleri bakanları Budapeşte'de bir araya geldi",
        "2022-11-23",
        [
            "Tunus Dışişleri Bakanı çarşamba günü Budapeşte'de Macar mevkidaşıyla görüşerek"
            " turizm, eğitim ve tarımdaki işbirliği imkânlarını masaya yatırdı.",
            "Bakanlar, ortak çalışma grubunun ilkbaharda Tunus'ta toplanması konusunda"
            " anlaşmaya vardıklarını açıkladılar.",
            "Macar bakan, üniversiteler arasındaki öğrenci değişimlerinin artırılmasından"
            " memnuniyet duyacaklarını belirtti.",
        ],
    ),
    # Scripts whose vowel signs are combining marks inside the word.
    "hi": (
        "भारत और घाना के विदेश मंत्रियों ने अक्करा में बातचीत की",
        "2023-01-17",
        [
            "भारत के विदेश मंत्री ने मंगलवार को अक्करा में घाना के विदेश मंत्री से मुलाकात की और"
            " दोनों देशों के बीच दवाओं के व्यापार पर चर्चा की।",
            "दोनों मंत्रियों ने अगले साल नई दिल्ली में संयुक्त आयोग की बैठक बुलाने पर सहमति जताई।",
            "घाना के मंत्री ने कहा कि उनका देश भारत के साथ सौर ऊर्जा में सहयोग बढ़ाना चाहता है।",
        ],
    ),
    "bn": (
        "বাংলাদেশ ও পর্তুগালের পররাষ্ট্রমন্ত্রীরা লিসবনে বৈঠক করেছেন",
        "2021-04-27",
        [
            "বাংলাদেশের পররাষ্ট্রমন্ত্রী মঙ্গলবার লিসবনে পর্তুগালের পররাষ্ট্রমন্ত্রীর সঙ্গে দেখা"
            " করে দুই দেশের বাণিজ্য ও শিক্ষা বিষয়ে আলোচনা করেছেন।",
            "দুই মন্ত্রী আগামী বছর ঢাকায় একটি যৌথ কমিশনের বৈঠক আয়োজনের বিষয়ে একমত হয়েছেন বলে জানা গেছে।",
            "পর্তুগালের মন্ত্রী বলেন, তাঁর দেশ বাংলাদেশ থেকে আরও বেশি দক্ষ শ্রমিক নিতে আগ্রহী।",
        ],
    ),
}

# The date each text's date line states.
STATED = {
    "ko": (2024, 6, 11),
    "tr": (2022, 11, 23),
    "hi": (2023, 1, 17),
    "bn": (2021, 4, 27),
    "ru": (2024, 10, 5),
    "fr": (2023, 6, 12),
    "de": (2022, 3, 21),
    "ar": (2023, 9, 14),
    "zh": (2024, 2, 8),
}


@pytest.mark.parametrize("language", sorted(BODIES))
def test_clean_keeps_the_body_of_any_language(language: str, settings: Settings) -> None:
    headline, dated, paragraphs = BODIES[language]
    content = "\n\n".join([headline, dated, *paragraphs, "Share", "Tags: politics"])
    article = clean_document(_raw(content), settings=settings)
    assert (article.language, article.title) == (language, headline)
    assert article.published == date(*STATED[language])
    assert article.text.split("\n\n") == [headline, *paragraphs]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_clean_keeps_a_russian_body_read_from_a_file(
    encoding: str, settings: Settings, tmp_path
) -> None:
    from communique.read import read_inputs

    headline, dated, paragraphs = BODIES["ru"]
    path = tmp_path / "quito.txt"
    path.write_bytes("\n\n".join([headline, dated, *paragraphs]).encode(encoding))
    [raw] = read_inputs([str(path)], max_bytes=100_000)
    assert isinstance(raw, RawDocument)
    article = clean_document(raw, settings=settings)
    assert article.title == headline and article.published == date(2024, 10, 5)
    assert article.text.split("\n\n") == [headline, *paragraphs]


@pytest.mark.parametrize("path", ["/latest", "/feed.html?day=2024-05-02"])
def test_clean_never_fetches_html_content_that_looks_like_a_url(
    path: str, settings: Settings
) -> None:
    """htmldate downloads a page given as a URL; an input's content must never reach a host."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = b"<html><body><p>Published 2 May 2024</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            """Keep the test's output quiet."""

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}{path}"
        article = clean_document(_raw(url, fmt="html", doc="link.html"), settings=settings)
    finally:
        server.shutdown()
        server.server_close()
    assert hits == []
    assert article.doc == "link.html"


@pytest.mark.parametrize(
    ("language", "names"),
    [
        (
            "en",
            "Kowalski, Nakamura, Okonkwo, Lindqvist, Haddad, Moreau, Petrenko, Alvarez, Tanaka.",
        ),
        ("ru", "Ковальский, Накамура, Оконкво, Линдквист, Хаддад, Моро, Петренко, Альварес."),
    ],
)
def test_clean_drops_a_long_list_of_names_where_stop_words_tell_prose(
    language: str, names: str, settings: Settings
) -> None:
    """The stop-word test still holds where the text's own sentences carry stop words."""
    headline, dated, paragraphs = BODIES.get(language) or (
        "Envoys of Chile and Norway meet in Oslo",
        "12 March 2024",
        [
            "The foreign minister of Norway received his Chilean colleague in Oslo on Tuesday"
            " for talks on fisheries and the Antarctic.",
            "Both sides agreed to hold a second round of consultations in Santiago before the"
            " end of the year.",
            "The Chilean minister said that his country wanted to sell more copper to Europe.",
        ],
    )
    content = "\n\n".join([headline, dated, paragraphs[0], names, *paragraphs[1:]])
    article = clean_document(_raw(content), settings=settings)
    assert names not in article.text
    assert all(paragraph in article.text for paragraph in paragraphs)
