"""A base class for the generated fcu client class.

botocore computes ``client.meta.endpoint_url`` with its legacy, AWS-partition
resolver, which would report ``https://fcu.<region>.amazonaws.com`` while the
requests follow our endpoint rule set to ``https://fcu.<region>.outscale.com``.
The ``creating-client-class.fcu`` event (botocore's published way to add base
classes to a client) lets us report the URL the requests really use. Evaluating
the rule set at creation also makes a bad configuration (FIPS, dual-stack, no
region) fail when the client is made rather than on its first call.
"""

from __future__ import annotations

from typing import Any

from botocore.client import ClientMeta

#: Any operation will do: FCU's rule set depends on no operation parameter.
_PROBE_OPERATION = "DescribeRegions"


class ReportResolvedEndpoint:
    """Make ``meta.endpoint_url`` the endpoint the rule set resolves."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        resolver = kwargs.get("endpoint_ruleset_resolver")
        if resolver is None:
            return
        meta = self.meta
        operation = meta.service_model.operation_model(_PROBE_OPERATION)
        url = resolver.construct_endpoint(operation, {}, {}).url
        if url != meta.endpoint_url:
            self.meta = ClientMeta(
                meta.events,
                meta.config,
                url,
                meta.service_model,
                meta.method_to_api_mapping,
                meta.partition,
            )


def add_endpoint_reporting_base(base_classes: list, **kwargs: Any) -> None:
    """``creating-client-class.fcu`` handler."""
    if ReportResolvedEndpoint not in base_classes:
        base_classes.insert(0, ReportResolvedEndpoint)
