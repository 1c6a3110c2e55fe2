"""Question of the day: answer today's, see the reveal, react, reply, look back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.questions import services
from nearer.questions.forms import AnswerForm, ReactionForm, ReplyForm
from nearer.questions.models import Answer, Reaction
from nearer.visibility import get_changeable_or_404, get_visible_or_404


def _page_context(user, question, context=None, **extra):
    context = context or services.view(user, question)
    context.update(reaction_kinds=Reaction.Kind.choices, reply_form=ReplyForm(), **extra)
    return context


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
            if services.is_revealed(question, request.user):
                messages.success(request, _("You have both answered. Here is what you each wrote."))
            else:
                messages.success(
                    request, _("Saved. It stays private until you have both answered.")
                )
        return redirect("questions:today")
    return render(
        request, "questions/today.html", _page_context(request.user, question, context, form=form)
    )


def _responses(request, answer):
    """After a reaction or reply: the answer's responses (htmx) or the whole page."""
    if request.htmx:
        context = _page_context(request.user, answer.question)
        shown = [a for a in (context["mine"], context["theirs"]) if a and a.pk == answer.pk]
        if shown:
            context["answer"] = shown[0]
            return render(request, "questions/today.html#responses", context)
    return redirect(reverse("questions:today") + f"#answer-{answer.pk}")


@require_POST
@login_required
def react(request, pk):
    answer = get_visible_or_404(
        Answer.objects.select_related("author", "question__item"), request.user, pk=pk
    )
    form = ReactionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a reaction or write a few words."))
        return redirect("questions:today")
    try:
        if form.cleaned_data["kind"]:
            services.react(request.user, answer, form.cleaned_data["kind"], toggle=True)
        if form.cleaned_data["reply"].strip():
            services.reply(request.user, answer, form.cleaned_data["reply"])
    except services.AnswerError:
        raise Http404 from None
    return _responses(request, answer)


@require_POST
@login_required
def reply(request, pk):
    answer = get_visible_or_404(
        Answer.objects.select_related("author", "question__item"), request.user, pk=pk
    )
    if not services.is_revealed(answer.question, request.user):
        raise Http404
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a few words (up to 500 characters)."))
        return _responses(request, answer)
    try:
        services.reply(request.user, answer, form.cleaned_data["text"])
    except services.AnswerError:
        messages.error(request, _("This thread is full. Perhaps carry on face to face?"))
    return _responses(request, answer)


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
