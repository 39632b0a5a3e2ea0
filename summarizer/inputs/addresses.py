"""Which network addresses a fetch may reach.

A URL is untrusted input: ``http://localhost:8080/admin``, a name that resolves to
``10.0.0.5``, a redirect to ``http://169.254.169.254/`` (cloud metadata) would make
the summarizer read, and then brief, what only this machine or its network can see.
By default only public addresses are fetched: ``public_addresses`` resolves a host
and refuses it when *any* answer is loopback, private, link-local, unspecified,
multicast, reserved or otherwise not global, including IPv4 addresses wrapped in
IPv6 (``::ffff:127.0.0.1``, ``::127.0.0.1``, NAT64 ``64:ff9b::a00:1``, 6to4 and
Teredo). The fetcher then connects to the very address it checked, so a DNS answer
that changes between the check and the connection (rebinding) cannot get through.

A batch manifest's ``path`` entries are not confined: the manifest is its own user's,
naming files that user can read, and the HTTP service accepts no ``path`` at all.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence

from summarizer.errors import FetchError, PrivateAddressError

__all__ = [
    "Resolver",
    "address_refusal",
    "public_addresses",
    "system_resolver",
]

# host, port -> the IP addresses a connection to it could reach.
Resolver = Callable[[str, int], Sequence[str]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the operating system resolves ``host`` to, in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for info in infos:
        seen.setdefault(str(info[4][0]), None)
    return list(seen)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries, and would reach through a gateway."""
    found: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    return found


def _kind(address: IPAddress) -> str | None:
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_loopback:
        return "a loopback address (this machine)"
    if address.is_link_local:
        return "a link-local address (where cloud metadata services answer)"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private:
        return "a private-network address"
    if isinstance(address, ipaddress.IPv6Address) and address.is_site_local:
        return "a site-local address"
    if address.is_reserved or not address.is_global:
        return "a reserved, non-public address"
    return None


def address_refusal(address: str) -> str | None:
    """Why ``address`` may not be fetched by default, or None when it is public.

    Args:
        address: An IPv4 or IPv6 address, as a resolver returns it (an IPv6 zone
            such as ``%eth0`` is allowed).

    Returns:
        A phrase naming the kind ("a loopback address (this machine)"), or None.
    """
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(parsed, ipaddress.IPv6Address):
        inner = _embedded_ipv4(parsed)
        for v4 in inner:
            kind = _kind(v4)
            if kind is not None:
                return f"{kind}: {v4} wrapped in IPv6"
        if inner and (parsed.ipv4_mapped is not None or parsed in _NAT64):
            return None  # the IPv4 address it stands for is public
    return _kind(parsed)


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def public_addresses(
    host: str,
    port: int,
    *,
    url: str,
    resolver: Resolver = system_resolver,
    redirected_from: str | None = None,
) -> list[str]:
    """Resolve ``host`` and return its addresses, refusing any that is not public.

    Args:
        host: The URL's host: a name or an IP address (IPv6 without brackets).
        port: The port the connection would use.
        url: The URL being fetched, for messages.
        resolver: Turns a host name into addresses (the system's by default).
        redirected_from: The URL first asked for, when ``url`` is a redirect target.

    Returns:
        Every address of ``host``, in the resolver's order; all of them public.

    Raises:
        PrivateAddressError: The host is, or resolves to, an address that is not public.
        FetchError: The name does not resolve.
    """
    literal = _literal(host)
    if literal is not None:
        host = str(literal)
        addresses = [host]
    else:
        try:
            addresses = [str(a) for a in resolver(host, port)]
        except (OSError, UnicodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise FetchError(f"cannot resolve the host of {url}: {reason}", url=url) from None
        if not addresses:
            raise FetchError(f"cannot resolve the host of {url}: no address", url=url)
    for address in addresses:
        kind = address_refusal(address)
        if kind is not None:
            raise PrivateAddressError(
                url, address, kind, host=host, redirected_from=redirected_from
            )
    return addresses
