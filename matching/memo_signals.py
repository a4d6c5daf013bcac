"""Keep matching.memo true to the rows it is built from: any save or delete of a target mix, its
shares, a unit (the mix's actual shares), a support offer or a partner (an offer's provider name)
starts a new memo generation, and so does every migration (data migrations write past the models'
signals). Deletes cascade through the same receivers: a model with receivers is never fast-deleted.

Writes that bypass model signals (``QuerySet.update``, ``bulk_create``, raw SQL) to these models
must call ``matching.memo.changed()`` themselves; none do today.
"""

from django.db.models.signals import post_delete, post_migrate, post_save

from matching import memo


def connect():
    from partners.models import Partner, SupportOffer
    from vacancy.models import TargetMix, TargetShare, Unit

    for model in (TargetMix, TargetShare, Unit, SupportOffer, Partner):
        post_save.connect(memo.changed, sender=model, dispatch_uid=f"matching-memo-save-{model.__name__}")
        post_delete.connect(memo.changed, sender=model, dispatch_uid=f"matching-memo-delete-{model.__name__}")
    post_migrate.connect(memo.changed, dispatch_uid="matching-memo-migrate")
