"""Pages that belong to no single capability: landing, Today, safety, health."""

import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from nearer.core.logs import event, where
from nearer.core.safety import resources
from nearer.couples.services import pending_invite, state_of
from nearer.plans.services import today_for
from nearer.questions import services as questions
from nearer.reminders.news import whats_new
from nearer.safety import services as safety_checks


@require_GET
def landing(request):
    if request.user.is_authenticated:
        return redirect("today")
    return render(request, "core/landing.html")


@require_GET
@login_required
def today(request):
    """Today. After a safety check that signals danger it leads with support and leaves out
    everything that points towards the partner (questions, invitations, joint rituals); this
    changes nothing the partner can see (the question of the day is not even opened here)."""
    state = state_of(request.user)
    danger = safety_checks.in_danger(request.user)
    question = None if danger else questions.question_for(request.user)
    question_state = questions.view(request.user, question)
    context = {
        "in_danger": danger,
        "resources": safety_checks.resources_for(request.user) if danger else [],
        "question": question,
        "question_state": question_state,
        "state": state,
        "local_now": request.user.local_now(),
        "plan": today_for(request.user),
        "safety_check_due": safety_checks.due(request.user),
        "whats_new": whats_new(request.user, question, question_state["partner_answered"]),
        "has_pending_invite": not danger
        and state.couple is not None
        and not state.is_linked
        and pending_invite(request.user) is not None,
    }
    return render(request, "core/today.html", context)


@require_GET
def safety(request):
    context = {
        "resources": resources(),
        "in_danger": request.user.is_authenticated and safety_checks.in_danger(request.user),
    }
    return render(request, "core/safety.html", context)


@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any database failure means "not healthy"
        event(
            logging.getLogger("nearer.health"), "health.failed", logging.ERROR, error=where(error)
        )
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
