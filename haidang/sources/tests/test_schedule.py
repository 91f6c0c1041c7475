"""Scheduling: atomic claims, a Job row per run, health and exponential backoff, the periodic task."""

import datetime as dt
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

from haidang.content import tasks
from haidang.content.actions import do_fetch_source
from haidang.content.models import Item, Snapshot
from haidang.core.models import Job
from haidang.sources.actions import backoff_delay, claim_due_sources, do_create_source
from haidang.sources.models import Source

FEED = (Path(__file__).parent / "fixtures" / "feed.rss").read_bytes()
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


def feed_source(personas, url, **kw):
    return do_create_source(name=kw.pop("name", "feed"), kind="feed", agency=personas.lead, url=url,
                            acting_user=personas.alice, **kw)


def test_a_due_source_is_claimed_once(personas):
    source = feed_source(personas, "https://quangtri.example.vn/rss")
    assert claim_due_sources() == [source.pk]
    assert claim_due_sources() == []  # a second consumer finds it taken
    # A claim left by a dead worker expires.
    Source.objects.filter(pk=source.pk).update(claimed_at=timezone.now() - dt.timedelta(hours=1))
    assert claim_due_sources() == [source.pk]


def test_inactive_and_not_yet_due_sources_are_not_claimed(personas):
    feed_source(personas, "https://a.example.vn/rss", name="off", active=False)
    later = feed_source(personas, "https://b.example.vn/rss", name="later")
    Source.objects.filter(pk=later.pk).update(next_due_at=timezone.now() + dt.timedelta(minutes=5))
    assert claim_due_sources() == []


def test_the_periodic_task_fetches_due_feeds_and_writes_a_job(personas, loopback):
    loopback.add("/rss", headers={**RSS, "ETag": '"e1"'}, body=FEED)
    source = feed_source(personas, loopback.url("/rss"))
    tasks.schedule_due_sources.call_local()
    source.refresh_from_db()
    assert Item.objects.filter(source=source).count() == 3
    job = Job.objects.get(kind="ingest.fetch")
    assert job.status == "succeeded" and job.counts["new"] == 3 and job.duration_s is not None
    assert source.last_success_at and source.consecutive_failures == 0 and source.claimed_at is None
    assert source.etag == '"e1"' and source.next_due_at > timezone.now() + dt.timedelta(minutes=29)
    snapshot = Snapshot.objects.get(source=source)
    assert Item.objects.filter(snapshot=snapshot).count() == 3 and snapshot.status_code == 200


def test_failures_back_off_exponentially_and_success_resets(personas, loopback):
    loopback.add("/rss", status=500, headers=RSS, body="boom")
    source = feed_source(personas, loopback.url("/rss"), interval_minutes=10)
    for expected_failures in (1, 2, 3):
        job = do_fetch_source(source)
        source.refresh_from_db()
        assert job.status == "failed" and "HTTP 500" in job.errors[0]["error"]
        assert source.consecutive_failures == expected_failures and "HTTP 500" in source.last_error
    delay = source.next_due_at - timezone.now()
    assert dt.timedelta(minutes=79) < delay <= dt.timedelta(minutes=80)
    assert backoff_delay(source, 30) == dt.timedelta(hours=24)
    loopback.add("/rss", headers=RSS, body=FEED)
    assert do_fetch_source(source).status == "succeeded"
    source.refresh_from_db()
    assert source.consecutive_failures == 0


def test_an_unreachable_feed_fails_gracefully(personas, settings):
    settings.HAIDANG_FETCH_ALLOW = []
    source = feed_source(personas, "http://127.0.0.1:9/rss")
    job = do_fetch_source(source)
    source.refresh_from_db()
    assert job.status == "failed" and "refused" in source.last_error


def test_not_modified_feeds_are_cheap(personas, loopback):
    def route(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            handler._send(304, {}, b"")
        else:
            handler._send(200, {**RSS, "ETag": '"v1"'}, FEED)

    loopback.routes["/rss"] = route
    source = feed_source(personas, loopback.url("/rss"))
    do_fetch_source(source)
    source.refresh_from_db()
    job = do_fetch_source(source)
    assert job.status == "succeeded" and job.counts["read"] == 0
    assert Snapshot.objects.count() == 1


def test_a_page_source_follows_article_links_and_honours_robots(personas, loopback):
    article = (Path(__file__).parent / "fixtures" / "article.html").read_bytes()
    loopback.add("/robots.txt", headers={"Content-Type": "text/plain"}, body="User-agent: *\nDisallow: /secret/\n")
    loopback.add("/news/", body='<html><body><a href="/news/canh-bao">Cảnh báo</a>'
                               '<a href="/secret/x">Bí mật</a><a href="javascript:alert(1)">x</a>'
                               '<a href="https://other.example/">khác</a></body></html>')
    loopback.add("/news/canh-bao", body=article)
    loopback.add("/secret/x", body=article)
    source = do_create_source(name="page", kind="page", agency=personas.lead, url=loopback.url("/news/"))
    job = do_fetch_source(source)
    assert job.status == "succeeded"
    item = Item.objects.get(source=source)
    assert item.title == "Cảnh báo lừa đảo chuyển khoản nhầm"
    assert not any(r["path"].startswith("/secret") for r in loopback.requests)
    assert job.counts["rejected"] == 1 and "robots" in job.errors[0]["error"]


def test_sources_command_add_list_fetch(personas, loopback, capsys):
    loopback.add("/rss", headers=RSS, body=FEED)
    call_command("sources", "add", "cli feed", "--url", loopback.url("/rss"), "--press")
    assert Source.objects.get(name="cli feed").is_press
    call_command("sources", "fetch", "cli feed")
    assert Item.objects.filter(is_press=True).count() == 3
    call_command("sources", "list", "--json")
    assert '"cli feed"' in capsys.readouterr().out
