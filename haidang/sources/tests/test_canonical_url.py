"""Property tests of URL canonicalisation (Hypothesis)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from haidang.sources.canonical import canonical_url, is_tracking_param

hosts = st.from_regex(r"[a-z][a-z0-9-]{0,15}(\.[a-z]{2,6}){1,2}", fullmatch=True)
segments = st.lists(st.from_regex(r"[A-Za-z0-9._~%-]{1,12}", fullmatch=True), max_size=4)
names = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True).filter(lambda n: not is_tracking_param(n))
values = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
params = st.lists(st.tuples(names, values), max_size=4)
tracking = st.lists(st.tuples(st.sampled_from(["utm_source", "utm_medium", "utm_campaign", "fbclid", "gclid",
                                               "UTM_Term", "msclkid", "zarsrc"]),
                              st.from_regex(r"[a-z0-9]{0,8}", fullmatch=True)), max_size=3)


def build(scheme, host, path, query, fragment=""):
    from urllib.parse import urlencode

    url = f"{scheme}://{host}/{'/'.join(path)}"
    if query:
        url += "?" + urlencode(query)
    if fragment:
        url += "#" + fragment
    return url


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["http", "https", "HTTP", "Https"]), hosts, segments, params)
def test_canonicalisation_is_idempotent(scheme, host, path, query):
    once = canonical_url(build(scheme, host, path, query))
    assert once and canonical_url(once) == once


@settings(max_examples=200, deadline=None)
@given(hosts, segments, params, tracking, st.from_regex(r"[a-z]{0,6}", fullmatch=True))
def test_tracking_parameters_and_fragments_do_not_change_the_result(host, path, query, noise, fragment):
    clean = canonical_url(build("https", host, path, query))
    noisy = canonical_url(build("https", host, path, noise + query + noise, fragment))
    assert noisy == clean
    assert "utm_" not in noisy.lower() and "fbclid" not in noisy and "#" not in noisy


@settings(max_examples=100, deadline=None)
@given(hosts, segments, params)
def test_host_case_and_default_port_do_not_matter(host, path, query):
    assert canonical_url(build("https", host.upper() + ":443", path, query)) == canonical_url(
        build("https", host, path, query))


@settings(max_examples=100, deadline=None)
@given(hosts, segments, params)
def test_parameter_order_does_not_matter(host, path, query):
    unique = dict(query)
    forward = list(unique.items())
    assert canonical_url(build("https", host, path, forward)) == canonical_url(
        build("https", host, path, forward[::-1]))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_text_never_raises_and_only_http_survives(text):
    result = canonical_url(text)
    assert result == "" or result.startswith(("http://", "https://"))


def test_examples():
    assert canonical_url("https://User:pw@Báo.VN:443/a?b=2&utm_source=x&a=1#c") == "https://báo.vn/a?a=1&b=2"
    assert canonical_url("javascript:alert(1)") == ""
    assert canonical_url("data:text/html,<script>") == ""
    assert canonical_url("http://example.vn:8080") == "http://example.vn:8080/"
