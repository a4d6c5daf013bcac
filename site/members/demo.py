"""Demo content of the members' area: workspaces of the three working groups and the alliance, a few
internal posts, the roadmap from the 3rd Bündnistreffen's slide "Weiterer Fahrplan für 2023", an open
date poll for the joint working-group meeting, and demo member logins (never in production).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from alliance.demo_support import tiny_pdf
from alliance.models import WorkingGroupPage
from members import services
from members.models import Meeting, MemberProfile, Poll, PollAnswer, PollOption, Post, Task
from partners.models import Partner

DEMO_PASSWORD = "innenstadt-demo"
# (role, username, password) printed by the run command
DEMO_LOGINS = [
    ("Mitglied (AG WULIS)", "mitglied", DEMO_PASSWORD),
    ("Mitglied (AG Klima)", "klima", DEMO_PASSWORD),
    ("Geschäftsstelle (lädt Mitglieder ein)", "geschaeftsstelle", DEMO_PASSWORD),
]

# (slug, working group page slug, name, description)
WORKSPACES = [
    ("buendnis", None, "Bündnis (alle Mitglieder)", "Der gemeinsame Bereich aller Bündnismitglieder."),
    (
        "ag-wulis",
        "ag-wohnen-und-leben-in-der-stadt",
        "AG Wohnen und Leben in der Stadt",
        "Arbeitsbereich der AG WULIS: Pilotprojekt „Der schönste Blick der Stadt“.",
    ),
    ("ag-klima", "ag-klima", "AG Klima", "Arbeitsbereich der AG Klima: Wanderbaumallee und Klimabaum-Guide."),
    (
        "ag-leerstand",
        "ag-leerstandsbewaeltigung",
        "AG Leerstandsbewältigung",
        "Arbeitsbereich der AG Leerstandsbewältigung: Kompass Leerstandsbewältigung.",
    ),
]

AGS = ["ag-wulis", "ag-klima", "ag-leerstand"]

# The slide "Weiterer Fahrplan* für 2023: Aufgaben, Termine, Verantwortlichkeiten" (*Vorschlag der
# Geschäftsstelle, im Rahmen der Diskussion angenommen): (title, period, groups, responsible, notes)
ROADMAP = [
    (
        "Finalisierung/Umsetzung der ersten drei Pilotprojekte",
        "Ende 2023/1. HJ. 2024",
        AGS + ["buendnis"],
        "AGs/Bündnis in Kooperation mit Vorhabenträgern",
        "",
    ),
    ("Ideenfindung/Konzeptionierung der nächsten drei Pilotprojekte", "Ende 2023", AGS, "AGs", ""),
    ("Gemeinsame AG-Sitzung", "10-11/2023", AGS, "AGs", "Terminvorbereitung durch GST"),
    (
        "Zwischenbericht zur Bündnisarbeit",
        "10/2023",
        ["buendnis"],
        "Geschäftsstelle in Abstimmung mit den AGs und dem Bündnis",
        "Veröffentlichung auf der Homepage",
    ),
    (
        "Information zur Bündnisarbeit an die Landespolitik (Fraktionen)",
        "10/2023",
        ["buendnis"],
        "Bündnis (auf Grundlage des Zwischenberichtes)",
        "Zusendung des Berichts an die Landtagsfraktionen und Einladung zur Teilnahme am 4. Bündnistreffen",
    ),
    (
        "Erarbeitung der Strategie für die Bündnisarbeit in 2024",
        "10-11/2023",
        ["buendnis"],
        "Geschäftsstelle in Abstimmung mit den AGs und dem Bündnis",
        "",
    ),
    (
        "4. Bündnistreffen: Bilanz 2023/Ziele 2024",
        "30.11.2023",
        ["buendnis"],
        "Bündnis",
        "Ort wird noch bekanntgegeben, Medieninformation geplant",
    ),
]

# (workspace, kind, title, body)
POSTS = [
    (
        "buendnis",
        Post.Kind.NEWS,
        "Willkommen im Mitgliederbereich",
        "Beim 3. Bündnistreffen haben sich die Mitglieder digitale Tools für die interne Projektkommunikation "
        "gewünscht. Hier finden Sie ab sofort die Arbeitsbereiche der AGs, den Fahrplan und Terminumfragen.\n\n"
        "(Demo-Text)",
    ),
    (
        "buendnis",
        Post.Kind.MINUTES,
        "Ergebnisse des 3. Bündnistreffens (07.09.2023)",
        "Der Fahrplan der Geschäftsstelle für 2023 wurde in der Diskussion angenommen. Gewünscht: eine "
        "gemeinsame AG-Sitzung im Oktober, Terminumfrage durch die Geschäftsstelle, Zielstellung ggf. ein "
        "gemeinsames Projekt.\n\n(Zusammenfassung der Folien; Demo-Text)",
    ),
    (
        "ag-wulis",
        Post.Kind.NEWS,
        "Pilotprojekt „Der schönste Blick der Stadt“: nächste Schritte",
        "Wir sammeln bis zur gemeinsamen AG-Sitzung Vorschläge für Standorte. Bitte antwortet hier mit euren "
        "Ideen.\n\n(Demo-Text)",
    ),
    (
        "ag-klima",
        Post.Kind.NEWS,
        "Wanderbaumallee: Stationen 2024",
        "Für die Wanderbaumallee suchen wir weitere Innenstädte als Stationen. Rückmeldungen bitte hier.\n\n"
        "(Demo-Text)",
    ),
    (
        "ag-leerstand",
        Post.Kind.NEWS,
        "Kompass Leerstandsbewältigung: Überschneidungen mit WULIS und Klima",
        "Wir wollen Überschneidungspunkte mit den AGs WULIS und Klima herausarbeiten (ggf. gemeinsames "
        "Projekt).\n\n(Demo-Text)",
    ),
]

POLL_TITLE = "Gemeinsame AG-Sitzung"


def seed(command):
    services.office_group()
    spaces = _seed_workspaces()
    users = _seed_logins(spaces) if settings.DEMO_LOGINS_ENABLED else {}
    _seed_roadmap(spaces)
    _seed_posts(spaces, users)
    _seed_minutes(spaces, users)
    _seed_meetings(spaces)
    _seed_poll(spaces, users)


def _seed_workspaces():
    spaces = {}
    for position, (slug, page_slug, name, description) in enumerate(WORKSPACES):
        working_group = WorkingGroupPage.objects.filter(slug=page_slug).first() if page_slug else None
        space = services.ensure_workspace(
            slug=slug,
            name=name,
            working_group=working_group,
            is_alliance=page_slug is None,
            description=description,
            position=position,
        )
        # A workspace made when the working group was published gets the demo's name and text.
        space.working_group = working_group or space.working_group
        space.name, space.description, space.position = name, description, position
        space.save()
        spaces[slug] = space
    return spaces


def _partner(word):
    return Partner.objects.filter(name__icontains=word).first()


def _seed_logins(spaces):
    User = get_user_model()
    people = [
        ("mitglied", "Mara", "Mitglied (Demo)", ["ag-wulis"], "LEG"),
        ("klima", "Karl", "Klima (Demo)", ["ag-klima"], "Klima"),
        ("geschaeftsstelle", "Gesa", "Geschäftsstelle (Demo)", AGS, "LEG"),
    ]
    users = {}
    for username, first, last, groups, organisation in people:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            MemberProfile.objects.get_or_create(user=user, defaults={"organisation": _partner(organisation)})
            services.set_member_workspaces(user, [spaces[slug] for slug in groups])
            if username == "geschaeftsstelle":
                user.groups.add(services.office_group())
        users[username] = user
    return users


def _seed_roadmap(spaces):
    for position, (title, period, groups, responsible, notes) in enumerate(ROADMAP):
        task, created = Task.objects.get_or_create(
            title=title,
            defaults={"period": period, "responsible": responsible, "notes": notes, "position": position},
        )
        if created:
            task.groups.set([spaces[slug] for slug in groups])


def _seed_posts(spaces, users):
    author = users.get("geschaeftsstelle")
    for slug, kind, title, body in POSTS:
        post, created = Post.objects.get_or_create(
            workspace=spaces[slug], title=title, defaults={"kind": kind, "body": body, "author": author}
        )
        if created and slug == "ag-wulis" and users.get("mitglied"):
            services.add_reply(
                post=post, author=users["mitglied"], body="Vorschlag: der Blick vom Rathausturm in Gera. (Demo-Text)"
            )


def _seed_minutes(spaces, users):
    """A minutes post with its PDF in the AG Klima's private collection."""
    title = "Protokoll AG-Klima-Treffen (Demo)"
    if Post.objects.filter(title=title).exists():
        return
    lines = ["Demo-Protokoll: Stand Wanderbaumallee und Klimabaum-Guide.", "Nächste Schritte: Stationen 2024 klären."]
    document = services.upload_document(
        workspace=spaces["ag-klima"],
        user=users.get("klima"),
        title=title,
        file=ContentFile(tiny_pdf(title, lines), name="protokoll-ag-klima-demo.pdf"),
    )
    services.create_post(
        workspace=spaces["ag-klima"],
        author=users.get("klima"),
        kind=Post.Kind.MINUTES,
        title=title,
        body="\n".join(lines),
        document=document,
    )


def _seed_meetings(spaces):
    """One upcoming internal meeting per working group (demo dates relative to the day of seeding)."""
    tz = timezone.get_current_timezone()
    for weeks, slug in enumerate(AGS, start=2):
        title = f"Treffen {spaces[slug].name} (Demo)"
        if not Meeting.objects.filter(title=title).exists():
            day = _weekdays(timezone.localdate() + datetime.timedelta(weeks=weeks), 1)[0]
            start = datetime.datetime.combine(day, datetime.time(10), tz)
            Meeting.objects.create(
                workspace=spaces[slug], title=title, start=start, end=start + datetime.timedelta(hours=2), place="online"
            )


def _weekdays(first, count):
    """Tuesdays to Thursdays from `first` on, outside the Christmas holidays."""
    days, day = [], first
    while len(days) < count:
        holidays = (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 6)
        if day.weekday() in (1, 2, 3) and not holidays:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _seed_poll(spaces, users):
    if Poll.objects.filter(title=POLL_TITLE).exists():
        return
    organiser = users.get("geschaeftsstelle")
    poll = Poll.objects.create(
        title=POLL_TITLE,
        description="Gemeinsame Sitzung der drei AGs, Zielstellung: ggf. ein gemeinsames Projekt. (Demo-Termine)",
        place="Erfurt",
        workspace=spaces["buendnis"],
        organiser=organiser,
    )
    tz = timezone.get_current_timezone()
    days = _weekdays(timezone.localdate() + datetime.timedelta(days=21), 4)
    options = []
    for day, hour in zip(days, [10, 14, 10, 13], strict=True):
        start = datetime.datetime.combine(day, datetime.time(hour), tz)
        options.append(PollOption.objects.create(poll=poll, start=start, end=start + datetime.timedelta(hours=3)))
    poll.invitees.set(list(users.values()))
    answers = {"mitglied": ["yes", "maybe", "no", "yes"], "klima": ["no", "yes", "yes", "yes"]}
    for username, values in answers.items():
        if username in users:
            for option, value in zip(options, values, strict=True):
                PollAnswer.objects.create(option=option, user=users[username], value=value)

