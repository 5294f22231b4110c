"""The administrator's regulation page: wording per article, publication, versions (R-4.1)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from klachtenregeling.accounts import policies
from klachtenregeling.core.errors import DomainError
from klachtenregeling.core.forms import apply_domain_error

from .. import selectors, services
from ..constants import ARTICLE_NUMBER, ARTICLE_ORDER, LANGUAGES, Article
from ..errors import PublicationRefused
from ..forms import ArticleForm
from ..rules import placeholders
from ..rules.publication import publication_problems


def _organisation(request):
    organisation = request.user.organisation
    if organisation is None:
        raise Http404
    policies.require(request.user, policies.REGULATION_EDIT, organisation)
    return organisation


@login_required
def overview(request):
    organisation = _organisation(request)
    texts = selectors.texts_of(organisation)
    parameters = selectors.parameters_of(organisation)
    values = placeholders.values(parameters, "nl")
    context = {
        "current": selectors.current_version(organisation),
        "versions": selectors.versions_of(organisation)[:100],
        "unpublished": selectors.unpublished_changes(organisation),
        "problems": publication_problems(texts, parameters),
        "placeholders": [
            (p.name, p.description, values[p.name]) for p in placeholders.PLACEHOLDERS.values()
        ],
        "articles": [
            {
                "key": key,
                "number": ARTICLE_NUMBER[key],
                "label": Article(key).label,
                "title": texts["nl"][key].title,
                "own": any(
                    texts[lang][key] != selectors.default_wording(key, lang) for lang in LANGUAGES
                ),
            }
            for key in ARTICLE_ORDER
        ],
    }
    return render(request, "regulation/staff/overview.html", context)


def _article_initial(organisation, article) -> dict:
    texts = selectors.texts_of(organisation)
    current = selectors.current_version(organisation)
    initial = {"expected_version": current.number if current else 0}
    for language in LANGUAGES:
        initial[f"title_{language}"] = texts[language][article].title
        initial[f"body_{language}"] = texts[language][article].body
    return initial


def _save_article(request, organisation, article, form):
    """Publish the form's wording (or the default's): the result, or None with form errors."""
    wordings = form.wordings()
    if "reset" in request.POST:
        wordings = {lang: selectors.default_wording(article, lang) for lang in LANGUAGES}
    try:
        return services.article_update(
            organisation=organisation,
            article=article,
            wordings=wordings,
            by=request.user,
            expected_version=form.cleaned_data["expected_version"],
        )
    except PublicationRefused as refusal:
        form.add_problems(refusal.problems, article)
    except DomainError as error:
        apply_domain_error(form, error)
    return None


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def article_edit(request, article):
    organisation = _organisation(request)
    if article not in Article.values:
        raise Http404
    form = ArticleForm(request.POST or None, initial=_article_initial(organisation, article))
    if request.method == "POST" and form.is_valid():
        result = _save_article(request, organisation, article, form)
        if result is not None:
            messages.success(request, _published_message(result))
            return redirect("regulation_staff:overview")
    context = {
        "form": form,
        "article": article,
        "number": ARTICLE_NUMBER[article],
        "label": Article(article).label,
        "defaults": {lang: selectors.default_wording(article, lang) for lang in LANGUAGES},
        "placeholders": placeholders.PLACEHOLDERS.values(),
    }
    status = 400 if form.errors else 200
    return render(request, "regulation/staff/article.html", context, status=status)


def _published_message(result) -> str:
    if result.created:
        return _("Published as version %(n)d.") % {"n": result.version.number}
    return _("Nothing changed: version %(n)d stays in force.") % {"n": result.version.number}


@login_required
@require_POST
def publish(request):
    organisation = _organisation(request)
    try:
        result = services.regulation_publish(organisation=organisation, by=request.user)
    except PublicationRefused as refusal:
        messages.error(request, _("The regulation was not published. Fix these first:"))
        for problem in refusal.problems:
            messages.error(request, str(problem.message))
    else:
        messages.success(request, _published_message(result))
    return redirect("regulation_staff:overview")
