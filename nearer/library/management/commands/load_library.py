from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from pydantic import ValidationError

from nearer.library import translations
from nearer.library.loader import LibraryError, load_library
from nearer.library.models import Item
from nearer.plans.definitions import PlanError, plan_translation_problems, read_plans
from nearer.safety.track import read_track


class Command(BaseCommand):
    help = "Validate the content files and load them into the database (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument("--path", type=Path, default=settings.NEARER_CONTENT_DIR)

    def handle(self, *args, path, **options):
        # The plans first (their time budgets too): a broken plan loads nothing at all.
        self._plans(path, None)
        self._direct_translations(path)
        try:
            report = load_library(path)
        except LibraryError as error:
            raise CommandError(
                f"The library has {len(error.problems)} problem(s); nothing was loaded:\n  "
                + "\n  ".join(error.problems)
            ) from None
        keys = set(Item.objects.current().values_list("key", flat=True))
        plans = self._plans(path, keys)
        self._individual_track(path, keys)
        self.stdout.write(
            f"Library loaded: {report.created} new, {report.updated} updated, "
            f"{report.retired} retired, {report.unchanged} unchanged. "
            f"Plans checked: {len(plans)}."
        )
        for language, (done, stale) in sorted(report.translated.items()):
            self.stdout.write(
                f"Translated into {language}: {done} items ({stale} stale: their English "
                f"changed since; scripts/content_i18n.py check {language} lists them)."
            )

    def _direct_translations(self, path):
        """The plans, safety and help files are read by their pages, not loaded: check their
        translations first, so that a mistake stops the load instead of showing English."""
        problems = plan_translation_problems(path)
        sources = {
            "safety/individual_steps.yaml": path / "safety" / "individual_steps.yaml",
            "safety/resources.yaml": Path(settings.NEARER_SAFETY_RESOURCES),
            "help/directories.yaml": Path(settings.NEARER_HELP_DIRECTORIES),
        }
        for kind, source in sources.items():
            for candidate in sorted(source.parent.glob(f"{source.stem}.*.yaml")):
                match = translations.TRANSLATION_NAME.match(candidate.name)
                if match and match["stem"] == source.stem:
                    problems += translations.read_direct(source, match["language"], kind)[1]
        if problems:
            raise CommandError(
                f"The translations have {len(problems)} problem(s):\n  " + "\n  ".join(problems)
            )

    def _individual_track(self, path, library_keys):
        """The steps shown instead of a plan after a danger signal: valid, existing items,
        none of them vulnerable. A content folder without one (a test library) is fine."""
        if not (path / "safety" / "individual_steps.yaml").exists():
            return
        try:
            track = read_track(path)
        except (ValidationError, OSError) as error:
            raise CommandError(f"content/safety/individual_steps.yaml: {error}") from None
        vulnerable = set(Item.objects.current().tagged("vulnerable").values_list("key", flat=True))
        for step in track.daily + track.weekly:
            if step.item and (step.item not in library_keys or step.item in vulnerable):
                raise CommandError(
                    f"content/safety/individual_steps.yaml: step {step.key}: "
                    f"{step.item} is not a current, non-vulnerable library item"
                )

    def _plans(self, path, library_keys):
        try:
            return read_plans(path, library_keys)
        except PlanError as error:
            raise CommandError(
                f"The plans have {len(error.problems)} problem(s):\n  "
                + "\n  ".join(error.problems)
            ) from None
