from django import forms
from django.contrib import admin

from klachtenregeling.complaints.uploads import check_upload
from klachtenregeling.core.admin_site import OrganisationScopedAdmin, beheer_site
from klachtenregeling.core.errors import InvalidInput

from .models import Client, Engagement, EngagementDocument


@admin.register(Client, site=beheer_site)
class ClientAdmin(OrganisationScopedAdmin):
    list_display = ["name", "email", "phone"]
    search_fields = ["name", "email"]


@admin.register(Engagement, site=beheer_site)
class EngagementAdmin(OrganisationScopedAdmin):
    list_display = ["reference", "title", "client", "starts_on", "ends_on"]
    search_fields = ["reference", "title", "client__name"]
    list_select_related = ["client"]
    date_hierarchy = "starts_on"


class EngagementDocumentForm(forms.ModelForm):
    """The file is checked by content like every attachment; name and hash are derived."""

    class Meta:
        model = EngagementDocument
        fields = ["kind", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                checked = check_upload(upload.name, upload, field="file")
            except InvalidInput as error:
                raise forms.ValidationError(
                    [str(m) for messages in error.errors.values() for m in messages]
                ) from None
            self.instance.filename = checked.filename
            self.instance.sha256 = checked.sha256
        return upload


class EngagementDocumentInline(admin.TabularInline):
    model = EngagementDocument
    form = EngagementDocumentForm
    extra = 0
    fields = ["kind", "file", "filename", "uploaded_at"]
    readonly_fields = ["filename", "uploaded_at"]


EngagementAdmin.inlines = [EngagementDocumentInline]
