"""Every operation accepts a minimal valid call built from its own input shape."""

from __future__ import annotations

import datetime

import pytest
from botocore.stub import Stubber
from conftest import make_session

import osc_boto_ext

SAMPLES = {
    "string": "x",
    "integer": 1,
    "long": 1,
    "boolean": True,
    "double": 1.0,
    "float": 1.0,
    "timestamp": datetime.datetime(2026, 1, 1),
    "blob": b"x",
}


def minimal(shape):
    """The smallest value the validator accepts for ``shape``."""
    if shape.type_name == "structure":
        return {name: minimal(shape.members[name]) for name in shape.required_members}
    if shape.type_name == "list":
        return [minimal(shape.member)]
    if shape.type_name == "map":
        return {}
    if shape.metadata.get("enum"):
        return shape.metadata["enum"][0]
    return SAMPLES[shape.type_name]


@pytest.fixture(scope="module")
def client():
    return osc_boto_ext.register(make_session()).client("fcu")


def test_every_operation_has_a_method(client):
    mapping = client.meta.method_to_api_mapping
    assert sorted(mapping.values()) == sorted(client.meta.service_model.operation_names)
    assert len(mapping) == 176


def _operation_names():
    import json

    service = json.loads(open(f"{osc_boto_ext.DATA_PATH}/fcu/2016-09-15/service-2.json").read())
    return sorted(service["operations"])


@pytest.mark.parametrize("operation", _operation_names())
def test_minimal_call(client, operation):
    methods = {api: method for method, api in client.meta.method_to_api_mapping.items()}
    op_model = client.meta.service_model.operation_model(operation)
    params = minimal(op_model.input_shape) if op_model.input_shape else {}
    with Stubber(client) as stubber:
        stubber.add_response(methods[operation], {}, params)
        result = getattr(client, methods[operation])(**params)  # validated, then matched by the stubber
        stubber.assert_no_pending_responses()
    result.pop("ResponseMetadata", None)
    assert result == {}
