"""Response bodies for the benchmarks, shaped like FCU's EC2-style XML.

They are generated rather than stored so any size can be asked for; the
content is deterministic so that every run parses the same bytes.
"""

from __future__ import annotations

NAMESPACE = "http://ec2.amazonaws.com/doc/2016-09-15/"
REQUEST_ID = "5f0b3c7e-9a41-4c2e-8a0d-1f6e2b9c4d10"


def describe_volumes(count: int = 5) -> bytes:
    items = "".join(
        f"<item><volumeId>vol-{n:08x}</volumeId><size>{10 + n}</size><snapshotId/>"
        f"<availabilityZone>eu-west-2a</availabilityZone><status>in-use</status>"
        f"<createTime>2026-01-0{1 + n % 9}T10:00:00.000Z</createTime>"
        f"<attachmentSet><item><volumeId>vol-{n:08x}</volumeId><instanceId>i-{n:08x}</instanceId>"
        f"<device>/dev/sda1</device><status>attached</status>"
        f"<attachTime>2026-01-01T10:00:00.000Z</attachTime><deleteOnTermination>true</deleteOnTermination>"
        f"</item></attachmentSet><volumeType>gp2</volumeType><iops>100</iops></item>"
        for n in range(count)
    )
    return (
        f'<DescribeVolumesResponse xmlns="{NAMESPACE}"><requestId>{REQUEST_ID}</requestId>'
        f"<volumeSet>{items}</volumeSet></DescribeVolumesResponse>"
    ).encode()


def _instance(n: int) -> str:
    """One instance as FCU returns it: identifiers, placement, network, disks, tags."""
    ip = f"10.0.{n // 250 % 250}.{n % 250 + 4}"
    return (
        f"<item><instanceId>i-{n:08x}</instanceId><imageId>ami-{n % 97:08x}</imageId>"
        f"<instanceState><code>16</code><name>running</name></instanceState>"
        f"<privateDnsName>ip-{ip.replace('.', '-')}.eu-west-2.compute.internal</privateDnsName>"
        f"<dnsName/><reason/><keyName>deployer</keyName><amiLaunchIndex>0</amiLaunchIndex>"
        f"<productCodes/><instanceType>m4.large</instanceType>"
        f"<launchTime>2026-01-01T10:{n % 60:02d}:00.000Z</launchTime>"
        f"<placement><availabilityZone>eu-west-2a</availabilityZone><groupName/><tenancy>default</tenancy>"
        f"</placement><kernelId/><monitoring><state>disabled</state></monitoring>"
        f"<subnetId>subnet-{n % 7:08x}</subnetId><vpcId>vpc-0000000a</vpcId>"
        f"<privateIpAddress>{ip}</privateIpAddress><sourceDestCheck>true</sourceDestCheck>"
        f"<groupSet><item><groupId>sg-{n % 5:08x}</groupId><groupName>web</groupName></item></groupSet>"
        f"<architecture>x86_64</architecture><rootDeviceType>ebs</rootDeviceType>"
        f"<rootDeviceName>/dev/sda1</rootDeviceName><blockDeviceMapping><item><deviceName>/dev/sda1</deviceName>"
        f"<ebs><volumeId>vol-{n:08x}</volumeId><status>attached</status>"
        f"<attachTime>2026-01-01T10:00:00.000Z</attachTime><deleteOnTermination>true</deleteOnTermination>"
        f"</ebs></item></blockDeviceMapping><virtualizationType>hvm</virtualizationType>"
        f"<clientToken/><tagSet><item><key>Name</key><value>node-{n}</value></item>"
        f"<item><key>team</key><value>platform</value></item></tagSet><hypervisor>xen</hypervisor>"
        f"<networkInterfaceSet><item><networkInterfaceId>eni-{n:08x}</networkInterfaceId>"
        f"<subnetId>subnet-{n % 7:08x}</subnetId><vpcId>vpc-0000000a</vpcId><description/>"
        f"<ownerId>123456789012</ownerId><status>in-use</status><macAddress>aa:bb:cc:00:{n // 256 % 256:02x}:"
        f"{n % 256:02x}</macAddress><privateIpAddress>{ip}</privateIpAddress>"
        f"<sourceDestCheck>true</sourceDestCheck><groupSet><item><groupId>sg-{n % 5:08x}</groupId>"
        f"<groupName>web</groupName></item></groupSet><attachment><attachmentId>eni-attach-{n:08x}"
        f"</attachmentId><deviceIndex>0</deviceIndex><status>attached</status>"
        f"<attachTime>2026-01-01T10:00:00.000Z</attachTime><deleteOnTermination>true</deleteOnTermination>"
        f"</attachment><privateIpAddressesSet><item><privateIpAddress>{ip}</privateIpAddress>"
        f"<primary>true</primary></item></privateIpAddressesSet></item></networkInterfaceSet>"
        f"<ebsOptimized>false</ebsOptimized></item>"
    )


def describe_instances(count: int, per_reservation: int = 10) -> bytes:
    """``count`` instances in reservations of ``per_reservation``."""
    reservations = []
    for start in range(0, count, per_reservation):
        instances = "".join(_instance(n) for n in range(start, min(count, start + per_reservation)))
        reservations.append(
            f"<item><reservationId>r-{start:08x}</reservationId><ownerId>123456789012</ownerId>"
            f"<groupSet/><instancesSet>{instances}</instancesSet></item>"
        )
    return (
        f'<DescribeInstancesResponse xmlns="{NAMESPACE}"><requestId>{REQUEST_ID}</requestId>'
        f"<reservationSet>{''.join(reservations)}</reservationSet></DescribeInstancesResponse>"
    ).encode()
