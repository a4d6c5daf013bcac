from django.apps import AppConfig


class VacancyConfig(AppConfig):
    name = "vacancy"
    verbose_name = "Besatz und Leerstand"
