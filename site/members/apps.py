from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Mitgliederbereich"

    def ready(self):
        from wagtail.signals import page_published

        from members import signals

        page_published.connect(signals.working_group_published, dispatch_uid="members.working_group_published")
