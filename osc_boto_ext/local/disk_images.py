"""Empty disk images of a given size, in the formats FCU exports to.

An export writes the image of a snapshot's volume. The local endpoint holds
no disk data, so it writes a well-formed *empty* image: the format's own
header and metadata tables recording the volume's virtual size, with every
block unallocated (reads as zeros). qcow2, vmdk and vdi are complete images
that qemu-img or VirtualBox would open.

raw has no header: a faithful raw export is the volume's full size in zero
bytes. We write its first MiB instead (``RAW_PREFIX_BYTES``); the volume
size is recorded in the object's metadata by the exporter.
"""

from __future__ import annotations

import struct
import uuid

SECTOR = 512
RAW_PREFIX_BYTES = 1 << 20
FORMATS = ("qcow2", "raw", "vdi", "vmdk")

_QCOW2_CLUSTER_BITS = 16
_VMDK_GRAIN_SECTORS = 128  # 64 KiB grains
_VMDK_GTES_PER_GT = 512
_VDI_BLOCK = 1 << 20
_VDI_BLOCK_FREE = 0xFFFFFFFF


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def qcow2(size: int) -> bytes:
    """A qcow2 (version 2) image of ``size`` bytes with no cluster allocated.

    Layout, one 64 KiB cluster each: header, refcount table, refcount block,
    then the L1 table (all zero: nothing allocated).
    """
    cluster = 1 << _QCOW2_CLUSTER_BITS
    l2_reach = (cluster // 8) * cluster  # bytes one L2 table maps
    l1_size = max(1, _ceil_div(size, l2_reach))
    l1_clusters = _ceil_div(l1_size * 8, cluster)
    total_clusters = 3 + l1_clusters
    header = struct.pack(
        ">4sIQIIQIIQQIIQ",
        b"QFI\xfb",
        2,  # version
        0,  # backing file offset
        0,  # backing file name size
        _QCOW2_CLUSTER_BITS,
        size,
        0,  # no encryption
        l1_size,
        3 * cluster,  # L1 table offset
        1 * cluster,  # refcount table offset
        1,  # refcount table clusters
        0,  # snapshots
        0,  # snapshots offset
    )
    refcount_table = struct.pack(">Q", 2 * cluster)
    refcount_block = struct.pack(f">{total_clusters}H", *([1] * total_clusters))
    image = bytearray(total_clusters * cluster)
    image[: len(header)] = header
    image[cluster : cluster + len(refcount_table)] = refcount_table
    image[2 * cluster : 2 * cluster + len(refcount_block)] = refcount_block
    return bytes(image)


def vmdk(size: int, name: str = "disk.vmdk") -> bytes:
    """A monolithic sparse VMDK (``KDMV``) of ``size`` bytes, no grain allocated.

    Grain directory entries of zero mean "no grain table": every read is zeros.
    """
    capacity = _ceil_div(size, SECTOR)
    grain_tables = max(1, _ceil_div(capacity, _VMDK_GRAIN_SECTORS * _VMDK_GTES_PER_GT))
    descriptor_offset, descriptor_sectors = 1, 20
    gd_sectors = _ceil_div(grain_tables * 4, SECTOR)
    rgd_offset = descriptor_offset + descriptor_sectors
    gd_offset = rgd_offset + gd_sectors
    overhead = _ceil_div(gd_offset + gd_sectors, _VMDK_GRAIN_SECTORS) * _VMDK_GRAIN_SECTORS
    header = struct.pack(
        "<4sIIQQQQIQQQBccccH",
        b"KDMV",
        1,  # version
        3,  # flags: valid newline test, redundant grain table
        capacity,
        _VMDK_GRAIN_SECTORS,
        descriptor_offset,
        descriptor_sectors,
        _VMDK_GTES_PER_GT,
        rgd_offset,
        gd_offset,
        overhead,
        0,  # clean shutdown
        b"\n",
        b" ",
        b"\r",
        b"\n",
        0,  # no compression
    )
    cid = uuid.uuid4().int & 0xFFFFFFFF
    descriptor = (
        "# Disk DescriptorFile\nversion=1\n"
        f'CID={cid:08x}\nparentCID=ffffffff\ncreateType="monolithicSparse"\n\n'
        f'# Extent description\nRW {capacity} SPARSE "{name}"\n\n'
        '# The Disk Data Base\n#DDB\n\nddb.virtualHWVersion = "4"\nddb.adapterType = "ide"\n'
    ).encode()
    image = bytearray(overhead * SECTOR)
    image[: len(header)] = header
    start = descriptor_offset * SECTOR
    image[start : start + len(descriptor)] = descriptor
    return bytes(image)


def vdi(size: int) -> bytes:
    """A dynamic VirtualBox VDI of ``size`` bytes with every block free."""
    blocks = max(1, _ceil_div(size, _VDI_BLOCK))
    offset_blocks = SECTOR
    offset_data = _ceil_div(offset_blocks + blocks * 4, SECTOR) * SECTOR
    pre_header = b"<<< Oracle VM VirtualBox Disk Image >>>\n".ljust(64, b"\0")
    header = pre_header + struct.pack("<II", 0xBEDA107F, 0x00010001)
    header += struct.pack(
        "<III256sIIIIIIIQIIII16s16s16s16sIIII",
        0x190,  # size of the header that follows
        1,  # dynamic image
        0,  # flags
        b"",  # comment
        offset_blocks,
        offset_data,
        0, 0, 0, SECTOR,  # legacy geometry (unused)
        0,
        size,
        _VDI_BLOCK,
        0,  # extra bytes per block
        blocks,
        0,  # allocated blocks
        uuid.uuid4().bytes_le,
        uuid.uuid4().bytes_le,
        b"\0" * 16,
        b"\0" * 16,
        0, 0, 0, SECTOR,  # LCHS geometry
    )  # fmt: skip
    image = bytearray(offset_data)
    image[: len(header)] = header
    image[offset_blocks : offset_blocks + blocks * 4] = struct.pack(
        f"<{blocks}I", *([_VDI_BLOCK_FREE] * blocks)
    )
    return bytes(image)


def raw(size: int) -> bytes:
    """The first MiB (at most ``size`` bytes) of an all-zero raw disk."""
    return bytes(min(size, RAW_PREFIX_BYTES))


def disk_image(disk_format: str, size: int, name: str = "disk") -> bytes:
    """An empty image of ``size`` bytes in ``disk_format`` (one of ``FORMATS``)."""
    if disk_format == "qcow2":
        return qcow2(size)
    if disk_format == "vmdk":
        return vmdk(size, f"{name}.vmdk")
    if disk_format == "vdi":
        return vdi(size)
    if disk_format == "raw":
        return raw(size)
    raise ValueError(f"unknown disk image format: {disk_format}")
