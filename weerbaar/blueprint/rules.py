"""The rules that turn a region's answers into its tailored plan.

Pure functions over an ``Answers`` value: no database, no request. Every piece of advice carries
the code of the rule that produced it (``R1`` …), and docs/blueprint.md explains each rule and
the lesson from the Utrechtse Online Coalitie behind it. Texts are lazy translations, so the
same plan reads in Dutch or English.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from weerbaar.blueprint.choices import (
    BudgetRange,
    Phase,
    PopulationBracket,
    ProgrammeSize,
    Provision,
    Urbanity,
)
from weerbaar.coalitions.choices import FocusArea, Theme
from weerbaar.partners.choices import Domain
from weerbaar.partners.embedding import ITEMS as EMBEDDING_ITEMS

Text = str | Promise

STEPS = ("region", "existing", "domains", "priorities", "capacity", "organisations", "start")

# R1: the weeks (from the start) each phase of the Utrecht path usually spans at a normal pace.
PHASE_WEEKS: dict[Phase, tuple[int, int]] = {
    Phase.URGENCY: (0, 6),
    Phase.INSPIRATION: (6, 10),
    Phase.FOLLOW_UP: (10, 16),
    Phase.FOUNDING: (16, 26),
    Phase.EXECUTION: (26, 52),
    Phase.EMBEDDING: (40, 78),
}

# R8: the domains Utrecht found a coalition cannot do without, in the order to invite them.
KEY_DOMAINS = (
    Domain.PUBLIC_ORDER_SAFETY,
    Domain.SOCIAL_DEVELOPMENT,
    Domain.PUBLIC_HEALTH,
    Domain.EDUCATION,
)

# R9: which domains a priority theme calls for beyond the key domains.
THEME_DOMAINS: dict[str, tuple[Domain, ...]] = {
    Theme.DISINFORMATION: (Domain.LIBRARY, Domain.MEDIA_LITERACY, Domain.RESEARCH),
    Theme.CONSPIRACY: (Domain.LIBRARY, Domain.YOUTH_WORK, Domain.CIVIL_SOCIETY),
    Theme.HATE: (Domain.POLICE, Domain.CIVIL_SOCIETY),
    Theme.EXTREMISM: (Domain.POLICE, Domain.YOUTH_WORK, Domain.CIVIL_SOCIETY),
    Theme.POLARISATION: (Domain.CIVIL_SOCIETY, Domain.YOUTH_WORK),
    Theme.SEXTORTION: (Domain.POLICE, Domain.CARE, Domain.YOUTH_WORK),
    Theme.CYBERBULLYING: (Domain.YOUTH_WORK, Domain.CARE),
    Theme.SCAMS: (Domain.POLICE, Domain.LIBRARY),
    Theme.GAMING: (Domain.YOUTH_WORK, Domain.CARE),
    Theme.ONLINE_UNSAFETY: (Domain.POLICE, Domain.YOUTH_WORK),
}

# R11: one activity idea per priority theme, for the first-year programme.
THEME_ACTIVITIES: dict[str, tuple[Text, Text]] = {
    Theme.DISINFORMATION: (
        _("Workshop 'check before you share' in the library"),
        _("Young people and parents practise recognising false news with real examples."),
    ),
    Theme.CONSPIRACY: (
        _("Training for teachers: conspiracy theories in the classroom"),
        _("How to take the question behind a conspiracy theory seriously without agreeing."),
    ),
    Theme.HATE: (
        _("Campaign against online hate with local young people"),
        _("Young people make the message; partners spread it through their own channels."),
    ),
    Theme.EXTREMISM: (
        _("Expert meeting on online radicalisation"),
        _("Professionals learn the signs and the route to the case meeting."),
    ),
    Theme.POLARISATION: (
        _("Dialogue evenings in the neighbourhood"),
        _("Residents talk about what divides them online, led by a trained moderator."),
    ),
    Theme.SEXTORTION: (
        _("Information for schools on sextortion and where to get help"),
        _("A lesson with the police and youth care, and a clear route for victims."),
    ),
    Theme.CYBERBULLYING: (
        _("Parent evening on cyberbullying"),
        _("Parents learn what they can do, with youth workers and a school."),
    ),
    Theme.SCAMS: (
        _("Digital help desk against online fraud"),
        _("Library and police help residents recognise scams and report them."),
    ),
    Theme.GAMING: (
        _("Parent evening on online gaming"),
        _("Children explain their game to their parents; a youth worker talks about limits."),
    ),
    Theme.ONLINE_UNSAFETY: (
        _("Online safety week"),
        _("Partners hold open sessions on safety online for young people and parents."),
    ),
    Theme.OTHER: (
        _("Pilot with one practical tool"),
        _("Try one tool or intervention for half a year and share what you learn."),
    ),
}

# R10: how many activities a first year holds, by the programme size capacity allows.
ACTIVITY_COUNT: dict[ProgrammeSize, int] = {
    ProgrammeSize.SMALL: 4,
    ProgrammeSize.MEDIUM: 7,
    ProgrammeSize.LARGE: 10,
}

# The principles every partner of the Utrechtse Online Coalitie signs (DESIGN.md §1).
BASE_PRINCIPLES: tuple[Text, ...] = (
    _(
        "Every partner contributes actively: with knowledge, time, resources, thinking and "
        "doing power."
    ),
    _("We act with the backing of our own organisation."),
    _("We work across domains and disciplines, on threats and on opportunities."),
    _("We learn from each other and share knowledge, inside and outside our region."),
    _("We refer well, so that nobody stands alone."),
    _("We work in service of the people it is about."),
)


@dataclass(frozen=True)
class Answers:
    """What a region told the wizard; every field may be empty when a step was skipped."""

    coalition_name: str = ""
    municipalities: tuple[str, ...] = ()
    population: str = ""
    urbanity: str = ""
    provisions: frozenset[str] = frozenset()
    domains_on_board: frozenset[str] = frozenset()
    domains_reachable: frozenset[str] = frozenset()
    priorities: tuple[str, ...] = ()
    coordinator_hours: int | None = None
    budget: str = ""
    programme_size: str = ""
    organisations: tuple[tuple[str, str], ...] = ()
    start: datetime.date | None = None
    answered: frozenset[str] = frozenset()

    @classmethod
    def from_json(cls, data: Mapping[str, Mapping[str, Any]]) -> Answers:
        """Read the answers as the wizard stores them: one dict per step."""
        region = data.get("region", {})
        existing = data.get("existing", {})
        domains = data.get("domains", {})
        priorities = data.get("priorities", {})
        capacity = data.get("capacity", {})
        organisations = data.get("organisations", {})
        start = data.get("start", {})
        start_date = None
        if start.get("start"):
            try:
                start_date = datetime.date.fromisoformat(str(start["start"]))
            except ValueError:
                start_date = None
        hours = capacity.get("coordinator_hours")
        return cls(
            coalition_name=str(region.get("coalition_name", "")),
            municipalities=tuple(region.get("municipalities", ())),
            population=str(region.get("population", "")),
            urbanity=str(region.get("urbanity", "")),
            provisions=frozenset(existing.get("provisions", ())),
            domains_on_board=frozenset(domains.get("on_board", ())),
            domains_reachable=frozenset(domains.get("reachable", ())),
            priorities=tuple(priorities.get("themes", ())),
            coordinator_hours=int(hours) if hours is not None else None,
            budget=str(capacity.get("budget", "")),
            programme_size=str(capacity.get("programme_size", "")),
            organisations=tuple(
                (str(o.get("name", "")), str(o.get("email", "")))
                for o in organisations.get("organisations", ())
            ),
            start=start_date,
            answered=frozenset(k for k in STEPS if k in data),
        )

    def has(self, provision: Provision) -> bool:
        return provision.value in self.provisions

    def is_regional(self) -> bool:
        return len(self.municipalities) > 1


@dataclass(frozen=True)
class Task:
    phase: Phase
    title: Text
    who: Text
    week: int
    rule: str
    description: Text = ""

    def due(self, start: datetime.date) -> datetime.date:
        return start + datetime.timedelta(weeks=self.week)


@dataclass(frozen=True)
class PhasePlan:
    phase: Phase
    first_week: int
    last_week: int
    tasks: list[Task]
    start: datetime.date

    @property
    def dated_tasks(self) -> list[tuple[Task, datetime.date]]:
        return [(task, task.due(self.start)) for task in self.tasks]

    @property
    def label(self) -> Text:
        return self.phase.label


@dataclass(frozen=True)
class PartnerAdvice:
    domain: Domain
    reason: Text
    rule: str
    first: bool

    @property
    def label(self) -> Text:
        return self.domain.label


@dataclass(frozen=True)
class Activity:
    month: int
    title: Text
    description: Text
    rule: str


@dataclass(frozen=True)
class Warning:
    text: Text
    rule: str


@dataclass(frozen=True)
class Plan:
    start: datetime.date
    pace: Text
    phases: list[PhasePlan]
    partners: list[PartnerAdvice]
    ambition: str
    principles: list[Text]
    programme_size: ProgrammeSize
    activities: list[Activity]
    themes: list[str]
    focus_areas: list[str]
    embedding_items: list[Text]
    attention_points: list[tuple[Text, Text]]
    warnings: list[Warning] = field(default_factory=list)

    def covenant_markdown(self) -> str:
        """The draft covenant as Markdown, the way ``covenant.CovenantVersion`` stores it."""
        ambition, principles, commitments = (
            _("Ambition"),
            _("Principles"),
            _("What partners commit to"),
        )
        lines = [f"## {ambition}", "", self.ambition, "", f"## {principles}", ""]
        lines += [f"- {principle}" for principle in self.principles]
        lines += ["", f"## {commitments}", ""]
        lines.append(
            str(
                _(
                    "Each partner names a contact person, takes part in the meetings and "
                    "pledges knowledge, hours or money for the coming year."
                )
            )
        )
        return "\n".join(str(line) for line in lines)

    def all_tasks(self) -> Iterable[Task]:
        for phase in self.phases:
            yield from phase.tasks


def get_pace(hours: int | None) -> tuple[float, Text]:
    """R1: fewer coordinator hours stretch the path; more hours shorten it."""
    if not hours:
        return 1.5, _("slow: there are no coordinator hours yet")
    if hours < 8:
        return 1.25, _("calm: fewer than 8 coordinator hours a week")
    if hours < 16:
        return 1.0, _("normal: 8 to 16 coordinator hours a week")
    return 0.75, _("fast: 16 or more coordinator hours a week")


def get_programme_size(answers: Answers) -> tuple[ProgrammeSize, list[Warning]]:
    """R10: the programme the capacity carries; a wish beyond it is reduced with a warning."""
    hours = answers.coordinator_hours or 0
    budget = answers.budget or BudgetRange.NONE
    if hours >= 16 and budget in (BudgetRange.MEDIUM, BudgetRange.LARGE):
        capacity = ProgrammeSize.LARGE
    elif hours >= 8 or budget in (BudgetRange.MEDIUM, BudgetRange.LARGE):
        capacity = ProgrammeSize.MEDIUM
    else:
        capacity = ProgrammeSize.SMALL
    order = list(ProgrammeSize)
    wished = ProgrammeSize(answers.programme_size) if answers.programme_size else capacity
    if order.index(wished) > order.index(capacity):
        return capacity, [
            Warning(
                _(
                    "You would like a %(wished)s programme, but the hours and budget you named "
                    "carry a %(size)s one. The plan starts with that; add hours or budget to "
                    "grow."
                )
                % {"wished": _size_word(wished), "size": _size_word(capacity)},
                "R10",
            )
        ]
    return wished, []


def _size_word(size: ProgrammeSize) -> Text:
    return {
        ProgrammeSize.SMALL: _("small"),
        ProgrammeSize.MEDIUM: _("medium"),
        ProgrammeSize.LARGE: _("large"),
    }[size]


def get_tasks(answers: Answers, windows: Mapping[Phase, tuple[int, int]]) -> list[Task]:
    """R2 to R7: the concrete tasks, depending on what the region has and how it is built."""

    def at(phase: Phase, fraction: float) -> int:
        first, last = windows[phase]
        return first + round((last - first) * fraction)

    coordinator = _("Quartermaster (coordinator)")
    adviser = _("Municipal policy adviser")
    tasks = [
        Task(
            Phase.URGENCY,
            _("Appoint a quartermaster with time for the coalition"),
            adviser,
            at(Phase.URGENCY, 0),
            "R2",
        ),
    ]
    if answers.has(Provision.PROGRAMME):
        tasks.append(
            Task(
                Phase.URGENCY,
                _("Link the coalition to the existing local programme"),
                adviser,
                at(Phase.URGENCY, 0.3),
                "R2",
                _("Describe what the coalition adds online to the programme that already exists."),
            )
        )
    else:
        tasks.append(
            Task(
                Phase.URGENCY,
                _("Write a short urgency memo on online polarisation here"),
                adviser,
                at(Phase.URGENCY, 0.3),
                "R2",
                _("Utrecht's programme gave too little attention to online life; start there."),
            )
        )
    tasks += [
        Task(
            Phase.URGENCY,
            _("Get the backing of the responsible alderman"),
            adviser,
            at(Phase.URGENCY, 0.6),
            "R2",
        ),
        Task(
            Phase.URGENCY,
            _("Talk to five key people from different domains"),
            coordinator,
            at(Phase.URGENCY, 1),
            "R2",
        ),
        Task(
            Phase.INSPIRATION,
            _("Invite partners to an inspiration meeting"),
            coordinator,
            at(Phase.INSPIRATION, 0),
            "R4",
        ),
    ]
    if answers.has(Provision.YOUTH_WORK):
        tasks.append(
            Task(
                Phase.INSPIRATION,
                _("Ask youth workers to bring examples from online practice"),
                coordinator,
                at(Phase.INSPIRATION, 0.5),
                "R4",
            )
        )
    else:
        tasks.append(
            Task(
                Phase.INSPIRATION,
                _("Invite young people or a youth organisation to speak"),
                coordinator,
                at(Phase.INSPIRATION, 0.5),
                "R4",
                _("Approach young people from genuine interest, not from ignorance and fear."),
            )
        )
    if answers.is_regional() or answers.urbanity == Urbanity.RURAL:
        tasks.append(
            Task(
                Phase.INSPIRATION,
                _("Hold one regional meeting instead of one per municipality"),
                coordinator,
                at(Phase.INSPIRATION, 1),
                "R7",
            )
        )
    else:
        tasks.append(
            Task(
                Phase.INSPIRATION,
                _("Hold the meeting in a district where partners already work"),
                coordinator,
                at(Phase.INSPIRATION, 1),
                "R7",
            )
        )
    tasks += [
        Task(
            Phase.FOLLOW_UP,
            _("Agree on the ambition and the themes to start with"),
            _("Coordinator with the partners"),
            at(Phase.FOLLOW_UP, 0.3),
            "R4",
        ),
        Task(
            Phase.FOLLOW_UP,
            _("Ask each partner what they can contribute"),
            coordinator,
            at(Phase.FOLLOW_UP, 0.8),
            "R4",
        ),
    ]
    if answers.is_regional():
        tasks.append(
            Task(
                Phase.FOLLOW_UP,
                _("Agree per municipality who carries the coalition"),
                adviser,
                at(Phase.FOLLOW_UP, 1),
                "R6",
            )
        )
    tasks += [
        Task(
            Phase.FOUNDING,
            _("Finish the covenant text with the partners"),
            coordinator,
            at(Phase.FOUNDING, 0.3),
            "R5",
        ),
        Task(
            Phase.FOUNDING,
            _("Sign the covenant at a founding meeting"),
            _("Directors of the partners"),
            at(Phase.FOUNDING, 1),
            "R5",
        ),
    ]
    if answers.has(Provision.CASE_MEETING):
        tasks.append(
            Task(
                Phase.FOUNDING,
                _("Agree how the coalition refers to the case meeting on radicalisation"),
                _("Coordinator and safety adviser"),
                at(Phase.FOUNDING, 0.6),
                "R3",
            )
        )
    elif answers.has(Provision.SAFETY_NETWORK):
        tasks.append(
            Task(
                Phase.FOUNDING,
                _("Agree a referral route with the safety network"),
                _("Coordinator and safety adviser"),
                at(Phase.FOUNDING, 0.6),
                "R3",
            )
        )
    else:
        tasks.append(
            Task(
                Phase.FOUNDING,
                _("Set up a referral route so that nobody stands alone"),
                _("Coordinator and safety adviser"),
                at(Phase.FOUNDING, 0.6),
                "R3",
                _(
                    "There is no safety network or case meeting yet: agree who acts on a worrying "
                    "signal."
                ),
            )
        )
    tasks += [
        Task(
            Phase.EXECUTION,
            _("Start regular knowledge meetings"),
            coordinator,
            at(Phase.EXECUTION, 0),
            "R11",
        ),
        Task(
            Phase.EXECUTION,
            _("Run the first activities of the year programme"),
            _("Partners, each for their own activity"),
            at(Phase.EXECUTION, 0.3),
            "R11",
        ),
        Task(
            Phase.EXECUTION,
            _("Agree what the coalition may and may not monitor online"),
            _("Coordinator and privacy officer"),
            at(Phase.EXECUTION, 0.5),
            "R12",
        ),
    ]
    if answers.has(Provision.MEDIA_LITERACY):
        tasks.append(
            Task(
                Phase.EXECUTION,
                _("Build on the existing media-literacy activities"),
                _("Library and schools"),
                at(Phase.EXECUTION, 0.6),
                "R5",
            )
        )
    else:
        tasks.append(
            Task(
                Phase.EXECUTION,
                _("Start media-literacy activities with the library"),
                _("Library and schools"),
                at(Phase.EXECUTION, 0.6),
                "R5",
            )
        )
    tasks += [
        Task(
            Phase.EMBEDDING,
            _("Have each partner describe how the work is embedded"),
            _("Each partner"),
            at(Phase.EMBEDDING, 0.2),
            "R12",
        ),
        Task(
            Phase.EMBEDDING,
            _("Arrange structural funding for all parties"),
            adviser,
            at(Phase.EMBEDDING, 0.5),
            "R12",
        ),
        Task(
            Phase.EMBEDDING,
            _("Share results with national government and other regions"),
            coordinator,
            at(Phase.EMBEDDING, 0.8),
            "R12",
        ),
        Task(
            Phase.EMBEDDING,
            _("Evaluate the first year and renew the commitments"),
            _("Coordinator with the partners"),
            at(Phase.EMBEDDING, 1),
            "R12",
        ),
    ]
    return tasks


def get_partner_advice(answers: Answers) -> tuple[list[PartnerAdvice], list[Warning]]:
    """R8 and R9: which partner types to invite first, and why."""
    on_board = answers.domains_on_board
    advice: list[PartnerAdvice] = []
    warnings: list[Warning] = []
    missing_key = [d for d in KEY_DOMAINS if d.value not in on_board]
    for domain in missing_key:
        if domain in (Domain.PUBLIC_HEALTH, Domain.EDUCATION):
            reason: Text = _(
                "Not yet on board. Utrecht's lesson: link safety and social development, and "
                "bring in health and education."
            )
        else:
            reason = _(
                "Not yet on board. Safety and social development together carry a coalition; "
                "one without the other misses either the signals or the prevention."
            )
        if domain.value in answers.domains_reachable:
            reason = _("%(reason)s You can reach them already: start here.") % {"reason": reason}
        advice.append(PartnerAdvice(domain, reason, "R8", True))
    if (
        "domains" in answers.answered
        and Domain.PUBLIC_ORDER_SAFETY.value not in on_board
        and Domain.SOCIAL_DEVELOPMENT.value not in on_board
    ):
        warnings.append(
            Warning(
                _(
                    "Neither safety nor social development is on board. Find a home for the "
                    "coalition in the municipality first."
                ),
                "R8",
            )
        )
    seen = {a.domain for a in advice} | {Domain(d) for d in on_board if d in Domain.values}
    for theme in answers.priorities:
        for domain in THEME_DOMAINS.get(theme, ()):
            if domain in seen:
                continue
            seen.add(domain)
            advice.append(
                PartnerAdvice(
                    domain,
                    _("Your priority %(theme)s asks for them.") % {"theme": Theme(theme).label},
                    "R9",
                    domain.value in answers.domains_reachable,
                )
            )
    advice.sort(key=lambda a: not a.first)
    return advice, warnings


def get_ambition(answers: Answers) -> str:
    """R5: the covenant's ambition, Utrecht's words applied to this region and its themes."""
    region = ", ".join(answers.municipalities) or str(_("our region"))
    themes = ", ".join(str(Theme(t).label).lower() for t in answers.priorities if t in Theme.values)
    text = str(
        _(
            "Together we work in %(region)s for an (online) society that is safe, healthy, "
            "inclusive and resilient. We focus on prevention, awareness, signalling and digital "
            "resilience, and approach young people from genuine interest, not from ignorance "
            "and fear."
        )
        % {"region": region}
    )
    if themes:
        text += " " + str(_("We start with: %(themes)s.") % {"themes": themes})
    return text


def get_principles(answers: Answers) -> list[Text]:
    principles = list(BASE_PRINCIPLES)
    if answers.is_regional():
        principles.append(_("Every municipality in the region carries the coalition together."))
    return principles


def get_activities(answers: Answers, size: ProgrammeSize) -> list[Activity]:
    """R10 and R11: a first year sized to capacity, filled from the priorities."""
    count = ACTIVITY_COUNT[size]
    activities = [
        Activity(
            1,
            _("Kick-off meeting of all partners"),
            _("Get to know each other's work and agree the year programme."),
            "R11",
        ),
    ]
    meetings = {
        ProgrammeSize.SMALL: (4, 8),
        ProgrammeSize.MEDIUM: (3, 6, 9),
        ProgrammeSize.LARGE: (3, 5, 7, 9),
    }[size]
    for month in meetings:
        activities.append(
            Activity(
                month,
                _("Knowledge meeting"),
                _("Partners share what they see online and what works."),
                "R11",
            )
        )
    themes = [t for t in answers.priorities if t in THEME_ACTIVITIES] or [Theme.OTHER.value]
    month = 2
    index = 0
    while len(activities) < count - 1 and index < len(themes) * 2:
        theme = themes[index % len(themes)]
        title, description = THEME_ACTIVITIES[theme]
        if index >= len(themes):
            title = _("%(title)s (second round)") % {"title": title}
        activities.append(Activity(month, title, description, "R11"))
        month = min(11, month + 2)
        index += 1
    activities.append(
        Activity(
            12,
            _("Year review with all partners"),
            _("What worked, what did partners deliver, what changes next year."),
            "R12",
        )
    )
    activities.sort(key=lambda a: a.month)
    return activities


ATTENTION_POINTS: list[tuple[Text, Text]] = [
    (
        _("Structural funding for all parties"),
        _(
            "Project money ends; agree early who pays for coordination and activities after "
            "year one."
        ),
    ),
    (
        _("Embedding in each partner's own organisation"),
        _("The coalition lasts when managers, not only enthusiastic staff, carry it."),
    ),
    (
        _("Clarity on what monitoring is allowed"),
        _(
            "A municipality may not follow persons online, use fake accounts or aim tools at "
            "people. Signals describe phenomena, never persons."
        ),
    ),
    (
        _("Cooperation with national government"),
        _("Share lessons with ministries, universities and other regions, and ask for support."),
    ),
]


def make_plan(answers: Answers, today: datetime.date) -> Plan:
    """The tailored plan for ``answers``; ``today`` is used when no start date was given."""
    factor, pace = get_pace(answers.coordinator_hours)
    windows = {
        phase: (round(first * factor), round(last * factor))
        for phase, (first, last) in PHASE_WEEKS.items()
    }
    tasks = get_tasks(answers, windows)
    start = answers.start or today
    phases = [
        PhasePlan(
            phase,
            *windows[phase],
            sorted((t for t in tasks if t.phase == phase), key=lambda t: t.week),
            start,
        )
        for phase in Phase
    ]
    partners, warnings = get_partner_advice(answers)
    size, size_warnings = get_programme_size(answers)
    warnings += size_warnings
    if not answers.priorities:
        warnings.append(
            Warning(_("You chose no priorities; the programme uses general activities."), "R11")
        )
    focus = [FocusArea.PREVENTION.value, FocusArea.AWARENESS.value]
    if answers.has(Provision.SAFETY_NETWORK) or answers.has(Provision.CASE_MEETING):
        focus.append(FocusArea.SIGNALLING.value)
    if answers.has(Provision.MEDIA_LITERACY) or Theme.DISINFORMATION.value in answers.priorities:
        focus.append(FocusArea.DIGITAL_RESILIENCE.value)
    if answers.population == PopulationBracket.OVER_250K and FocusArea.SIGNALLING not in focus:
        focus.append(FocusArea.SIGNALLING.value)
    return Plan(
        start=start,
        pace=pace,
        phases=phases,
        partners=partners,
        ambition=get_ambition(answers),
        principles=get_principles(answers),
        programme_size=size,
        activities=get_activities(answers, size),
        themes=[t for t in answers.priorities if t in Theme.values],
        focus_areas=focus,
        embedding_items=[label for _key, label, _ticks in EMBEDDING_ITEMS],
        attention_points=ATTENTION_POINTS,
        warnings=warnings,
    )
