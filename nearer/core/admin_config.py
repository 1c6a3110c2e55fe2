from django.contrib.admin.apps import AdminConfig


class NearerAdminConfig(AdminConfig):
    """Django's admin, with Nearer's site that requires two-factor authentication."""

    default_site = "nearer.core.admin_site.NearerAdminSite"
