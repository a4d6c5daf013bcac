"""Django admin: the queue of search index changes waiting for the engine (read-only)."""

from django.contrib import admin

from search.models import PendingChange


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    list_display = ("kind", "object_id", "queued_at", "attempts", "last_error")
    list_filter = ("kind",)
    readonly_fields = ("kind", "object_id", "queued_at", "attempts", "last_error")

    def has_add_permission(self, request):
        return False
