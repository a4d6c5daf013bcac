"""Every write reaches the index after commit; an outage queues writes and the replay catches up;
a rebuild never leaves searches with an empty or half index."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from premises.models import Premises
from search import services
from search.client import get_client
from search.documents import PremisesDocument
from search.models import PendingChange
from search.query import matching_ids
from tests.premises.factories import PartnerFactory, PremisesFactory

NONSENSE = "Xylqwertzpf"
DEAD_ENGINE = "http://127.0.0.1:9"  # nothing listens there: connection refused at once


def indexed():
    """{id: title} of everything behind the premises alias."""
    client = get_client()
    client.indices.refresh(index=PremisesDocument.alias())
    hits = client.search(index=PremisesDocument.alias(), body={"query": {"match_all": {}}, "size": 1000})["hits"]["hits"]
    return {int(h["_id"]): h["_source"]["title"] for h in hits}


def in_database():
    return {p.pk: p.title for p in Premises.objects.public()}


def test_create_update_status_change_and_delete_reach_the_index(db, committed):
    with committed():
        shop = PremisesFactory(title="Ladenlokal Domplatz")
    assert matching_ids("premises", "Domplatz") == [shop.pk]
    with committed():
        shop.title = "Ladenlokal Fischmarkt"
        shop.save()
    assert matching_ids("premises", "Fischmarkt") == [shop.pk]
    assert matching_ids("premises", "Domplatz") == []
    with committed():
        shop.status = Premises.Status.LET  # published → let: disappears
        shop.save()
    assert matching_ids("premises", "Fischmarkt") == []
    with committed():
        shop.status = Premises.Status.PUBLISHED
        shop.save()
    assert matching_ids("premises", "Fischmarkt") == [shop.pk]
    with committed():
        shop.delete()
    assert matching_ids("premises", "Fischmarkt") == []
    assert matching_ids("premises", NONSENSE) == []
    assert indexed() == in_database() == {}


def test_nothing_reaches_the_index_before_commit(db, committed):
    with committed():
        other = PremisesFactory(title="Ladenlokal Wenigemarkt Ost")
    with committed():
        PremisesFactory(title="Ladenlokal Wenigemarkt")
        assert matching_ids("premises", "Wenigemarkt") == [other.pk]  # the sync waits for the commit
    assert len(matching_ids("premises", "Wenigemarkt")) == 2


def test_outage_queues_changes_and_replay_makes_index_equal_database(db, client, committed):
    with committed():
        keep = PremisesFactory(title="Atelier Krämerbrücke")
        gone = PremisesFactory(title="Werkstatt Gera")
        letting = PremisesFactory(title="Büro Weimar")
    assert indexed() == in_database()

    with override_settings(ELASTICSEARCH_URL=DEAD_ENGINE):
        with committed():
            keep.title = "Atelier an der Krämerbrücke"
            keep.save()
            gone.delete()
            letting.status = Premises.Status.LET
            letting.save()
            new = PremisesFactory(title="Café Anger")
        assert PendingChange.objects.count() == 4  # nothing the editor did is lost

        # The site keeps working: the search page finds on the database and says so, the list too.
        page = client.get("/suche/", {"q": "Café"})
        assert page.status_code == 200 and "Die Volltextsuche ist gerade eingeschränkt" in page.content.decode()
        assert "Café Anger" in page.content.decode()
        assert client.get("/suche/", {"q": "Café", "use_type": "gastronomy"}).status_code == 503  # facets need the engine
        listing = client.get("/flaechen/", {"q": "Café"})
        assert listing.status_code == 200 and "Café Anger" in listing.content.decode()
        assert client.get("/suche/autocomplete", {"q": "Café"}).status_code == 503
        with pytest.raises(CommandError, match="nicht erreichbar"):
            call_command("search_replay")
        assert PendingChange.objects.count() == 4

    assert indexed() != in_database()  # the engine is back but still stale
    call_command("search_replay")
    assert PendingChange.objects.count() == 0
    assert indexed() == in_database() == {keep.pk: "Atelier an der Krämerbrücke", new.pk: "Café Anger"}
    assert matching_ids("premises", NONSENSE) == []


def test_engine_failing_midway_queues_exactly_what_it_did_not_take(db, monkeypatch):
    """A large sync is sent in several requests; when the engine fails after the first one, what it
    took stays indexed and only the rest is queued, and the replay completes the index."""
    monkeypatch.setattr(services, "BULK_MAX_ACTIONS", 2)
    calls = []
    client = services.get_write_client()
    real_bulk = client.bulk

    def failing_after_first(*args, **kwargs):
        calls.append(kwargs)
        if len(calls) > 1:
            raise ConnectionError("engine went away")
        return real_bulk(*args, **{**kwargs, "refresh": "true"})

    shops = [PremisesFactory(title=f"Ladenlokal Marktgasse {n}") for n in range(5)]  # not committed: not synced
    monkeypatch.setattr(client, "bulk", failing_after_first)
    services.sync("premises", [shop.pk for shop in shops])  # as an import's one sync after its commit
    first_two = {shop.pk for shop in shops[:2]}
    assert set(indexed()) == first_two
    queued = set(PendingChange.objects.values_list("object_id", flat=True))
    assert queued == {str(shop.pk) for shop in shops[2:]}

    monkeypatch.setattr(client, "bulk", real_bulk)
    call_command("search_replay")
    assert indexed() == in_database() and len(in_database()) == 5
    assert matching_ids("premises", NONSENSE) == []


def test_partner_rename_and_offers(db, committed):
    with committed():
        partner = PartnerFactory(name="Wirtschaftsförderung Suhl", description="Standortberatung")
    from search.query import matching_ids as ids

    assert ids("partners", "Wirtschaftsförderung") == [partner.pk]
    with committed():
        partner.name = "Stadtmarketing Suhl"
        partner.save()
    assert ids("partners", "Wirtschaftsförderung") == []
    assert ids("partners", "Stadtmarketing") == [partner.pk]
    assert ids("partners", NONSENSE) == []


def test_rebuild_serves_the_old_index_until_the_swap(db, committed, monkeypatch):
    with committed():
        listings = [PremisesFactory(title=f"Ladenfläche {n}") for n in range(6)]
    call_command("search_index", rebuild=True, no_pages=True, verbosity=0)
    expected = {p.pk for p in listings}
    seen_during = []
    real_actions = services._actions

    def observing_actions(doc_cls, ids, targets, result):
        # Before each chunk of the rebuild is read, a visitor's query still sees every listing.
        if len(targets) == 1:  # the new version only: the rebuild (a live write goes to both)
            seen_during.append(set(matching_ids("premises", "Ladenfläche")))
            if len(seen_during) == 2:
                with committed():  # a change made while the rebuild runs reaches the new index too
                    listings.append(PremisesFactory(title="Ladenfläche neu"))
        yield from real_actions(doc_cls, ids, targets, result)

    monkeypatch.setattr(services, "_actions", observing_actions)
    monkeypatch.setattr(services, "LARGE_SYNC", 2)  # six listings: a large, pipelined sync of three chunks
    monkeypatch.setattr(services, "PIPELINE_CHUNK", 2)
    services.rebuild("premises", progress=False)
    assert len(seen_during) == 3
    assert all(seen >= expected for seen in seen_during)
    assert set(matching_ids("premises", "Ladenfläche")) == {p.pk for p in listings}
    assert matching_ids("premises", NONSENSE) == []


def test_a_large_import_is_searchable_when_it_ends_and_the_index_refreshes_as_before(
    db, committed, monkeypatch, tmp_path
):
    from tests.premises.test_import import HEADER

    monkeypatch.setattr(services, "LARGE_SYNC", 2)  # five rows: a large import, sent in three chunks
    monkeypatch.setattr(services, "PIPELINE_CHUNK", 2)
    rows = "".join(
        f"L-{n},Ladenfläche Marktstraße {n},Hell.,Marktstraße {n},99084,Erfurt,50.978,11.029,retail,80,700,,,false,\n"
        for n in range(5)
    )
    path = tmp_path / "gross.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with committed():
        call_command("import_premises", str(path), verbosity=0)
    assert set(matching_ids("premises", "Ladenfläche")) == {p.pk for p in Premises.objects.all()}
    assert len(indexed()) == 5
    assert matching_ids("premises", NONSENSE) == []
    settings = get_client().indices.get_settings(index=PremisesDocument.alias(), name="index.refresh_interval")
    assert [info["settings"]["index"]["refresh_interval"] for info in settings.values()] == ["1s"]


def test_pages_saved_during_an_outage_are_found_after_replay(client, home_page, committed, settings):
    from django.core.management import call_command as run

    from tests.alliance.factories import NewsPageFactory

    call_command("search_index", "--rebuild", "--only", "pages", verbosity=0)
    with override_settings(ELASTICSEARCH_URL=DEAD_ENGINE):
        with committed():
            NewsPageFactory(title="Stadtumbau Sömmerda", teaser="Neues aus der Innenstadt.")
        assert PendingChange.objects.filter(kind="pages").exists()
    assert "Stadtumbau" not in client.get("/suche/", {"q": "Sömmerda"}).content.decode()
    run("search_replay")
    assert not PendingChange.objects.exists()
    assert "Stadtumbau <mark>Sömmerda</mark>" in client.get("/suche/", {"q": "Sömmerda"}).content.decode()
    assert "Stadtumbau" not in client.get("/suche/", {"q": NONSENSE}).content.decode()
