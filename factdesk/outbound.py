"""The one way FactDesk talks to other servers: a guarded HTTP GET, and POST for webhooks.

Anything a user can name a URL for (ingest by URL, the API's submit-by-URL,
webhook endpoints) goes through here, because a URL chosen by someone else is
an invitation to reach the machines behind our firewall. So:

- only http and https, and no user:password in the URL;
- the host is resolved once, every address it resolves to is checked, and the
  connection goes to the checked address (with the original Host header and
  TLS server name), so a DNS answer that changes between the check and the
  connect cannot smuggle in a private address;
- private, loopback, link-local, multicast, reserved and unspecified
  addresses are refused (IPv4, IPv6, and IPv4 inside IPv6) unless
  settings.FACTDESK_FETCH_ALLOW_PRIVATE is on (tests, local development);
- redirects are followed by hand, each hop checked again, up to a limit;
- a timeout per operation and a deadline for the whole fetch, a size cap on
  the streamed body, and only the content types the caller accepts;
- post() (webhook deliveries) follows no redirect at all, reads only the
  first few KB of the answer, and takes its private-address exceptions from
  an explicit list of networks (settings.FACTDESK_WEBHOOK_ALLOWED_NETWORKS).

Every refusal is an OutboundError that says in one line what was wrong and
whether trying again could help.
"""
from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

from factdesk.errors import ServiceError

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# The whole fetch, redirects and body included, may take this many timeouts.
WHOLE_FETCH_TIMEOUTS = 3
DEFAULT_ACCEPT = ("text/html", "text/plain", "application/xhtml+xml")

# IPv6 ranges that carry an IPv4 address inside them: the embedded address is
# what a gateway would actually reach, so it is the one checked.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@functools.cache
def _tls() -> ssl.SSLContext:
    # Loading the CA bundle costs ~20 ms of CPU; httpx would do it for every client
    # (every fetch, every webhook attempt). One verifying context serves them all.
    return httpx.create_ssl_context()


class OutboundError(ServiceError):
    """A URL that could not be fetched; `permanent` says whether trying again could help."""

    status = 422
    title = "URL cannot be fetched"


@dataclass(frozen=True)
class PostResult:
    status: int
    body_excerpt: str  # the first bytes of the answer, decoded leniently
    retry_after: str  # the Retry-After header as sent, "" when absent
    elapsed_ms: int


@dataclass(frozen=True)
class FetchResult:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case, e.g. "text/html"
    body: bytes
    charset: str | None  # as declared by the server, if it declared one


def check_url(url: str, *, allowed_networks: tuple | None = None) -> None:
    """Raise OutboundError unless `url` is one FactDesk may fetch (scheme, credentials, address).

    `allowed_networks` (ip_network objects) replaces the fetch setting: private
    addresses inside them are allowed, every other one refused.
    """
    _resolve_checked(_parse(url), allowed_networks=allowed_networks)


def check_url_form(url: str) -> None:
    """Raise OutboundError unless `url` is an http(s) URL without credentials (no DNS look-up)."""
    _parse(url)


def parse_networks(value: str | list[str] | tuple) -> tuple:
    """"127.0.0.0/8, ::1/128" → ip_network objects; raises ValueError naming a bad entry."""
    items = value.split(",") if isinstance(value, str) else value
    networks = []
    for item in items:
        item = str(item).strip()
        if item:
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError as error:
                raise ValueError(f"{item!r} is not a network in CIDR form (e.g. 127.0.0.0/8)") from error
    return tuple(networks)


def post(
    url: str,
    *,
    body: bytes,
    headers: dict[str, str],
    allowed_networks: tuple = (),
    connect_timeout: float = 3.0,
    read_timeout: float = 10.0,
    max_response_bytes: int = 4096,
) -> PostResult:
    """POST `body` to `url` under the guard, following no redirect; return the status and the answer's start.

    Any HTTP status is a result (the caller decides what it means); a refusal,
    a timeout or a broken connection is an OutboundError saying whether a
    retry could help. The address is checked again on every call: DNS can
    change between two deliveries.
    """
    target = _parse(url)
    started = time.monotonic()
    client = _post_client(target, connect_timeout=connect_timeout, read_timeout=read_timeout)
    # The client outlives the call: its open connection serves this host's next delivery.
    failure: httpx.HTTPError | None = None
    for address in _resolve_checked(target, allowed_networks=allowed_networks):
        request = _pinned_request(client, target, address, (), method="POST", content=body, headers=headers)
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError as error:
            failure = error
            continue
        except httpx.TimeoutException as error:
            raise OutboundError(f"timed out after {time.monotonic() - started:.1f} s "
                                f"({_timeout_phase(error)})", status=504, permanent=False) from error
        except httpx.HTTPError as error:
            raise OutboundError(f"could not be reached: {_reason(error)}", status=502, permanent=False) from error
        try:
            excerpt = bytearray()
            try:
                for chunk in response.iter_raw():
                    excerpt.extend(chunk)
                    if len(excerpt) >= max_response_bytes:
                        break
            except httpx.TimeoutException as error:
                raise OutboundError(f"timed out after {time.monotonic() - started:.1f} s while sending its "
                                    "answer", status=504, permanent=False) from error
            except httpx.HTTPError:
                pass  # the status is what counts; a body cut short is still an answer
            return PostResult(
                status=response.status_code,
                body_excerpt=bytes(excerpt[:max_response_bytes]).decode("utf-8", "replace"),
                retry_after=response.headers.get("Retry-After", ""),
                elapsed_ms=int((time.monotonic() - started) * 1000),
            )
        finally:
            response.close()
    raise OutboundError(f"could not be reached: {_reason(failure)}", status=502, permanent=False) from failure


# Deliveries to one endpoint follow each other: keeping its connection open saves a TCP (and TLS)
# handshake per delivery. Each thread keeps its own clients, one per host (scheme, name, port), so a
# connection, and the server name TLS verified on it, only ever serves requests for that host; the
# address is still checked before every request, and a new address gets a new connection.
_post_clients = threading.local()
POST_CLIENTS_PER_THREAD = 32
POST_KEEPALIVE_SECONDS = 4.0  # below the idle timeout of common servers (5 s), so they rarely close it under us


def _post_client(target, *, connect_timeout: float, read_timeout: float) -> httpx.Client:
    key = (target.scheme.lower(), target.hostname, target.port, connect_timeout, read_timeout)
    clients: OrderedDict = getattr(_post_clients, "clients", None) or OrderedDict()
    _post_clients.clients = clients
    client = clients.pop(key, None)
    if client is None:
        client = httpx.Client(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout, pool=connect_timeout), verify=_tls(),
            follow_redirects=False, trust_env=False, headers={"User-Agent": settings.FACTDESK_FETCH_USER_AGENT},
            limits=httpx.Limits(max_connections=2, max_keepalive_connections=1,
                                keepalive_expiry=POST_KEEPALIVE_SECONDS),
        )
    clients[key] = client  # the most recently used last
    while len(clients) > POST_CLIENTS_PER_THREAD:
        clients.popitem(last=False)[1].close()
    return client


def _timeout_phase(error: httpx.TimeoutException) -> str:
    return "connecting" if isinstance(error, (httpx.ConnectTimeout, httpx.PoolTimeout)) else "waiting for the answer"


def fetch(
    url: str,
    *,
    max_bytes: int | None = None,
    timeout: float | None = None,
    accept: tuple[str, ...] = DEFAULT_ACCEPT,
) -> FetchResult:
    """GET `url` under the guard and return its body; raise OutboundError on any refusal."""
    max_bytes = settings.FACTDESK_FETCH_MAX_BYTES if max_bytes is None else max_bytes
    timeout = settings.FACTDESK_FETCH_TIMEOUT_SECONDS if timeout is None else timeout
    # httpx's timeout bounds each connect and each read; the deadline bounds
    # the whole fetch, so a server trickling one byte at a time cannot hold us.
    deadline = time.monotonic() + timeout * WHOLE_FETCH_TIMEOUTS
    current = url
    with httpx.Client(
        timeout=httpx.Timeout(timeout),
        verify=_tls(),
        follow_redirects=False,
        trust_env=False,  # an environment proxy would connect to the host name, unchecked
        headers={"User-Agent": settings.FACTDESK_FETCH_USER_AGENT},
    ) as client:
        for _hop in range(settings.FACTDESK_FETCH_MAX_REDIRECTS + 1):
            if time.monotonic() > deadline:
                raise OutboundError(f"{url} timed out while following redirects", status=504, permanent=False)
            target = _parse(current)
            response = _send_to_checked_address(client, target, current, accept, timeout)
            try:
                if response.status_code in REDIRECT_STATUSES:
                    location = response.headers.get("Location")
                    if not location:
                        raise OutboundError(
                            f"{current} answered {response.status_code} without a Location header", permanent=True
                        )
                    current = urljoin(current, location.strip())
                    continue
                return _read(response, url=url, final_url=current, accept=accept, max_bytes=max_bytes,
                             deadline=deadline, timeout=timeout)
            finally:
                response.close()
    raise OutboundError(
        f"{url} redirected more than {settings.FACTDESK_FETCH_MAX_REDIRECTS} times", permanent=True
    )


def _send_to_checked_address(client: httpx.Client, target, current: str, accept: tuple[str, ...],
                             timeout: float) -> httpx.Response:
    """Send to the host's checked addresses in turn until one accepts the connection."""
    failure: httpx.HTTPError | None = None
    for address in _resolve_checked(target):
        request = _pinned_request(client, target, address, accept)
        try:
            return client.send(request, stream=True)
        except httpx.ConnectError as error:  # that address is unreachable: the next one may not be
            failure = error
        except httpx.TimeoutException as error:
            raise OutboundError(f"{current} timed out after {timeout:g} s", status=504, permanent=False) from error
        except httpx.HTTPError as error:
            raise OutboundError(
                f"{current} could not be reached: {_reason(error)}", status=502, permanent=False
            ) from error
    raise OutboundError(f"{current} could not be reached: {_reason(failure)}", status=502,
                        permanent=False) from failure


def _parse(url: str):
    if not isinstance(url, str) or not url.strip():
        raise OutboundError("the URL is empty", status=400, permanent=True)
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 — raises ValueError on a port that is not a number
    except ValueError as error:
        raise OutboundError(f"{url} is not a valid URL: {error}", status=400, permanent=True) from error
    if parts.scheme.lower() not in ("http", "https"):
        raise OutboundError(f"{url} is not an http(s) URL", status=400, permanent=True)
    if parts.username is not None or parts.password is not None:
        raise OutboundError(f"{_without_credentials(parts)} carries credentials; they are not allowed in a URL",
                            status=400, permanent=True)
    if not parts.hostname:
        raise OutboundError(f"{url} has no host name", status=400, permanent=True)
    if not parts.hostname.isascii():
        # Internationalised names travel as their IDNA ("xn--") form in DNS, Host and TLS.
        try:
            ascii_host = parts.hostname.encode("idna").decode("ascii")
        except UnicodeError as error:
            raise OutboundError(f"{url} has an invalid host name", status=400, permanent=True) from error
        netloc = f"{ascii_host}:{parts.port}" if parts.port else ascii_host
        parts = parts._replace(netloc=netloc)
    return parts


def _without_credentials(parts) -> str:
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


def _resolve_checked(parts, *, allowed_networks: tuple | None = None) -> list[IPAddress]:
    """Every address the host resolves to, after checking each; the first is the one to connect to."""
    host = parts.hostname
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError as error:
        raise OutboundError(f"{host} is not a valid host name", status=400, permanent=True) from error
    except socket.gaierror as error:
        # "No such name" will not change on a retry; a resolver hiccup may.
        permanent = error.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME))
        raise OutboundError(f"{host} could not be resolved: {error.strerror}", status=502,
                            permanent=permanent) from error
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise OutboundError(f"{host} resolved to no address", status=502, permanent=False)
    if allowed_networks is not None or not settings.FACTDESK_FETCH_ALLOW_PRIVATE:
        for address in addresses:
            problem = address_problem(address)
            if problem and allowed_networks and any(address in network for network in allowed_networks
                                                    if network.version == address.version):
                continue
            if problem:
                raise OutboundError(f"{host} resolves to {address}, a {problem} address; refusing to fetch it",
                                    status=400, permanent=True)
    return addresses


def address_problem(address: IPAddress) -> str:
    """Why FactDesk must not connect to `address` ("private", "loopback" …), or "" when it may."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return address_problem(embedded)
    for problem in ("loopback", "link_local", "unspecified", "multicast", "private", "site_local", "reserved"):
        if getattr(address, f"is_{problem}", False):
            return problem.replace("_", "-")
    if not address.is_global:
        return "non-public"  # e.g. 100.64.0.0/10, shared by carriers' NAT
    return ""


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if address.version != 6:
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _pinned_request(client: httpx.Client, parts, address: IPAddress, accept: tuple[str, ...], *,
                    method: str = "GET", content: bytes | None = None,
                    headers: dict[str, str] | None = None) -> httpx.Request:
    """A request to the checked address that still presents the original host to the server and to TLS."""
    url = httpx.URL(parts.geturl())
    host_header = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    if ":" in parts.hostname:
        host_header = f"[{parts.hostname}]" + (f":{parts.port}" if parts.port else "")
    sent = {"Host": host_header, **(headers or {})}
    if accept:
        sent["Accept"] = ", ".join(accept) + ", */*;q=0.1"
    return client.build_request(
        method,
        url.copy_with(host=str(address)),
        headers=sent,
        content=content,
        extensions={"sni_hostname": parts.hostname},
    )


def _read(response: httpx.Response, *, url: str, final_url: str, accept: tuple[str, ...], max_bytes: int,
          deadline: float, timeout: float) -> FetchResult:
    status = response.status_code
    if not 200 <= status < 300:
        server_side = status >= 500 or status in (408, 429)
        raise OutboundError(
            f"{final_url} answered HTTP {status} {response.reason_phrase}".rstrip(),
            status=502 if server_side else 422,
            permanent=not server_side,
        )
    media_type, charset = _content_type(response.headers.get("Content-Type", ""))
    if media_type not in accept:
        raise OutboundError(
            f"{final_url} is {media_type or 'of no declared type'}, not one of {', '.join(accept)}", permanent=True
        )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise OutboundError(f"{final_url} is too large: {int(declared):,} bytes, the limit is {max_bytes:,}",
                            permanent=True)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise OutboundError(f"{final_url} is too large: more than {max_bytes:,} bytes", permanent=True)
            if time.monotonic() > deadline:
                raise OutboundError(f"{final_url} timed out while sending its body", status=504, permanent=False)
            chunks.append(chunk)
    except httpx.TimeoutException as error:
        raise OutboundError(f"{final_url} timed out after {timeout:g} s", status=504, permanent=False) from error
    except httpx.HTTPError as error:
        raise OutboundError(f"{final_url} broke off: {_reason(error)}", status=502, permanent=False) from error
    return FetchResult(url=url, final_url=final_url, status=status, content_type=media_type,
                       body=b"".join(chunks), charset=charset)


def _content_type(header: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"; ("", None) when nothing is declared."""
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip("\"'"):
            charset = value.strip().strip("\"'").lower()
    return media_type.strip().lower(), charset


def _reason(error: httpx.HTTPError) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]
