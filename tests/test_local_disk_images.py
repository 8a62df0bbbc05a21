"""The empty disk images exports write: headers that record the volume size."""

from __future__ import annotations

import struct

import pytest

from osc_boto_ext.local import disk_images

GIB = 1 << 30


@pytest.mark.parametrize("size", [1 * GIB, 10 * GIB, 5 << 40])
def test_qcow2_header_and_tables(size):
    image = disk_images.qcow2(size)
    magic, version = struct.unpack(">4sI", image[:8])
    cluster_bits, virtual_size = struct.unpack(">IQ", image[20:32])
    l1_size, l1_offset, refcount_offset = struct.unpack(">IQQ", image[36:56])
    assert (magic, version, virtual_size) == (b"QFI\xfb", 2, size)
    cluster = 1 << cluster_bits
    assert l1_size * (cluster // 8) * cluster >= size
    assert len(image) % cluster == 0 and len(image) >= l1_offset + l1_size * 8
    refcount_block = struct.unpack(">Q", image[refcount_offset : refcount_offset + 8])[0]
    clusters = len(image) // cluster
    assert (
        struct.unpack(f">{clusters}H", image[refcount_block : refcount_block + 2 * clusters])
        == (1,) * clusters
    )


def test_vmdk_header_and_descriptor():
    image = disk_images.vmdk(10 * GIB, "snap-export-1.vmdk")
    magic, version, _, capacity, grain = struct.unpack("<4sIIQQ", image[:28])
    assert (magic, version, capacity * 512, grain) == (b"KDMV", 1, 10 * GIB, 128)
    assert f'RW {10 * GIB // 512} SPARSE "snap-export-1.vmdk"'.encode() in image[512:]


def test_vdi_header_and_block_map():
    image = disk_images.vdi(3 * GIB)
    assert struct.unpack("<II", image[64:72]) == (0xBEDA107F, 0x00010001)
    offset_blocks = struct.unpack("<I", image[340:344])[0]
    disk_size, block_size, _, blocks = struct.unpack("<QIII", image[368:388])
    assert (disk_size, block_size, blocks) == (3 * GIB, 1 << 20, 3 * 1024)
    assert image[offset_blocks : offset_blocks + 4 * blocks] == b"\xff" * 4 * blocks


def test_raw_is_a_zero_prefix():
    assert disk_images.raw(10 * GIB) == bytes(disk_images.RAW_PREFIX_BYTES)
    assert disk_images.raw(4096) == bytes(4096)


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="iso"):
        disk_images.disk_image("iso", GIB)
