"""Three weeks of a demo couple's life, so someone trying Nearer sees every page in use.

Each day is lived through the real services with the clock set to that day (time-machine),
so dates, plan days, question days and "delivered" times are exactly what the app itself
would have written. Only ever called for the brand-new demo accounts (see seed_demo).
"""

from datetime import timedelta

import time_machine
from django.utils import timezone

from nearer.checkins import services as checkins
from nearer.notes import services as notes
from nearer.plans import services as plans
from nearer.questions import services as questions
from nearer.talks import services as talks
from nearer.timeline.models import Moment
from nearer.visibility import Visibility

DAYS = 21

ALEX_ANSWERS = [
    "The walk along the canal the night before you flew back. We barely talked and it was perfect.",
    "Being asked how my day really was, and you waiting for the real answer.",
    "Honestly? The way you hum when you cook. I miss hearing it through the wall.",
    "I'd like us to plan one weekend a month that is only ours, no family visits.",
    "When you sent that photo of the first snow on your street.",
    "I feel closest when we're doing something side by side, even over video.",
    "Learning to say 'I need a minute' instead of going quiet.",
]
SAM_ANSWERS = [
    "Sitting on the steps of your building eating chips at midnight.",
    "When you remember the small thing I said three days ago.",
    "Your laugh when the call lags and we both talk at once.",
    "A slow Sunday together where nobody has a plan.",
    "The voice note you left me before my interview.",
    "When you tell me about your day in the order it happened, tiny details and all.",
    "I'm trying to ask for what I need before I'm tired and short with you.",
]
REACTIONS = ["heart", "hug", "laugh", "thanks", "heart"]
REPLIES = ["Me too.", "I didn't know that stayed with you.", "", "Let's do it next month.", ""]
NOTES = [
    ("alex", "Good luck today. You know this stuff better than anyone in that room."),
    ("sam", "I slept in your old T-shirt. Don't ask for it back."),
    ("alex", "Thank you for staying up late to call me. I know it was past your bedtime."),
    ("sam", "Found the ticket stub from our first film. Keeping it on the fridge."),
    ("alex", "Counting down: eleven more sleeps."),
    ("sam", "I liked how we talked last night. Felt like us again."),
]
WORDS = ["tired", "hopeful", "calm", "busy", "close", "missing you", "okay", "light"]
MEETING = {
    "appreciations": "Alex: the Sunday call that ran two hours. Sam: the surprise parcel.",
    "went_well": "We kept the phones away during our video dinners.",
    "topic": "I feel a bit left out when plans change last minute, and I need a quick message.",
    "needs": "Alex: an early night on Wednesday. Sam: one call without talking about work.",
}
MOMENTS = [
    (18, "Our first video dinner", "Same pasta, two kitchens, 5,000 km apart."),
    (9, "Booked the December flights", "Sam cried a little. Alex pretended not to."),
    (3, "Watched the same sunrise", "Well, six hours apart. It still counted."),
]


def _at(days_ago: int, hour_utc: int):
    """That hour (UTC) of the day `days_ago` days back, or the same time of day as now when
    that hour has not come yet today: never in the future, and always exactly one day per
    step, so every person's local day and the couple's question day move by one per step."""
    same_time = timezone.now() - timedelta(days=days_ago)
    return min(same_time, same_time.replace(hour=hour_utc, minute=0, second=0, microsecond=0))


def started():
    """The clock set to the day the demo couple started, for creating and linking them."""
    return time_machine.travel(_at(DAYS + 1, 18), tick=False)


def _question_day(alex, sam, index: int, days_ago: int):
    question = questions.question_for(alex)
    if question is None:  # an empty library: no questions to show
        return
    # Most days both answer (revealed); some days only Alex; today only Sam, so Alex's
    # first visit shows an answer waiting to be revealed.
    both = days_ago > 0 and days_ago % 5 != 2
    if days_ago > 0:
        questions.answer(alex, question, ALEX_ANSWERS[index % len(ALEX_ANSWERS)])
    if both or days_ago == 0:
        questions.answer(sam, question, SAM_ANSWERS[index % len(SAM_ANSWERS)])
    if both and index % 2 == 0:
        mine = question.answers.get(author=alex)
        questions.react(sam, mine, REACTIONS[index % 5])
        if REPLIES[index % 5]:
            questions.reply(sam, mine, REPLIES[index % 5])
    if both and index % 3 == 0:
        theirs = question.answers.get(author=sam)
        questions.react(alex, theirs, "heart")


def _plan_day(person, days_ago: int):
    today = plans.today_for(person)
    for step in today.daily[:1]:
        status = "skipped" if days_ago % 6 == 1 else "done"
        plans.mark(person, step.ref, status)


def live(alex, sam):
    """Fill the three weeks before today. alex and sam are a freshly linked couple."""
    with time_machine.travel(_at(DAYS, 19), tick=False):
        for person in (alex, sam):
            plans.save_intake(
                person,
                {
                    "situations": ["long_distance"],
                    "shared_situations": ["long_distance"],
                    "lives": ["child_free"],
                    "living_apart": True,
                    "minutes_per_day": 10,
                    "hopes": "Feel like a team again, even from far away.",
                },
                {},
            )
    note_index = 0
    for days_ago in range(DAYS - 1, -1, -1):
        index = DAYS - days_ago
        with time_machine.travel(_at(days_ago, 20), tick=False):
            _question_day(alex, sam, index, days_ago)
            if days_ago == 0:
                break
            _plan_day(alex, days_ago)
            if days_ago % 3 != 0:
                _plan_day(sam, days_ago)
            checkins.check_in(
                alex, 2 + index % 4, 3 + index % 3, WORDS[index % len(WORDS)], index % 2 == 0
            )
            if days_ago % 4 != 3:
                checkins.check_in(sam, 3 + index % 3, 2 + index % 4, WORDS[(index + 3) % 8], True)
            if days_ago % 3 == 0:
                who, text = NOTES[note_index % len(NOTES)]
                notes.send_note(alex if who == "alex" else sam, text)
                note_index += 1
            if days_ago in (17, 10, 4):
                card = talks.card(alex)
                talks.log_talk(
                    alex,
                    15 + days_ago % 5,
                    4,
                    "I talked too fast at the start. Slower next time.",
                    card.key if card else "",
                )
            if days_ago in (14, 7):
                checkins.record_meeting(alex, MEETING)
            for ago, title, text in MOMENTS:
                if ago == days_ago:
                    moment = Moment(title=title, happened_on=plans.local_today(alex), text=text)
                    moment.attach(alex if ago % 2 else sam, Visibility.SHARED)
                    moment.save()
    notes.add_appreciation(sam, "How you always ask about my mum's appointments.")
    notes.add_appreciation(alex, "Sam's voice notes on the walk to work.")
