"""Match alerts through the management command: one German mail per confirmed saved search per
batch for new or changed fitting listings, none for unconfirmed or unsubscribed searches, at most daily."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from matching.models import SeekerAlert, SeekerProfile
from premises.models import Premises
from tests.matching.factories import SeekerProfileFactory, index_all
from tests.premises.factories import PremisesFactory

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.now() - timedelta(days=1)


def run_batch():
    out = StringIO()
    call_command("send_match_alerts", stdout=out)
    return out.getvalue()


def mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


@pytest.fixture
def searches():
    return {
        "confirmed": SeekerProfileFactory(email="a@example.org", confirmed_at=YESTERDAY),
        "also_confirmed": SeekerProfileFactory(email="b@example.org", confirmed_at=YESTERDAY, area_min=70.0),
        "unconfirmed": SeekerProfileFactory(email="c@example.org", confirmed_at=None),
        "unsubscribed": SeekerProfileFactory(email="d@example.org", confirmed_at=YESTERDAY, unsubscribed_at=timezone.now()),
        "office": SeekerProfileFactory(email="e@example.org", confirmed_at=YESTERDAY, use_types=["office"]),
    }


def test_a_new_fitting_listing_mails_each_confirmed_search_once(searches):
    PremisesFactory(title="Neuer Laden am Anger", rent_month_eur=Decimal("750"))
    index_all()

    output = run_batch()

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    message = mails_to("a@example.org")[0]
    assert message.subject == "Eine neue passende Fläche für Ihre Suche"
    assert "Neuer Laden am Anger (Erfurt)" in message.body and "Miete 750 € liegt im Budget" in message.body
    assert "/flaechen/" in message.body and "/abmelden/" in message.body and "/meine-suche/" in message.body
    assert "/abmelden/" in message.extra_headers["List-Unsubscribe"]
    assert "2 E-Mails" in output
    assert SeekerAlert.objects.filter(profile=searches["confirmed"]).count() == 1


def test_several_listings_go_into_one_mail_and_a_second_run_the_same_day_sends_nothing(searches):
    PremisesFactory(title="Laden eins")
    PremisesFactory(title="Laden zwei")
    PremisesFactory(title="Büro", use_types=["office"])
    index_all()

    run_batch()
    first = mails_to("a@example.org")
    assert len(first) == 1 and first[0].subject == "2 neue passende Flächen für Ihre Suche"
    assert "Laden eins" in first[0].body and "Laden zwei" in first[0].body and "Büro" not in first[0].body
    assert len(mails_to("e@example.org")) == 1  # the office search got the office

    PremisesFactory(title="Laden drei")
    index_all()
    mail.outbox.clear()
    run_batch()
    assert mail.outbox == []  # at most daily


def test_the_next_day_only_new_or_changed_listings_are_reported(searches):
    old = PremisesFactory(title="Alter Laden")
    index_all()
    run_batch()
    a_day_later = timezone.now() - timedelta(hours=1)
    SeekerProfile.objects.update(last_alert_at=a_day_later - timedelta(days=1))
    Premises.objects.filter(pk=old.pk).update(updated_at=a_day_later - timedelta(days=2))
    mail.outbox.clear()

    run_batch()
    assert mail.outbox == []  # nothing new since the last alert

    changed = PremisesFactory(title="Geänderter Laden")
    index_all()
    run_batch()
    (message,) = mails_to("a@example.org")
    assert "Geänderter Laden" in message.body and "Alter Laden" not in message.body
    assert changed.pk


def test_listings_that_do_not_fit_send_nothing(searches):
    PremisesFactory(title="Zu teuer", rent_month_eur=Decimal("2500"))
    PremisesFactory(title="Zu weit", latitude=50.68, longitude=10.91)  # Ilmenau
    PremisesFactory(title="Entwurf", status=Premises.Status.DRAFT)
    index_all()

    run_batch()

    assert mail.outbox == []


def test_listings_from_before_the_confirmation_are_not_news(searches):
    PremisesFactory(title="Schon länger da")
    Premises.objects.update(updated_at=YESTERDAY - timedelta(days=3))
    index_all()

    run_batch()

    assert mail.outbox == []
