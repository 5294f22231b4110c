from .models import Branding


def branding_of(organisation) -> Branding | None:
    return Branding.objects.filter(organisation=organisation).first()
