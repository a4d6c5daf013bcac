"""Demo content of the site frame, seeded last: about/legal pages, the contact form, the footer
settings and the main menu. Idempotent like every seeder (pages by slug, settings in place).
"""

from alliance.demo_support import demo_image, upsert_page
from core.demo import get_home
from core.models import ContactFormField, ContactPage, SiteSettings, StandardPage

# Index pages of other apps that belong in the main menu (by model label); missing ones are skipped.
MENU_MODELS = ["toolbox.MeasureIndexPage"]
GENERAL_EMAIL = "kontakt@example.org"  # a function address of the demo, never a person's


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def seed_about(home):
    image = demo_image("Innenstadt mit Zukunft", lines=["Innenstädte mit Zukunft", "Thüringer Aktionsbündnis"])
    page = upsert_page(
        home,
        StandardPage,
        slug="ueber-uns",
        title="Über das Bündnis",
        show_in_menus=True,
        search_description="Wer im Thüringer Aktionsbündnis „Innenstädte mit Zukunft“ mitarbeitet und was es erreichen will.",
        intro="<p>Das Thüringer Aktionsbündnis „Innenstädte mit Zukunft“ bringt Land, Kommunen, Kammern, "
        "Verbände und Wirtschaft zusammen, damit Thüringer Innenstädte lebendig bleiben.</p>",
        image=image,
        image_alt="Grüne Kachel mit dem Schriftzug „Innenstädte mit Zukunft – Thüringer Aktionsbündnis“",
        body=[
            {"type": "heading", "value": {"text": "Was wir tun", "size": "h2"}},
            _paragraph(
                "<p>In drei Arbeitsgruppen entwickeln die Mitglieder Pilotprojekte: zum Wohnen und Leben in der "
                "Stadt, zum Klima und zur Leerstandsbewältigung. Bei den Bündnistreffen berichten die "
                "Arbeitsgruppen und verabreden die nächsten Schritte.</p>"
            ),
            {"type": "heading", "value": {"text": "Wer mitmacht", "size": "h2"}},
            _paragraph(
                "<ul><li>Thüringer Ministerium für Infrastruktur und Landwirtschaft (TMIL)</li>"
                "<li>Landesentwicklungsgesellschaft Thüringen (LEG)</li>"
                "<li>Verband der Thüringer Wohnungs- und Immobilienwirtschaft (VTW)</li>"
                "<li>Kammern, Verbände und Kommunen</li></ul>"
            ),
            {
                "type": "quote",
                "value": {"text": "Innenstädte sind mehr als Einkaufsorte.", "attribution": "Leitgedanke des Bündnisses"},
            },
            _paragraph("<p><em>Hinweis: Dieser Text ist Demo-Inhalt.</em></p>"),
        ],
    )
    if page.get_prev_siblings().exists():
        page.move(home, pos="first-child")
    return page


def seed_legal(home):
    imprint = upsert_page(
        home,
        StandardPage,
        slug="impressum",
        title="Impressum",
        intro="<p>Angaben gemäß § 5 DDG.</p>",
        body=[
            _paragraph(
                "<p>Geschäftsstelle des Thüringer Aktionsbündnisses „Innenstädte mit Zukunft“<br/>"
                "Musterstraße 1, 99084 Erfurt</p><p><em>Demo-Angaben: bitte vor dem Start ersetzen.</em></p>"
            )
        ],
    )
    privacy = upsert_page(
        home,
        StandardPage,
        slug="datenschutz",
        title="Datenschutz",
        intro="<p>Wie wir mit Ihren Daten umgehen.</p>",
        body=[
            _paragraph(
                "<p>Nachrichten aus dem Kontaktformular speichern wir, um Ihre Anfrage zu beantworten, und "
                "löschen sie, wenn sie erledigt ist. Die Website setzt keine Cookies zu Werbezwecken.</p>"
                "<p><em>Demo-Text: bitte vor dem Start durch die Datenschutzerklärung ersetzen.</em></p>"
            )
        ],
    )
    return imprint, privacy


CONTACT_FIELDS = [
    ("Name", "singleline", True, ""),
    ("E-Mail-Adresse", "email", True, "Damit wir Ihnen antworten können."),
    ("Organisation oder Kommune", "singleline", False, ""),
    ("Nachricht", "multiline", True, ""),
    ("Ich bin einverstanden, dass meine Angaben zur Beantwortung gespeichert werden.", "checkbox", True, ""),
]


def seed_contact(home):
    return upsert_page(
        home,
        ContactPage,
        slug="kontakt",
        title="Kontakt",
        show_in_menus=True,
        search_description="Schreiben Sie der Geschäftsstelle des Aktionsbündnisses.",
        intro="<p>Sie möchten im Bündnis mitarbeiten, haben eine Frage zu einem Pilotprojekt oder eine Fläche "
        "in Ihrer Innenstadt? Schreiben Sie uns.</p>",
        thank_you_text="<p>Vielen Dank! Die Geschäftsstelle meldet sich in der Regel innerhalb einer Woche.</p>",
        to_address=GENERAL_EMAIL,
        subject="Kontaktformular: neue Nachricht",
        children={
            "form_fields": [
                ContactFormField(label=label, field_type=kind, required=required, help_text=help_text, sort_order=i)
                for i, (label, kind, required, help_text) in enumerate(CONTACT_FIELDS)
            ]
        },
    )


def seed_settings(imprint, privacy):
    site_settings = SiteSettings.load()
    site_settings.contact_name = "Geschäftsstelle des Aktionsbündnisses"
    site_settings.address = "c/o Landesentwicklungsgesellschaft Thüringen\nErfurt"
    site_settings.contact_email = GENERAL_EMAIL
    site_settings.contact_phone = ""
    site_settings.footer_text = (
        "<p>Land, Kommunen, Kammern, Verbände und Wirtschaft für lebendige Thüringer Innenstädte.</p>"
    )
    site_settings.social_links = [
        {"type": "link", "value": {"platform": "mastodon", "url": "https://social.example.org/@innenstaedte", "label": ""}}
    ]
    site_settings.imprint_page = imprint
    site_settings.privacy_page = privacy
    site_settings.share_image = demo_image("Innenstadt mit Zukunft")
    site_settings.save()


def seed_menu(home):
    from django.apps import apps

    for label in MENU_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        model.objects.child_of(home).filter(show_in_menus=False).update(show_in_menus=True)


HOME_INTRO = (
    "<p>Im Thüringer Aktionsbündnis „Innenstädte mit Zukunft“ arbeiten Land, Kommunen, Kammern, Verbände "
    "und Wirtschaft gemeinsam an lebendigen Innenstädten: in drei Arbeitsgruppen, mit Pilotprojekten vor Ort "
    "und mit Werkzeugen für Kommunen, Gründerinnen und Gründer.</p>"
)


def seed_home(home):
    if home.intro != HOME_INTRO or not home.search_description:
        home.intro = HOME_INTRO
        home.search_description = (
            "Das Thüringer Aktionsbündnis „Innenstädte mit Zukunft“: Arbeitsgruppen, Pilotprojekte, "
            "Termine, freie Flächen und Werkzeuge für lebendige Innenstädte."
        )
        home.save_revision().publish()


def seed(command):
    home = get_home()
    seed_home(home)
    seed_about(home)
    imprint, privacy = seed_legal(home)
    seed_contact(home)
    seed_settings(imprint, privacy)
    seed_menu(home)
    command.stdout.write("Website: Über uns, Kontakt, Impressum, Datenschutz, Fußzeile und Menü angelegt.")
