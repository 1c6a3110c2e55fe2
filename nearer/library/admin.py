from django.contrib import admin

from nearer.library.models import Item


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    """Read-only: the library is edited in content/ and loaded with load_library."""

    list_display = ["key", "kind", "title", "retired_at"]
    list_filter = ["kind", "retired_at"]
    search_fields = ["key", "title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
