from django.urls import path

from .views import officer_steps as steps
from .views import respondent

STEP = "klachten/<reference:reference>/stap/"

patterns = (
    [
        path(f"{STEP}betrokkene/", steps.set_respondent, name="set-respondent"),
        path(f"{STEP}betrokkene-informeren/", steps.notify_respondent, name="notify-respondent"),
        path(f"{STEP}uitnodigen/", steps.invite, name="invite"),
        path(f"{STEP}verklaring/", steps.record_statement, name="record-statement"),
        path(f"{STEP}niet-gehoord/", steps.waive, name="waive"),
        path(f"{STEP}update/", steps.add_update, name="add-update"),
        path(f"{STEP}voorstel/", steps.propose, name="propose"),
        path(f"{STEP}oordeel/", steps.judge, name="judge"),
        path(f"{STEP}ondertekenen/", steps.sign, name="sign"),
        path(f"{STEP}reactie-op-papier/", steps.record_paper_answer, name="paper-answer"),
        path(
            f"{STEP}handtekening-op-papier/",
            steps.record_paper_signature,
            name="paper-signature",
        ),
        path(f"{STEP}geen-reactie/", steps.close_no_answer, name="close-no-answer"),
        path(f"{STEP}geschillencommissie/", steps.refer, name="refer"),
        path(f"{STEP}dossier-geschillencommissie/", steps.case_file, name="case-file"),
        path(f"{STEP}uitspraak/", steps.record_ruling, name="record-ruling"),
        path(f"{STEP}afsluiten/", steps.close, name="close"),
        path(f"{STEP}intrekken/", steps.withdraw, name="withdraw"),
        path(f"{STEP}niet-ontvankelijk/", steps.not_admissible, name="not-admissible"),
        path(f"{STEP}links-intrekken/", steps.revoke_links, name="revoke-links"),
        path(f"{STEP}delen/", steps.share, name="share"),
        path("over-mij/", respondent.about_me, name="about-me"),
        path("over-mij/<reference:reference>/", respondent.about_me_detail, name="about-me-detail"),
        path(
            "over-mij/<reference:reference>/verklaring/",
            respondent.give_statement,
            name="respondent-statement",
        ),
        path(
            "over-mij/<reference:reference>/update/",
            respondent.add_update,
            name="respondent-update",
        ),
        path(
            "over-mij/<reference:reference>/voorstel/",
            respondent.propose,
            name="respondent-propose",
        ),
        path(
            "over-mij/<reference:reference>/ondertekenen/", respondent.sign, name="respondent-sign"
        ),
        path(
            "over-mij/<reference:reference>/bestanden/<uuid:attachment_id>/",
            respondent.shared_file,
            name="respondent-file",
        ),
        path(
            "over-mij/<reference:reference>/brieven/<uuid:attachment_id>/",
            respondent.letter,
            name="respondent-letter",
        ),
    ],
    "handling",
)
