"""URLs no view answers: problem details under /api/, an HTML page elsewhere."""
import pytest


@pytest.mark.django_db
def test_an_unknown_api_path_answers_problem_details(client, settings):
    settings.DEBUG = False
    response = client.get("/api/v2/claims/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and "/api/v1/" in body["detail"]


@pytest.mark.django_db
def test_an_unknown_page_outside_the_api_is_html(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_the_api_docs_page_serves_swagger_ui_from_our_own_static_files(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
