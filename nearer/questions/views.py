"""Question of the day: answer today's, see the reveal, react, look back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.questions import services
from nearer.questions.forms import AnswerForm, ReactionForm
from nearer.questions.models import Answer
from nearer.visibility import get_changeable_or_404, get_visible_or_404


@require_http_methods(["GET", "POST"])
@login_required
def today(request):
    question = services.question_for(request.user)
    if question is None:
        return render(request, "questions/empty.html")
    context = services.view(request.user, question)
    initial = {"text": context["mine"].text} if context["mine"] else {}
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer(request.user, question, form.cleaned_data["text"])
        except services.AnswerError:
            messages.error(
                request, _("Your answers are already revealed, so this one stays as it is.")
            )
        else:
            messages.success(request, _("Saved. It stays private until you have both answered."))
        return redirect("questions:today")
    context.update(form=form, reaction_form=ReactionForm())
    return render(request, "questions/today.html", context)


@require_POST
@login_required
def react(request, pk):
    answer = get_visible_or_404(Answer.objects.select_related("author"), request.user, pk=pk)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reaction or write a few words."))
        return redirect("questions:today")
    try:
        services.react(request.user, answer, form.cleaned_data["kind"], form.cleaned_data["reply"])
    except services.AnswerError:
        raise Http404 from None
    return redirect("questions:today")


@require_POST
@login_required
def share(request, pk):
    answer = get_changeable_or_404(Answer, request.user, pk=pk)
    if services.share(request.user, answer):
        messages.success(request, _("Shared with your partner."))
    return redirect("questions:history")


@require_GET
@login_required
def history(request):
    return render(request, "questions/history.html", {"entries": services.history(request.user)})
