"""The outbound guard: FactDesk fetches only public http(s) addresses, and connects to the address it checked.

Only the network edge is faked here: name resolution (socket.getaddrinfo) and
httpx's transport, so no test touches the internet.
"""
from __future__ import annotations

import ipaddress
import socket

import httpx
import pytest

from factdesk import outbound
from factdesk.outbound import OutboundError, check_url, fetch

PUBLIC_IP = "93.184.215.14"


@pytest.fixture
def fake_dns(monkeypatch):
    """Resolve the names in the returned dict (name → list of addresses); anything else is unknown."""
    table: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if _is_address(host):
            return real(host, port, *args, **kwargs)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))
            for address in table[host]
        ]

    monkeypatch.setattr(outbound.socket, "getaddrinfo", getaddrinfo)
    return table


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@pytest.fixture
def fake_network(monkeypatch):
    """Answer httpx requests from a dict (address → handler); records every request that went out."""
    handlers = {}
    sent: list[httpx.Request] = []

    def handle_request(self, request):
        sent.append(request)
        return handlers[request.url.host](request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle_request)
    return handlers, sent


@pytest.fixture(autouse=True)
def private_addresses_refused(settings):
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = False


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.1.2.3:8080/status", "loopback"),
        ("http://10.0.0.5/", "private"),
        ("http://192.168.1.1/admin", "private"),
        ("http://172.16.0.9/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://100.64.3.4/", "non-public"),
        ("http://[::1]/", "loopback"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fc00::7]/", "private"),
        ("http://[ff02::1]/", "multicast"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:10.1.1.1]/", "private"),
        ("http://[64:ff9b::a00:1]/", "private"),
    ],
)
def test_it_refuses_addresses_that_are_not_public(url, kind):
    with pytest.raises(OutboundError) as refused:
        check_url(url)
    assert f"a {kind} address" in str(refused.value)
    assert refused.value.permanent is True


def test_it_refuses_a_name_that_resolves_to_a_private_address(fake_dns):
    fake_dns["intranet.example"] = ["10.20.30.40"]
    with pytest.raises(OutboundError, match=r"intranet\.example resolves to 10\.20\.30\.40, a private address"):
        check_url("https://intranet.example/wiki")


def test_it_refuses_a_name_when_any_of_its_addresses_is_private(fake_dns):
    fake_dns["mixed.example"] = [PUBLIC_IP, "127.0.0.1"]
    with pytest.raises(OutboundError, match="loopback"):
        check_url("https://mixed.example/")


def test_it_accepts_a_public_address(fake_dns):
    fake_dns["news.example"] = [PUBLIC_IP]
    check_url("https://news.example/world/article-1")
    check_url(f"http://{PUBLIC_IP}/")


def test_it_allows_private_addresses_only_when_the_setting_says_so(settings):
    settings.FACTDESK_FETCH_ALLOW_PRIVATE = True
    check_url("http://127.0.0.1:8000/")
    check_url("http://[::1]/")


@pytest.mark.parametrize("url", ["https://reporter:s3cret@news.example/", "https://token@news.example/"])
def test_it_refuses_credentials_in_the_url_without_repeating_them(url, fake_dns):
    fake_dns["news.example"] = [PUBLIC_IP]
    with pytest.raises(OutboundError, match="carries credentials") as refused:
        check_url(url)
    assert "s3cret" not in str(refused.value)
    assert refused.value.permanent is True


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://news.example/file.txt", r"not an http\(s\) URL"),
        ("file:///etc/passwd", r"not an http\(s\) URL"),
        ("javascript:alert(1)", r"not an http\(s\) URL"),
        ("https://", "has no host name"),
        ("http://[::1", "not a valid URL"),
        ("http://news.example:port/", "not a valid URL"),
        ("", "the URL is empty"),
    ],
)
def test_it_refuses_malformed_urls_permanently(url, problem):
    with pytest.raises(OutboundError, match=problem) as refused:
        check_url(url)
    assert refused.value.permanent is True
    assert refused.value.status == 400


def test_an_unknown_host_is_a_permanent_error(fake_dns):
    with pytest.raises(OutboundError, match="could not be resolved") as refused:
        check_url("https://no-such-host.example/")
    assert refused.value.permanent is True


def test_it_connects_to_the_address_it_checked_and_presents_the_original_host(fake_dns, fake_network):
    fake_dns["news.example"] = [PUBLIC_IP]
    handlers, sent = fake_network
    handlers[PUBLIC_IP] = lambda request: httpx.Response(200, headers={"Content-Type": "text/plain"}, text="hello")

    result = fetch("https://news.example/story?id=7")

    assert result.body == b"hello"
    assert result.final_url == "https://news.example/story?id=7"
    (request,) = sent
    assert request.url.host == PUBLIC_IP
    assert request.headers["Host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"


def test_a_name_that_changes_its_answer_after_the_check_cannot_reach_a_private_address(fake_network, monkeypatch):
    """DNS rebinding: the name is resolved once per hop, and that answer is the one connected to."""
    handlers, sent = fake_network
    handlers[PUBLIC_IP] = lambda request: httpx.Response(200, headers={"Content-Type": "text/html"}, text="<p>ok</p>")
    answers = iter([PUBLIC_IP, "127.0.0.1", "127.0.0.1"])
    real = socket.getaddrinfo
    monkeypatch.setattr(outbound.socket, "getaddrinfo",
                        lambda host, port, *args, **kwargs: real(next(answers), port, *args, **kwargs))

    fetch("http://rebind.example/")

    assert [request.url.host for request in sent] == [PUBLIC_IP]


def test_it_refuses_a_redirect_to_a_private_address(fake_dns, fake_network):
    fake_dns["news.example"] = [PUBLIC_IP]
    fake_dns["metadata.internal"] = ["169.254.169.254"]
    handlers, sent = fake_network
    handlers[PUBLIC_IP] = lambda request: httpx.Response(
        302, headers={"Location": "http://metadata.internal/latest/meta-data/"}
    )

    with pytest.raises(OutboundError, match="169.254.169.254, a link-local address") as refused:
        fetch("https://news.example/story")
    assert refused.value.permanent is True
    assert len(sent) == 1  # the private address was never contacted


def test_it_refuses_a_redirect_to_another_scheme(fake_dns, fake_network):
    fake_dns["news.example"] = [PUBLIC_IP]
    handlers, _sent = fake_network
    handlers[PUBLIC_IP] = lambda request: httpx.Response(301, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(OutboundError, match="not an http"):
        fetch("https://news.example/story")


def test_it_stops_following_redirects_after_the_configured_number(fake_dns, fake_network, settings):
    settings.FACTDESK_FETCH_MAX_REDIRECTS = 2
    fake_dns["news.example"] = [PUBLIC_IP]
    handlers, sent = fake_network
    handlers[PUBLIC_IP] = lambda request: httpx.Response(302, headers={"Location": f"/hop{len(sent)}"})
    with pytest.raises(OutboundError, match="redirected more than 2 times") as refused:
        fetch("https://news.example/start")
    assert refused.value.permanent is True
    assert len(sent) == 3


def test_it_ignores_proxy_settings_from_the_environment(fake_dns, fake_network, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://10.9.9.9:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://10.9.9.9:3128")
    fake_dns["news.example"] = [PUBLIC_IP]
    handlers, sent = fake_network
    handlers[PUBLIC_IP] = lambda request: httpx.Response(200, headers={"Content-Type": "text/plain"}, text="direct")
    assert fetch("https://news.example/").body == b"direct"
    assert sent[0].url.host == PUBLIC_IP


def test_an_internationalised_host_is_resolved_and_announced_in_its_ascii_form(fake_dns, fake_network):
    fake_dns["xn--nachrichten-v8a.example"] = [PUBLIC_IP]
    handlers, sent = fake_network
    handlers[PUBLIC_IP] = lambda request: httpx.Response(200, headers={"Content-Type": "text/plain"}, text="ok")

    fetch("https://nachrichtenä.example/artikel")

    assert sent[0].headers["Host"] == "xn--nachrichten-v8a.example"


def test_when_one_checked_address_refuses_the_connection_the_next_is_tried(fake_dns, fake_network):
    other_public_ip = "93.184.215.15"
    fake_dns["news.example"] = [PUBLIC_IP, other_public_ip]
    handlers, sent = fake_network

    def refuse(request):
        raise httpx.ConnectError("connection refused", request=request)

    handlers[PUBLIC_IP] = refuse
    handlers[other_public_ip] = lambda request: httpx.Response(200, headers={"Content-Type": "text/plain"}, text="ok")

    assert fetch("https://news.example/").body == b"ok"
    assert [request.url.host for request in sent] == [PUBLIC_IP, other_public_ip]


def test_when_every_address_refuses_the_connection_it_is_a_temporary_failure(fake_dns, fake_network):
    fake_dns["news.example"] = [PUBLIC_IP]
    handlers, _sent = fake_network

    def refuse(request):
        raise httpx.ConnectError("connection refused", request=request)

    handlers[PUBLIC_IP] = refuse
    with pytest.raises(OutboundError, match="could not be reached: connection refused") as refused:
        fetch("https://news.example/")
    assert refused.value.permanent is False
