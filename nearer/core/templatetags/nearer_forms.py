"""Form helpers for the one shared field include (partials/form_fields.html).

Each widget is rendered with `aria-invalid` when the field has errors and with
`aria-describedby` naming its help text and its error messages, so a screen reader
reads the message with the field it belongs to.
"""

from django import template
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

register = template.Library()


def describedby_ids(field):
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


@register.simple_tag
def field_widget(field):
    """The field's widget with its error state and descriptions attached."""
    attrs = {}
    described = describedby_ids(field)
    if described and field.widget_type not in ("radioselect", "checkboxselectmultiple"):
        attrs["aria-describedby"] = described
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def describedby(field):
    return describedby_ids(field)


@register.filter
def is_choice_group(field):
    return field.widget_type in ("radioselect", "checkboxselectmultiple")


@register.filter
def is_scale(field):
    css_class = field.field.widget.attrs.get("class", "")
    return field.widget_type == "radioselect" and "scale" in css_class


@register.filter
def error_target(field):
    """Where the error summary's link for this field lands: the input, or the first option."""
    if field.widget_type in ("radioselect", "checkboxselectmultiple"):
        return f"{field.auto_id}_0"
    return field.id_for_label


# The account library's field labels in Nearer's words and sentence case.
ALLAUTH_LABELS = {
    "remember": _("Keep me logged in on this device"),
    "oldpassword": _("Current password"),
    "password2": _("The same password again"),
    "login": _("Email"),
    "code": _("Code from your authenticator app"),
}


@register.simple_tag
def allauth_labels(form):
    """Relabel the account forms' fields in place; renders nothing."""
    for name, label in ALLAUTH_LABELS.items():
        if name in form.fields:
            form.fields[name].label = label
    if "oldpassword" in form.fields and "password1" in form.fields:
        form.fields["password1"].label = _("New password")
    if "password1" in form.fields:
        # Django's rules come as a bulleted HTML list in the formal voice; one plain line instead.
        form.fields["password1"].help_text = password_help()
    for name in ("password", "oldpassword"):
        if name in form.fields:
            # The stock help is a small "Forgot your password?" link; the page has its own.
            form.fields[name].help_text = ""
    for field in form.fields.values():
        # The stock placeholders only repeat the label above the field.
        field.widget.attrs.pop("placeholder", None)
    return ""


def password_help():
    lengths = [
        v.min_length
        for v in password_validation.get_default_password_validators()
        if isinstance(v, password_validation.MinimumLengthValidator)
    ]
    length = max(lengths, default=8)
    return ngettext(
        "At least %(count)s character, not only numbers, not a common password and not "
        "like your name or email.",
        "At least %(count)s characters, not only numbers, not a common password and not "
        "like your name or email.",
        length,
    ) % {"count": length}
