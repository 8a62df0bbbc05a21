"""Outscale's catalogue as the local endpoint serves it: instance types,
product types, quotas, public IP ranges and regions.

Facts come from the FCU reference (shared/reference/fcu-api.md §3, §5).
Instance types: every AWS-style name Outscale maps to a TINA type
(``tinavW.cXrYpZ``: generation W, X vCores, Y GiB, performance Z), plus each
TINA type under its own name. Memory is Y GiB in bytes, except for the three
types seen in real ``DescribeInstanceTypes`` answers, which keep those
figures. Ephemeral storage follows the families that had it; when a type has
none, ``storageSize``/``storageCount`` are omitted, as in the original
extension's sample (⚠ reference §7.10: QA saw them on every item).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GIB = 1 << 30

#: AWS-style name -> TINA type, from Outscale's QA matrix (reference §5.2).
_AWS_TO_TINA = [
    "c1.medium:tinav1.c2r2p1",
    "c1.xlarge:tinav1.c8r7p1",
    "c3.2xlarge:tinav3.c8r15p1",
    "c3.4xlarge:tinav3.c16r31p1",
    "c3.8xlarge:tinav3.c32r61p1",
    "c3.large:tinav3.c2r4p1",
    "c3.xlarge:tinav3.c4r8p1",
    "c4.2xlarge:tinav4.c8r15p1",
    "c4.4xlarge:tinav4.c16r31p1",
    "c4.8xlarge:tinav4.c36r61p1",
    "c4.large:tinav4.c2r4p1",
    "c4.xlarge:tinav4.c4r8p1",
    "c5.18xlarge:tinav5.c72r147p1",
    "c5.2xlarge:tinav5.c8r16p1",
    "c5.4xlarge:tinav5.c16r33p1",
    "c5.8xlarge:tinav5.c36r74p1",
    "c5.9xlarge:tinav5.c36r72p1",
    "c5.large:tinav5.c2r4p1",
    "c5.xlarge:tinav5.c4r8p1",
    "cc1.4xlarge:tinav1.c6r25p1",
    "cc2.8xlarge:tinav2.c32r61p1",
    "cr1.8xlarge:tinav1.c32r250p2",
    "g2.2xlarge:tinav2.c8r15p1",
    "g2.8xlarge:tinav2.c32r60p1",
    "g3.16xlarge:tinav3.c64r500p1",
    "g3.4xlarge:tinav3.c16r125p1",
    "g3.8xlarge:tinav3.c32r250p1",
    "hi1.xlarge:tinav3.c4r430p1",
    "i2.2xlarge:tinav4.c8r62p2",
    "i2.4xlarge:tinav4.c16r125p2",
    "i2.8xlarge:tinav4.c32r250p2",
    "i2.xlarge:tinav4.c4r30p2",
    "io5.12xlarge:tinav4.c36r492p2",
    "io5.18xlarge:tinav4.c54r737p2",
    "io5.2xlarge:tinav4.c6r82p2",
    "io5.4xlarge:tinav4.c12r164p2",
    "io5.6xlarge:tinav4.c18r246p2",
    "io5.8xlarge:tinav4.c24r328p2",
    "m1.large:tinav1.c2r8p2",
    "m1.medium:tinav1.c1r4p2",
    "m1.small:tinav1.c1r2p2",
    "m1.xlarge:tinav1.c4r15p2",
    "m2.2xlarge:tinav2.c4r35p2",
    "m2.4xlarge:tinav2.c8r70p2",
    "m2.xlarge:tinav2.c2r18p2",
    "m3.2xlarge:tinav3.c8r31p2",
    "m3.large:tinav3.c2r8p2",
    "m3.medium:tinav3.c1r4p2",
    "m3.xlarge:tinav3.c4r15p2",
    "m4.10xlarge:tinav4.c40r164p2",
    "m4.2xlarge:tinav4.c8r33p2",
    "m4.4xlarge:tinav4.c16r66p2",
    "m4.large:tinav4.c2r8p2",
    "m4.xlarge:tinav4.c4r16p2",
    "m5.12xlarge:tinav5.c48r197p2",
    "m5.24xlarge:tinav5.c96r384p2",
    "m5.2xlarge:tinav5.c8r33p2",
    "m5.4xlarge:tinav5.c16r66p2",
    "m5.large:tinav5.c2r8p2",
    "m5.xlarge:tinav5.c4r16p2",
    "mv3.2xlarge:tinav4.c8r31p2",
    "mv3.large:tinav4.c2r8p2",
    "mv3.xlarge:tinav4.c4r15p2",
    "nv1.large:tinav4.c2r8p2",
    "nv1.medium:tinav4.c1r4p2",
    "nv1.small:tinav4.c1r2p2",
    "nv1.xlarge:tinav4.c4r15p2",
    "nv2.2xlarge:tinav4.c4r35p2",
    "nv2.4xlarge:tinav4.c8r70p2",
    "nv2.xlarge:tinav4.c2r18p2",
    "oc1.4xlarge:tinav1.c6r25p1",
    "oc2.8xlarge:tinav2.c15r66p1",
    "oc5.12xlarge:tinav4.c36r492p1",
    "oc5.18xlarge:tinav4.c54r737p1",
    "oc5.2xlarge:tinav4.c6r82p1",
    "oc5.4xlarge:tinav4.c12r164p1",
    "oc5.6xlarge:tinav4.c18r246p1",
    "oc5.8xlarge:tinav4.c24r328p1",
    "og3.2xlarge:tinav4.c16r61p2",
    "og4.2xlarge:tinav4.c16r123p2",
    "og4.4xlarge:tinav4.c24r184p2",
    "og4.8xlarge:tinav4.c32r246p2",
    "og4.xlarge:tinav4.c8r61p2",
    "om5.12xlarge:tinav4.c36r983p2",
    "om5.18xlarge:tinav4.c54r1475p2",
    "om5.2xlarge:tinav4.c6r164p2",
    "om5.4xlarge:tinav4.c12r328p2",
    "om5.6xlarge:tinav4.c18r492p2",
    "om5.8xlarge:tinav4.c24r655p2",
    "os1.2xlarge:tinav1.c4r66p2",
    "os1.4xlarge:tinav1.c8r131p2",
    "os1.8xlarge:tinav1.c15r250p2",
    "os3.2xlarge:tinav3.c16r66p2",
    "p100.2xlarge:tinav5.c8r61p1",
    "p100.4xlarge:tinav5.c16r122p1",
    "p100.8xlarge:tinav5.c32r244p1",
    "p3.2xlarge:tinav5.c8r61p1",
    "p6.8xlarge:tinav5.c32r244p1",
    "r3.2xlarge:tinav3.c8r62p2",
    "r3.4xlarge:tinav3.c16r125p2",
    "r3.8xlarge:tinav3.c32r250p2",
    "r3.large:tinav3.c2r15p2",
    "r3.xlarge:tinav3.c4r31p2",
    "r4.16xlarge:tinav4.c64r500p2",
    "r4.2xlarge:tinav4.c8r62p2",
    "r4.4xlarge:tinav4.c16r125p2",
    "r4.8xlarge:tinav4.c32r250p2",
    "r4.large:tinav4.c2r16p2",
    "r4.xlarge:tinav4.c4r31p2",
    "t1.micro:tinav1.c1r1p3",
    "t2.large:tinav2.c2r8p3",
    "t2.medium:tinav2.c2r4p3",
    "t2.micro:tinav2.c1r1p3",
    "t2.nano:tinav2.c1r1p3",
    "t2.small:tinav2.c1r2p3",
]

#: Figures from real DescribeInstanceTypes samples (reference §5.1):
#: name -> (memory bytes, storage size bytes, storage count, ebs-optimized).
_SAMPLED = {
    "m3.large": (8050966528, 32 * GIB, 1, False),
    "oc2.8xlarge": (68718428160, 840 * GIB, 4, False),
    "og4.4xlarge": (193273528320, 384 * GIB, 1, True),
}

#: Ephemeral disks per family: (GiB per disk, count) by size suffix.
_EPHEMERAL = {
    "m1": {"small": (160, 1), "medium": (410, 1), "large": (420, 2), "xlarge": (420, 4)},
    "m3": {"medium": (4, 1), "xlarge": (40, 2), "2xlarge": (80, 2)},
    "c1": {"medium": (350, 1), "xlarge": (420, 4)},
    "c3": {"large": (16, 2), "xlarge": (40, 2), "2xlarge": (80, 2), "4xlarge": (160, 2), "8xlarge": (320, 2)},
    "r3": {
        "large": (32, 1),
        "xlarge": (80, 1),
        "2xlarge": (160, 1),
        "4xlarge": (320, 1),
        "8xlarge": (320, 2),
    },
    "i2": {"xlarge": (800, 1), "2xlarge": (800, 2), "4xlarge": (800, 4), "8xlarge": (800, 8)},
    "hi1": {"4xlarge": (1024, 2), "xlarge": (1024, 1)},
    "cc2": {"8xlarge": (840, 4)},
    "cr1": {"8xlarge": (120, 2)},
}

#: Families that can start EBS-optimized (the later generations).
_EBS_OPTIMIZED_FAMILIES = {"c4", "c5", "m4", "m5", "r4", "og4", "oc5", "om5", "io5", "p3", "p6", "p100"}

_TINA_NAME = re.compile(r"^tinav(?P<gen>\d+)\.c(?P<cpu>\d+)r(?P<ram>\d+)p(?P<perf>\d)$")


@dataclass(frozen=True)
class InstanceType:
    name: str
    vcpu: int
    memory: int
    storage_size: int | None
    storage_count: int | None
    max_ip_addresses: int
    ebs_optimized_available: bool


def _max_ip_addresses(vcpu: int) -> int:
    # 2 vCPUs -> 10 and >= 15 vCPUs -> 30 in the samples; the steps between are ours.
    return 4 if vcpu == 1 else 10 if vcpu <= 4 else 15 if vcpu <= 8 else 30


def _aws_style(name: str, tina: str) -> InstanceType:
    family, size = name.split(".")
    spec = _TINA_NAME.match(tina)
    vcpu = int(spec["cpu"])
    if name in _SAMPLED:
        memory, storage_size, storage_count, ebs = _SAMPLED[name]
    else:
        memory = int(spec["ram"]) * GIB
        disks = _EPHEMERAL.get(family, {}).get(size)
        storage_size, storage_count = (disks[0] * GIB, disks[1]) if disks else (None, None)
        ebs = family in _EBS_OPTIMIZED_FAMILIES
    return InstanceType(name, vcpu, memory, storage_size, storage_count, _max_ip_addresses(vcpu), ebs)


def _tina(name: str) -> InstanceType:
    spec = _TINA_NAME.match(name)
    vcpu = int(spec["cpu"])
    ebs = int(spec["gen"]) >= 4
    return InstanceType(name, vcpu, int(spec["ram"]) * GIB, None, None, _max_ip_addresses(vcpu), ebs)


def _build_instance_types() -> tuple[InstanceType, ...]:
    pairs = [entry.split(":") for entry in _AWS_TO_TINA]
    types = [_aws_style(name, tina) for name, tina in pairs]
    types += [_tina(tina) for tina in sorted({tina for _, tina in pairs})]
    return tuple(types)


INSTANCE_TYPES: tuple[InstanceType, ...] = _build_instance_types()


@dataclass(frozen=True)
class ProductType:
    product_type_id: str
    description: str
    vendor: str = ""


#: 0001-0003 are documented; QA saw at least five, the last two are ours.
PRODUCT_TYPES = (
    ProductType("0001", "Linux/UNIX"),
    ProductType("0002", "Windows", "Microsoft"),
    ProductType("0003", "MapR", "MapR Technologies"),
    ProductType("0004", "Linux/UNIX with licensed software"),
    ProductType("0005", "Windows with SQL Server", "Microsoft"),
)
LINUX_PRODUCT_TYPE = PRODUCT_TYPES[0]
WINDOWS_PRODUCT_TYPE = PRODUCT_TYPES[1]


@dataclass(frozen=True)
class QuotaSpec:
    name: str
    display_name: str
    description: str
    group_name: str
    max_value: int


def _quota(name: str, group: str, max_value: int, display: str = "", description: str = "") -> QuotaSpec:
    words = name.replace("_limit", "").replace("_", " ")
    display = display or f"{words.upper() if len(words) <= 4 else words.title()} Limit"
    description = description or f"Maximum number of {words} resources this account can own"
    return QuotaSpec(name, display, description, group, max_value)


#: The account-wide ("global") quotas. Names are the ones Outscale's QA sets;
#: display names are known for vm/core/memory/sg, the others follow suit.
GLOBAL_QUOTAS = (
    _quota("vm_limit", "Compute", 20, "VM Limit", "Maximum number of VM this user can own"),
    _quota("core_limit", "Compute", 80, "Core Limit", "Maximum number of cores this user can use"),
    _quota("memory_limit", "Compute", 320, "Memory Limit", "Maximum memory (GiB) this user can use"),
    _quota("gpu_limit", "Compute", 0),
    _quota("dedicated_server_limit", "Compute", 0),
    _quota("bypass_group_limit", "Compute", 5),
    _quota("volume_limit", "Storage", 100),
    _quota("volume_size_limit", "Storage", 10240),
    _quota("standard_volume_size_limit", "Storage", 10240),
    _quota("iops_limit", "Storage", 13000),
    _quota("snapshot_limit", "Storage", 200),
    _quota("snapshot_copy_limit", "Storage", 5),
    _quota("snapshot_export_limit", "Storage", 5),
    _quota("image_export_limit", "Storage", 5),
    _quota("image_copy_limit", "Storage", 5),
    _quota("ip_limit", "Network", 5),
    _quota("sg_limit", "Security Groups", 500, "Security Groups Limit"),
    _quota("sg_rule_limit", "Security Groups", 50),
    _quota("vpc_sg_limit", "Security Groups", 500),
    _quota("vpc_sg_rule_limit", "Security Groups", 50),
    _quota("vm_sg_limit", "Security Groups", 5),
    _quota("vpc_limit", "Network", 5),
    _quota("subnet_limit", "Network", 50),
    _quota("igw_limit", "Network", 5),
    _quota("nat_gateway_limit", "Network", 5),
    _quota("rtb_limit", "Network", 50),
    _quota("rtb_rule_limit", "Network", 50),
    _quota("static_route_limit", "Network", 50),
    _quota("vpg_limit", "Network", 5),
    _quota("cgw_limit", "Network", 5),
    _quota("vpnc_limit", "Network", 5),
    _quota("network_endpoint_limit", "Network", 5),
    _quota("accesskey_limit", "Identity", 10),
    _quota("tag_limit", "Tags", 50),
)

#: Public ranges of the local region: documentation networks (RFC 5737), so
#: nothing here claims to be one of Outscale's real ranges.
PUBLIC_IP_RANGES = ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")

#: Outscale's public regions (reference §1.3).
PUBLIC_REGIONS = ("eu-west-2", "us-east-2", "us-west-1", "cloudgouv-eu-west-1", "ap-northeast-1")
