# URL-parser tests: one-letter, "pass pass" and local sample passwords are fixtures, not credentials.
import pytest

from shop.http import split_auth


@pytest.mark.parametrize(
    "url, auth",
    (
        ("http://user:pass%20pass@api.contoso.internal/v1", ("user", "pass pass")),
        ("http://user:pass%23pass@api.contoso.internal/v1", ("user", "pass#pass")),
        ("http://u:p@proxy.contoso.internal:3128/", ("u", "p")),
        ("http://svc:pw@cache.contoso.internal/", ("svc", "pw")),
        ("ftp://ab:cd@files.contoso.internal/", ("ab", "cd")),
        ("http://admin:P@ssw0rd@localhost:8081/", ("admin", "P@ssw0rd")),
        ("pg://app:s%40f%23@localhost/orders", ("app", "s@f#")),
    ),
)
def test_split_auth(url, auth):
    assert split_auth(url) == auth
