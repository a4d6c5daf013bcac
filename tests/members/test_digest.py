"""The e-mail digest: what is new in one's workspaces, at most daily, and members can switch it off."""

import datetime
import re
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members import services


def _digests():
    return [m for m in mail.outbox if m.subject.startswith("Neues im Mitgliederbereich")]


def test_digest_lists_news_of_own_workspaces_at_most_daily(member, other_member, ag_klima, ag_wulis):
    services.create_post(workspace=ag_klima, author=other_member, title="Neu bei Klima", body="...")
    services.create_post(workspace=ag_wulis, author=other_member, title="Nur für WULIS", body="...")
    call_command("send_member_digest", stdout=open("/dev/null", "w"))
    to_member = [m for m in _digests() if m.to == [member.email]]
    assert len(to_member) == 1
    assert "Neu bei Klima" in to_member[0].body and "Nur für WULIS" not in to_member[0].body

    mail.outbox.clear()
    services.create_post(workspace=ag_klima, author=other_member, title="Noch etwas", body="...")
    call_command("send_member_digest", stdout=open("/dev/null", "w"))
    assert not [m for m in _digests() if m.to == [member.email]]  # same day: nothing more
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        call_command("send_member_digest", stdout=open("/dev/null", "w"))
    to_member = [m for m in _digests() if m.to == [member.email]]
    assert len(to_member) == 1 and "Noch etwas" in to_member[0].body and "Neu bei Klima" not in to_member[0].body


def test_members_switch_the_digest_off(client_for, member, ag_klima):
    client = client_for(member)
    assert client.post(reverse("members:profile"), {}).status_code == 302  # unchecked box = off
    services.create_post(workspace=ag_klima, author=None, title="Neu bei Klima", body="...")
    call_command("send_member_digest", stdout=open("/dev/null", "w"))
    assert not [m for m in _digests() if m.to == [member.email]]
    client.post(reverse("members:profile"), {"digest_enabled": "on"})
    call_command("send_member_digest", stdout=open("/dev/null", "w"))
    assert [m for m in _digests() if m.to == [member.email]]


def test_nothing_new_sends_nothing(member):
    call_command("send_member_digest", stdout=open("/dev/null", "w"))
    assert not _digests()


def test_one_click_opt_out_from_the_mail(client, member, ag_klima):
    services.create_post(workspace=ag_klima, author=None, title="Neu bei Klima", body="...")
    call_command("send_member_digest", stdout=open("/dev/null", "w"))
    link = re.search(r"/intern/zusammenfassung/abbestellen/\S+/", _digests()[0].body).group(0)
    assert client.get(link).status_code == 200
    member.member_profile.refresh_from_db()
    assert member.member_profile.digest_enabled  # a GET (link preview, virus scanner) changes nothing
    assert "Erledigt" in client.post(link).content.decode()
    member.member_profile.refresh_from_db()
    assert not member.member_profile.digest_enabled
    assert client.post(link.replace("abbestellen/", "abbestellen/x")).status_code == 403
