from django.apps import AppConfig


class VacancyConfig(AppConfig):
    name = "matching.vacancy"
    label = "vacancy"
    verbose_name = "Besatz und Leerstand"
