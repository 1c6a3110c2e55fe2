from django.contrib import admin

from nearer.accounts.models import User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    """Account administration only: nothing a person wrote is shown here."""

    list_display = [
        "email",
        "display_name",
        "is_active",
        "is_staff",
        "date_joined",
        "deletion_requested_at",
    ]
    list_filter = ["is_active", "is_staff"]
    search_fields = ["email", "display_name"]
    fields = [
        "email",
        "display_name",
        "time_zone",
        "language",
        "is_active",
        "is_staff",
        "date_joined",
    ]
    readonly_fields = ["date_joined"]
