"""An article page becomes blank-line paragraphs of main text plus its metadata; bytes become text."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from factdesk.errors import IngestError
from sources.html import canonical_url, html_extract
from sources.reading import bytes_to_text, split_text_header

PAGE = """<!DOCTYPE html>
<html lang="fr-FR">
<head>
  <meta charset="utf-8">
  <title>Cessez-le-feu fragile dans la vallée — L'Écho du Nord</title>
  <meta property="og:site_name" content="L'Écho du Nord">
  <meta property="og:title" content="Cessez-le-feu fragile dans la vallée">
  <meta name="author" content="Claire Dumont; Yann Leclerc">
  <meta property="article:published_time" content="2024-01-18T17:45:00+01:00">
  <link rel="canonical" href="https://WWW.echodunord.example/monde/cessez-le-feu?utm_medium=social&amp;page=2#commentaires">
</head>
<body>
  <header><nav><a href="/">Accueil</a> · <a href="/monde">Monde</a> · <a href="/sport">Sport</a></nav></header>
  <main><article>
    <h1>Cessez-le-feu fragile dans la vallée</h1>
    <p>Le cessez-le-feu conclu mercredi soir tenait encore jeudi matin dans la vallée,
       selon les habitants joints par téléphone.</p>
    <p>Les autorités locales ont fait état de trois blessés <em>légers</em> lors d'un
       échange de tirs isolé,<br>peu avant l'aube.</p>
    <blockquote>« Nous avons enfin dormi une nuit entière », a raconté une institutrice du village.</blockquote>
    <p>Les négociations doivent reprendre lundi dans la capitale.</p>
  </article></main>
  <aside>Les plus lus : recettes d'hiver, météo du week-end</aside>
  <footer>© L'Écho du Nord — mentions légales — contact</footer>
</body>
</html>
"""


def test_it_keeps_the_article_and_drops_the_navigation_and_footer():
    article = html_extract(PAGE)

    assert article.text.startswith("Le cessez-le-feu conclu mercredi soir")
    for boilerplate in ("Accueil", "mentions légales", "Les plus lus"):
        assert boilerplate not in article.text


def test_paragraphs_are_blocks_separated_by_one_blank_line_with_their_lines_joined():
    paragraphs = html_extract(PAGE).text.split("\n\n")

    assert paragraphs == [
        "Le cessez-le-feu conclu mercredi soir tenait encore jeudi matin dans la vallée, "
        "selon les habitants joints par téléphone.",
        "Les autorités locales ont fait état de trois blessés légers lors d'un échange de tirs isolé, peu avant l'aube.",
        "« Nous avons enfin dormi une nuit entière », a raconté une institutrice du village.",
        "Les négociations doivent reprendre lundi dans la capitale.",
    ]


def test_it_reads_title_authors_date_outlet_and_language():
    article = html_extract(PAGE)

    assert article.title == "Cessez-le-feu fragile dans la vallée"
    assert article.authors == ["Claire Dumont", "Yann Leclerc"]
    assert article.published_at == datetime(2024, 1, 18, 16, 45, tzinfo=timezone.utc)
    assert article.site_name == "L'Écho du Nord"
    assert article.language == "fr-fr"


def test_the_canonical_url_is_normalised_without_tracking_parameters_or_fragment():
    article = html_extract(PAGE)

    assert article.canonical_url == "https://www.echodunord.example/monde/cessez-le-feu?page=2"
    assert article.domain == "echodunord.example"


def test_without_a_canonical_link_the_page_url_is_used():
    page = "<html><body><article><p>Talks were postponed again on Friday, the mediators said.</p></article></body></html>"
    article = html_extract(page, url="https://News.Example:443/talks/postponed?fbclid=abc#top")
    assert article.canonical_url == "https://news.example/talks/postponed"
    assert article.domain == "news.example"


def test_a_canonical_link_to_the_front_page_does_not_replace_a_deeper_page_url():
    page = ('<html><head><link rel="canonical" href="https://news.example/"></head>'
            "<body><article><p>The border crossing reopened on Thursday morning after a week.</p></article></body></html>")
    article = html_extract(page, url="https://news.example/2024/border-reopens")
    assert article.canonical_url == "https://news.example/2024/border-reopens"


def test_a_page_with_no_article_text_gives_empty_text():
    assert html_extract("<html><head><title>Empty</title></head><body></body></html>").text == ""


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.ORG:443/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
        ("https://example.org/a?utm_source=x&utm_campaign=y", "https://example.org/a"),
        ("https://example.org/a#section-2", "https://example.org/a"),
        ("ftp://example.org/a", None),
        ("", None),
    ],
)
def test_canonical_urls_fold_the_differences_that_do_not_name_another_page(url, expected):
    assert canonical_url(url) == expected


def test_bytes_without_a_declared_charset_are_decoded_by_detection():
    article = ("Les habitants de la vallée ont décrit une nuit très calme, la première depuis des semaines. "
               "Le maire a déclaré que les écoles rouvriraient lundi si le cessez-le-feu était respecté. ") * 3
    assert bytes_to_text(article.encode("cp1252")) == article


def test_a_charset_declared_by_the_server_wins():
    assert bytes_to_text("Ilyas Şahin".encode("iso-8859-9"), declared_charset="iso-8859-9") == "Ilyas Şahin"


def test_a_meta_charset_in_html_is_honoured():
    html = '<html><head><meta charset="windows-1251"></head><body><p>Война</p></body></html>'
    assert "Война" in bytes_to_text(html.encode("windows-1251"), html=True)


def test_a_byte_order_mark_decides_the_encoding():
    assert bytes_to_text("Kyiv, 3 March".encode("utf-16")) == "Kyiv, 3 March"  # encode() writes the BOM


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n" + bytes(200), b"\x7fELF\x02\x01\x01" + b"\x01\x02\x03\x04" * 100],
)
def test_bytes_that_are_not_text_are_refused(data):
    with pytest.raises(IngestError, match="upload.bin is not text"):
        bytes_to_text(data, name="upload.bin")


def test_a_text_header_block_gives_metadata_and_the_article_after_it():
    header, body = split_text_header(
        "Title: Aid reaches the port\nOutlet: Coastal Post\nPublished: 2023-06-01\n"
        "URL: https://coastalpost.example/aid\nAuthor: Ana Ruiz; Ben Holt\nLanguage: en\n\n"
        "Two ships unloaded flour on Thursday.\n"
    )
    assert header.title == "Aid reaches the port"
    assert header.outlet == "Coastal Post"
    assert header.published_at == date(2023, 6, 1)  # a day, no time: stored as date-only
    assert header.url == "https://coastalpost.example/aid"
    assert header.authors == ["Ana Ruiz", "Ben Holt"]
    assert header.language == "en"
    assert body == "Two ships unloaded flour on Thursday.\n"


def test_a_first_paragraph_that_only_looks_like_a_header_stays_in_the_article():
    text = "Update: the curfew was lifted at noon.\nResidents returned to the market.\n\nMore later.\n"
    header, body = split_text_header(text)
    assert header.title == "" and body == text


def test_a_bad_publication_date_in_the_header_is_an_ingest_error():
    with pytest.raises(IngestError, match="'last Tuesday' is not a date"):
        split_text_header("Title: x\nPublished: last Tuesday\n\nBody.\n")


def test_a_canonical_link_to_the_front_page_is_not_taken_as_the_articles_url():
    page = ('<html><head><link rel="canonical" href="https://news.example/"></head>'
            "<body><article><p>Power was restored to the eastern districts late on Sunday.</p></article></body></html>")
    assert html_extract(page).canonical_url is None


def test_paragraphs_made_of_double_line_breaks_become_blocks_and_a_single_break_is_a_space():
    page = ("<html><body><div class='story'>Talks went on through the night, the mediators said.<br><br>"
            "At least nine people were hurt near the border crossing,<br>the district council said.<br>\n<br>"
            "The mayor asked residents to stay indoors until the morning.</div></body></html>")
    assert html_extract(page).text.split("\n\n") == [
        "Talks went on through the night, the mediators said.",
        "At least nine people were hurt near the border crossing, the district council said.",
        "The mayor asked residents to stay indoors until the morning.",
    ]


def test_a_utf8_page_mislabelled_latin1_by_its_server_is_read_as_utf8():
    text = "Zelensky met Erdoğan in Lviv; “no talks without a ceasefire”, he said."
    assert bytes_to_text(text.encode("utf-8"), declared_charset="ISO-8859-1") == text


def test_a_real_latin1_page_is_read_as_windows_1252():
    text = "Le ministère a confirmé le bilan : 12 morts — dont 3 enfants."
    assert bytes_to_text(text.encode("cp1252"), declared_charset="iso-8859-1") == text
