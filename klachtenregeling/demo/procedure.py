"""Demo complaints further along the procedure, played through the real services."""

from datetime import timedelta

from klachtenregeling.core import clock
from klachtenregeling.handling import services
from klachtenregeling.portal import tokens

STAGES = ("hearing", "judged", "resolved", "referred")


def advance(complaint, stage: str, *, officer, start) -> None:
    """Take `complaint` (in handling) to `stage`, a day per step from `start`."""
    moments = (start + timedelta(days=n, hours=2) for n in range(1, 30))

    def step():
        return clock.frozen(next(moments))

    with step():
        if complaint.respondent_id:
            services.respondent_notify(complaint=complaint, by=officer)
        services.hearing_invite(
            complaint=complaint,
            party="complainant",
            due_date=clock.today() + timedelta(days=10),
            by=officer,
        )
    with step():
        link = tokens.find(tokens.issue(complaint, purpose="demo"))
        services.statement_give_as_complainant(
            complaint=complaint,
            text="Wij hadden de afspraken schriftelijk vastgelegd; daar is niet naar gehandeld.",
            link=link,
        )
    if complaint.respondent_id:
        with step():
            complaint.refresh_from_db()
            services.statement_give_as_staff(
                complaint=complaint,
                text="Ik herken het beeld gedeeltelijk; de planning lag niet bij mij.",
                by=complaint.respondent,
            )
    if stage == "hearing":
        return
    with step():
        judgment = services.judgment_issue(
            complaint=complaint,
            verdict="partly_well_founded",
            reasoning="De afspraken zijn deels niet nagekomen. Beide partijen zijn gehoord.",
            recommendations=["Wijzigingen in de planning altijd schriftelijk bevestigen"],
            by=officer,
        )
    if stage == "judged":
        return
    with step():
        answer = "declined" if stage == "referred" else "accepted"
        services.judgment_answer(
            complaint=complaint, answer=answer, shown_sha256=judgment.text_sha256, link=link
        )
    if stage == "referred":
        with step():
            services.referral_record(
                complaint=complaint, referred_on=clock.today(), body_reference="", by=officer
            )
        return
    with step():
        services.judgment_sign(complaint=complaint, shown_sha256=judgment.text_sha256, by=officer)
    if complaint.respondent_id:
        with step():
            services.judgment_sign(
                complaint=complaint, shown_sha256=judgment.text_sha256, by=complaint.respondent
            )
