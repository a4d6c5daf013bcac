"""A new working group page gets its workspace as soon as it is published."""


def working_group_published(sender, instance, **kwargs):
    from alliance.models import WorkingGroupPage
    from members.services import workspace_for_working_group

    page = instance.specific
    if isinstance(page, WorkingGroupPage):
        workspace_for_working_group(page)
