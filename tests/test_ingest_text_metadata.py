"""`manage.py ingest` on plain text stores the title, authors and date a reader sees,
and says which new documents have no date; a header block or --published wins."""
from __future__ import annotations

from datetime import date, datetime, timezone
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.models import Claim, ClaimKind
from sources.models import Document
from sources.services import document_ingest

# Written by us in the shape of a web page saved as text: a Markdown headline, a linked
# byline, a date line, a photo caption, then a dateline and the story.
PAGE_AS_TEXT = """

# 'A Fragile Pause' as Shelling Stops Along the Vardan Ridge

By [Lena Markova](#)

March 4, 2023



Border guards near the ridge. **Photo desk / FactDesk**

TAVRIS, Kelmora — The foreign ministry of Kelmora said Saturday that a ceasefire with its western neighbour would take effect from 10:00 a.m. Moscow time, after two days of shelling that killed at least 14 soldiers.

“We slept in the cellar both nights,” said Irena, a teacher in the border village of Osk who asked that her surname not be used.
"""
UNDATED = "Shelling resumed near the ridge on Tuesday, the ministry said, a day after a truce was announced.\n"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "moscow-times-2022-09-13.txt"


def _ingest(*paths, **options) -> str:
    out = StringIO()
    call_command("ingest", *map(str, paths), stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.mark.django_db
def test_a_page_saved_as_text_keeps_its_title_author_and_date_and_its_ceasefire_is_extracted(
        tmp_path, django_capture_on_commit_callbacks):
    path = tmp_path / "vardan-ridge.txt"
    path.write_text(PAGE_AS_TEXT, encoding="utf-8")

    with django_capture_on_commit_callbacks(execute=True):
        out = _ingest(path)

    document = Document.objects.get()
    assert document.title == "'A Fragile Pause' as Shelling Stops Along the Vardan Ridge"
    assert document.authors == ["Lena Markova"]
    assert document.published_at == datetime(2023, 3, 4, tzinfo=timezone.utc)
    assert document.published_date_only is True
    ceasefire = Claim.objects.get(document=document, kind=ClaimKind.CEASEFIRE)
    assert ceasefire.effective_at == datetime(2023, 3, 4, 7, 0, tzinfo=timezone.utc)  # 10:00 Moscow time
    assert "no date" not in out


@pytest.mark.django_db
def test_the_summary_names_the_new_documents_that_have_no_date(tmp_path):
    dated, undated = tmp_path / "dated.txt", tmp_path / "undated.txt"
    dated.write_text(PAGE_AS_TEXT, encoding="utf-8")
    undated.write_text(UNDATED, encoding="utf-8")

    out = _ingest(dated, undated)

    document = Document.objects.get(published_at__isnull=True)
    assert f"new: {undated} → document {document.pk}, extraction job" in out
    assert f"document {document.pk}, extraction job {document.jobs.get().pk} (no publication date)" in out
    assert "1 new document(s) have no publication date, so relative times" in out
    assert f"  no date: {undated} → document {document.pk}" in out.splitlines()
    assert f"no date: {dated}" not in out


@pytest.mark.django_db
def test_a_header_block_and_the_published_option_win_over_what_the_text_prints(tmp_path):
    path = tmp_path / "header.txt"
    path.write_text("Title: Truce on the ridge\nAuthor: Desk Editor\n\n" + PAGE_AS_TEXT.strip(), encoding="utf-8")

    _ingest(path, published="2023-03-05T08:00:00+00:00")

    document = Document.objects.get()
    assert document.title == "Truce on the ridge"
    assert document.authors == ["Desk Editor"]
    assert document.published_at == datetime(2023, 3, 5, 8, 0, tzinfo=timezone.utc)
    assert document.published_date_only is False


@pytest.mark.django_db
def test_text_sent_through_the_service_is_read_the_same_way_unless_the_caller_says_otherwise():
    seen = document_ingest(text=PAGE_AS_TEXT).document
    assert (seen.title, seen.published_at.date()) == ("'A Fragile Pause' as Shelling Stops Along the Vardan Ridge",
                                                      date(2023, 3, 4))
    given = document_ingest(text=UNDATED + "\nMore.", title="Given", published_at=date(2024, 1, 2)).document
    assert (given.title, given.published_at, given.published_date_only) == (
        "Given", datetime(2024, 1, 2, tzinfo=timezone.utc), True)


@pytest.mark.django_db
@pytest.mark.skipif(not SEED.is_file(), reason=f"the shared seed article is not beside the repository ({SEED})")
def test_the_shared_seed_article_has_its_title_date_and_ceasefire(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _ingest(SEED)
    document = Document.objects.get()
    assert document.title.startswith("'Difficult Moment for Russia'")
    assert document.published_at.date() == date(2022, 9, 13)
    ceasefire = Claim.objects.get(document=document, kind=ClaimKind.CEASEFIRE)
    assert ceasefire.effective_at == datetime(2022, 9, 13, 6, 0, tzinfo=timezone.utc)  # 9:00 a.m. Moscow time


@pytest.mark.django_db
def test_a_bare_date_in_the_header_or_the_option_is_a_day_without_a_time(tmp_path):
    header, option = tmp_path / "header.txt", tmp_path / "option.txt"
    header.write_text("Published: 2023-11-04\n\n" + UNDATED, encoding="utf-8")
    option.write_text(UNDATED + "\nA second paragraph.\n", encoding="utf-8")
    _ingest(header)
    _ingest(option, published="2023-11-05")
    assert sorted(Document.objects.values_list("published_at", "published_date_only")) == [
        (datetime(2023, 11, 4, tzinfo=timezone.utc), True), (datetime(2023, 11, 5, tzinfo=timezone.utc), True)]
