"""The CSI-4 as data (``csi.yaml``) and its scoring. Nothing here knows about people."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nearer import yamltext


class InvalidAnswers(ValueError):
    pass


@dataclass(frozen=True)
class Item:
    key: str
    text: str
    options: tuple[str, ...]

    @property
    def max_score(self) -> int:
        return len(self.options) - 1


@dataclass(frozen=True)
class Scale:
    name: str
    citation: str
    doi: str
    cutoff: float
    items: tuple[Item, ...]

    @property
    def max_score(self) -> int:
        return sum(item.max_score for item in self.items)

    def score(self, answers: dict) -> int:
        """The sum of the chosen options' positions. Every item must be answered with a
        whole number within its range; anything else raises :class:`InvalidAnswers`."""
        total = 0
        for item in self.items:
            value = answers.get(item.key)
            if isinstance(value, str) and value.isdigit():
                value = int(value)
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidAnswers(item.key)
            if not 0 <= value <= item.max_score:
                raise InvalidAnswers(item.key)
            total += value
        return total


@cache
def csi4(path: str | None = None) -> Scale:
    data = yamltext.load(Path(path or Path(__file__).with_name("csi.yaml")).read_text())
    items = tuple(
        Item(key=i["key"], text=i["text"], options=tuple(i["options"])) for i in data["items"]
    )
    return Scale(
        name=data["name"],
        citation=" ".join(data["citation"].split()),
        doi=data["doi"],
        cutoff=float(data["cutoff"]),
        items=items,
    )
