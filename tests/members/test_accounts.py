"""Invitations by the office (one-time, expiring), password reset, deactivation, login throttling."""

import datetime
import re
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from common.logins import LOGIN_FAILURES
from members.tokens import invitation_token
from tests.members.conftest import PASSWORD

LOGIN = "/intern/anmelden/"


def _invite(client, ag_klima):
    return client.post(
        reverse("members:office_invite"),
        {"email": "Neu@Example.org", "first_name": "Nora", "last_name": "Neu", "workspaces": [ag_klima.pk]},
    )


def _link(message):
    return re.search(r"https?://\S+/intern/einladung/\S+/", message.body).group(0).split("testserver", 1)[-1].split(
        "8000", 1
    )[-1]


def test_office_invites_and_the_link_works_once(client, client_for, office, ag_klima):
    response = _invite(client_for(office), ag_klima)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="neu@example.org")
    assert not user.has_usable_password()
    assert user.groups.filter(workspace=ag_klima).exists()
    assert len(mail.outbox) == 1 and "Einladung" in mail.outbox[0].subject
    path = _link(mail.outbox[0])

    client.logout()
    assert client.get(path).status_code == 200
    response = client.post(path, {"new_password1": "Sonnenblume-2023!", "new_password2": "Sonnenblume-2023!"})
    assert response.status_code == 302 and response["Location"] == reverse("members:home")
    assert client.get(reverse("members:workspace", args=[ag_klima.slug])).status_code == 200

    client.logout()
    again = client.get(path)
    assert again.status_code == 404
    assert "abgelaufen oder wurde schon benutzt" in again.content.decode()
    assert client.post(path, {"new_password1": "x-Andere-123!", "new_password2": "x-Andere-123!"}).status_code == 404
    assert client.login(username="neu@example.org", password="Sonnenblume-2023!")


def test_invitation_link_expires(client, client_for, office, ag_klima):
    _invite(client_for(office), ag_klima)
    path = _link(mail.outbox[0])
    client.logout()
    later = datetime.datetime.now() + datetime.timedelta(days=8)
    with mock.patch.object(invitation_token, "_now", return_value=later):
        assert client.get(path).status_code == 404
    assert client.get(path).status_code == 200


def test_members_cannot_invite(client_for, member, ag_klima):
    assert _invite(client_for(member), ag_klima).status_code == 404
    assert not get_user_model().objects.filter(email="neu@example.org").exists()


def test_invite_refuses_known_address_in_german(client_for, office, member, ag_klima):
    response = client_for(office).post(
        reverse("members:office_invite"), {"email": member.email, "first_name": "X", "last_name": "Y"}
    )
    assert response.status_code == 200
    assert "gibt es schon ein Konto" in response.content.decode()


def test_office_deactivates_and_reactivates(client, client_for, office, member):
    client_for(office).post(reverse("members:office_member_active", args=[member.pk]), {"active": "0"})
    member.refresh_from_db()
    assert not member.is_active
    client.logout()
    response = client.post(LOGIN, {"username": member.username, "password": PASSWORD})
    assert response.status_code == 200
    client_for(office).post(reverse("members:office_member_active", args=[member.pk]), {"active": "1"})
    client.logout()
    assert client.post(LOGIN, {"username": member.username, "password": PASSWORD}).status_code == 302


def test_the_office_cannot_deactivate_an_administrator(client_for, office, member):
    """Issue 21.15: the office role could deactivate superuser accounts."""
    member.is_superuser = True
    member.save(update_fields=["is_superuser"])
    response = client_for(office).post(reverse("members:office_member_active", args=[member.pk]), {"active": "0"},
                                       follow=True)
    member.refresh_from_db()
    assert member.is_active
    assert "Administratorkonten kann nur" in response.content.decode()


def test_office_assigns_working_groups(client_for, office, member, ag_klima, ag_wulis):
    response = client_for(office).post(
        reverse("members:office_member_edit", args=[member.pk]),
        {"first_name": "Klara", "last_name": "Klima", "workspaces": [ag_wulis.pk]},
    )
    assert response.status_code == 302
    assert member.groups.filter(workspace=ag_wulis).exists()
    assert not member.groups.filter(workspace=ag_klima).exists()
    assert member.groups.filter(name="Mitglieder").exists()


def test_login_is_throttled_per_username_and_ip(client, member):
    for _ in range(LOGIN_FAILURES.limit):
        response = client.post(LOGIN, {"username": member.username, "password": "falsch"})
        assert response.status_code == 200
        assert "stimmen nicht" in response.content.decode()
    # Now even the right password is refused, with a German message.
    response = client.post(LOGIN, {"username": member.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()
    # Another address is not locked out.
    response = client.post(LOGIN, {"username": member.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302


def test_behind_the_proxy_the_lockout_is_per_visitor_not_per_member(client, member, settings):
    """Issue 21.7: with CLIENT_IP_HEADER the proxy's address is not the visitor's; one visitor's
    failures must not lock the member out for everyone."""
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    attacker, member_at_home = "203.0.113.5", "198.51.100.7"
    for _ in range(LOGIN_FAILURES.limit):
        client.post(LOGIN, {"username": member.username, "password": "falsch"}, REMOTE_ADDR="127.0.0.1",
                    HTTP_X_FORWARDED_FOR=attacker)
    refused = client.post(LOGIN, {"username": member.username, "password": PASSWORD}, REMOTE_ADDR="127.0.0.1",
                          HTTP_X_FORWARDED_FOR=f"10.9.9.9, {attacker}")  # a forged first entry changes nothing
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in refused.content.decode()
    response = client.post(LOGIN, {"username": member.username, "password": PASSWORD}, REMOTE_ADDR="127.0.0.1",
                           HTTP_X_FORWARDED_FOR=member_at_home)
    assert response.status_code == 302


def test_successful_login_resets_the_counter(client, member):
    for _ in range(LOGIN_FAILURES.limit - 1):
        client.post(LOGIN, {"username": member.username, "password": "falsch"})
    assert client.post(LOGIN, {"username": member.username, "password": PASSWORD}).status_code == 302
    client.logout()
    for _ in range(LOGIN_FAILURES.limit - 1):
        client.post(LOGIN, {"username": member.username, "password": "falsch"})
    assert client.post(LOGIN, {"username": member.username, "password": PASSWORD}).status_code == 302


def test_password_reset(client, member):
    response = client.post(reverse("members:password_reset"), {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    path = re.search(r"/intern/passwort/\S+/\S+/", mail.outbox[0].body).group(0)
    response = client.get(path, follow=True)
    assert "Neues Passwort festlegen" in response.content.decode()
    set_url = response.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "Neues-Passwort-42!", "new_password2": "Neues-Passwort-42!"})
    assert response.status_code == 302
    assert client.login(username=member.username, password="Neues-Passwort-42!")


def test_password_reset_mails_are_limited_per_address_and_per_client(client, member):
    url = reverse("members:password_reset")
    for _ in range(4):  # the same account: three mails an hour, then the same answer without a mail
        assert client.post(url, {"email": member.email}).status_code == 302
    assert len(mail.outbox) == 3
    response = client.post(url, {"email": "noch-jemand@example.org"})  # the 5th request from this client
    assert response.status_code == 302
    response = client.post(url, {"email": "und-noch-jemand@example.org"})  # the 6th
    assert response.status_code == 429
    assert "zu viele Anfragen" in response.content.decode()
    assert len(mail.outbox) == 3
