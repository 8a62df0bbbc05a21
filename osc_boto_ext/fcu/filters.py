"""boto2's filter dict, turned into botocore's ``Filters`` list.

boto2 took ``{name: value or [values]}`` (or a list of pairs) and wrote
``Filter.N.Name`` / ``Filter.N.Value.M``. botocore writes the same keys from
``[{'Name': ..., 'Values': [...]}]``, so only the shape changes here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Union

#: What boto2 accepted as ``filters``.
Boto2Filters = Union[Mapping[str, Any], Iterable[tuple[str, Any]]]


def boto3_filters(filters: Boto2Filters | None) -> list[dict[str, Any]]:
    """``[{'Name': ..., 'Values': [...]}]`` for a boto2 ``filters`` argument.

    As boto2 did, an underscore in a name becomes a dash (``owner_id`` is
    ``owner-id``) except in ``tag:`` names, whose keys are the user's own.
    A bare value stands for a one-element list. Booleans go out as FCU spells
    them (``true``/``false``), numbers as their decimal text.
    """
    if not filters:
        return []
    pairs = filters.items() if isinstance(filters, Mapping) else _pairs(filters)
    result = []
    for name, value in pairs:
        if not isinstance(name, str) or not name:
            raise ValueError(f"filter names must be non-empty strings, not {name!r}")
        wire_name = name if name.startswith("tag:") else name.replace("_", "-")
        values = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
        result.append({"Name": wire_name, "Values": [_filter_value(name, v) for v in values]})
    return result


def _pairs(filters: Iterable[Any]) -> list[tuple[str, Any]]:
    pairs = list(filters)
    for pair in pairs:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise TypeError(
                f"filters must be a dict {{name: value or [values]}} or (name, value) pairs, not {filters!r}"
            )
    return pairs


def _filter_value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int)):
        return str(value)
    raise TypeError(f"filter {name!r}: values must be strings, integers or booleans, not {value!r}")
