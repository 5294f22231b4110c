"""The rules on a staff user's roles, as pure functions (R-5.1, R-6.1, R-1.4).

Asked by the administrator's pages before a user is invited or changed; the Django admin
of the platform keeps its own form check (accounts/admin.py) with the same rules.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

ROLE_FIELDS = ("is_officer", "is_employee", "is_board", "is_org_admin")


def role_change_errors(
    *,
    values: dict,
    was_officer: bool,
    is_self: bool,
    open_complaints: int,
    name: str,
) -> dict[str, list]:
    """Messages per field ("__all__" for the whole form) for the proposed `values` of a
    user (e-mail, roles, active).

    - An officer needs an e-mail address: new complaints are announced by e-mail.
    - The administrator sees no complaint content (R-6.1), so cannot make themselves an
      officer, nor take their own administrator role away or deactivate themselves (the
      organisation would be left without one by accident).
    - An officer with open complaints keeps the role until they are handed over (R-5.1).
    """
    errors: dict[str, list] = {}
    if values.get("is_officer") and not values.get("email"):
        errors.setdefault("email", []).append(_("A complaints officer needs an e-mail address."))
    if is_self and values.get("is_officer") and not was_officer:
        errors.setdefault("is_officer", []).append(
            _("You cannot make yourself a complaints officer. Ask another administrator.")
        )
    if is_self and not (values.get("is_org_admin") and values.get("is_active", True)):
        errors.setdefault("__all__", []).append(
            _("You cannot take away your own administrator role or deactivate yourself.")
        )
    losing = was_officer and not (values.get("is_officer") and values.get("is_active", True))
    if losing and open_complaints:
        errors.setdefault("__all__", []).append(
            ngettext(
                "%(name)s still handles %(n)d open complaint. Hand it over to another "
                "officer before removing the officer role or deactivating this user.",
                "%(name)s still handles %(n)d open complaints. Hand them over to another "
                "officer before removing the officer role or deactivating this user.",
                open_complaints,
            )
            % {"name": name, "n": open_complaints}
        )
    return errors
