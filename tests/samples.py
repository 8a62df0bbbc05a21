"""FCU response bodies shared by the tests: the reference's samples (fcu-api.md §3).

Identifiers are the reference's invented ones; namespaces vary as they do in
the sources (botocore ignores them).
"""

CREATE_SNAPSHOT_EXPORT_TASK = b"""<CreateSnapshotExportTaskResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>5f0b3c7e-9a41-4c2e-8a0d-1f6e2b9c4d10</requestId>
  <snapshotExportTask>
    <snapshotExportTaskId>snap-export-7c1d2e3f</snapshotExportTaskId>
    <state>pending</state>
    <completion>0</completion>
    <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
    <exportToOsu>
      <diskImageFormat>qcow2</diskImageFormat>
      <osuBucket>nightly-backups</osuBucket>
      <osuPrefix>db01/</osuPrefix>
    </exportToOsu>
  </snapshotExportTask>
</CreateSnapshotExportTaskResponse>"""

DESCRIBE_SNAPSHOT_EXPORT_TASKS = b"""<DescribeSnapshotExportTasksResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>0c9e7d51-2b1a-4f3e-9d8c-77aa01b2c3d4</requestId>
  <snapshotExportTaskSet>
    <item>
      <snapshotExportTaskId>snap-export-7c1d2e3f</snapshotExportTaskId>
      <state>completed</state>
      <completion>100</completion>
      <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
      <exportToOsu>
        <diskImageFormat>qcow2</diskImageFormat>
        <osuBucket>nightly-backups</osuBucket>
        <osuPrefix>db01/</osuPrefix>
      </exportToOsu>
    </item>
    <item>
      <snapshotExportTaskId>snap-export-0b1c2d3e</snapshotExportTaskId>
      <state>failed</state>
      <statusMessage>Error accessing bucket nightly-backups: denied</statusMessage>
      <completion>0</completion>
      <snapshotExport><snapshotId>snap-4a5b6c7d</snapshotId></snapshotExport>
      <exportToOsu>
        <diskImageFormat>raw</diskImageFormat>
        <osuBucket>nightly-backups</osuBucket>
      </exportToOsu>
    </item>
  </snapshotExportTaskSet>
</DescribeSnapshotExportTasksResponse>"""

DESCRIBE_INSTANCE_TYPES = b"""<DescribeInstanceTypesResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>6a1f0e2d-3c4b-4a59-8e7f-90ab12cd34ef</requestId>
  <instanceTypeSet>
    <item>
      <name>m3.large</name><vcpu>2</vcpu><memory>8050966528</memory>
      <storageSize>34359738368</storageSize><storageCount>1</storageCount>
      <maxIpAddresses>10</maxIpAddresses><ebsOptimizedAvailable>false</ebsOptimizedAvailable>
    </item>
    <item>
      <name>oc2.8xlarge</name><vcpu>15</vcpu><memory>68718428160</memory>
      <maxIpAddresses>30</maxIpAddresses><ebsOptimizedAvailable>true</ebsOptimizedAvailable>
    </item>
  </instanceTypeSet>
</DescribeInstanceTypesResponse>"""

DESCRIBE_PRODUCT_TYPES = b"""<DescribeProductTypesResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>8b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b</requestId>
  <productTypeSet>
    <item><productTypeId>0001</productTypeId><description>Linux/UNIX</description></item>
    <item><productTypeId>0002</productTypeId><description>Windows</description></item>
  </productTypeSet>
</DescribeProductTypesResponse>"""

GET_PRODUCT_TYPE = b"""<GetProductTypeResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>1e2d3c4b-5a69-4788-97a6-b5c4d3e2f1a0</requestId>
  <productTypeId>0002</productTypeId>
  <description>Windows</description>
</GetProductTypeResponse>"""

GET_PRODUCT_TYPES = b"""<GetProductTypesResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>2f3e4d5c-6b7a-4899-a8b7-c6d5e4f3a2b1</requestId>
  <productTypeSet>
    <item><productTypeId>0001</productTypeId><description>Linux/UNIX</description></item>
  </productTypeSet>
</GetProductTypesResponse>"""

DESCRIBE_QUOTAS = b"""<DescribeQuotasResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>3a4b5c6d-7e8f-4901-b2c3-d4e5f6a7b8c9</requestId>
  <isTruncated>false</isTruncated>
  <referenceQuotaSet>
    <item>
      <reference>global</reference>
      <quotaSet>
        <item>
          <ownerId>123456789012</ownerId><name>vm_limit</name><displayName>VM Limit</displayName>
          <description>Maximum number of VM this user can own</description><groupName>Compute</groupName>
          <maxQuotaValue>20</maxQuotaValue><usedQuotaValue>1</usedQuotaValue>
        </item>
      </quotaSet>
    </item>
  </referenceQuotaSet>
</DescribeQuotasResponse>"""

CREATE_IMAGE_EXPORT_TASK = b"""<CreateImageExportTaskResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>4b5c6d7e-8f90-4a12-b3c4-d5e6f7a8b9c0</requestId>
  <imageExportTask>
    <imageExportTaskId>image-export-1f2e3d4c</imageExportTaskId>
    <state>pending</state>
    <completion>0</completion>
    <imageExport><imageId>ami-5e6f7a8b</imageId></imageExport>
    <exportToOsu><diskImageFormat>qcow2</diskImageFormat><osuBucket>omi-exports</osuBucket>
      <osuPrefix>web/</osuPrefix></exportToOsu>
  </imageExportTask>
</CreateImageExportTaskResponse>"""

DESCRIBE_IMAGE_EXPORT_TASKS = b"""<DescribeImageExportTasksResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>5c6d7e8f-9012-4b34-c5d6-e7f8a9b0c1d2</requestId>
  <imageExportTaskSet>
    <item>
      <imageExportTaskId>image-export-1f2e3d4c</imageExportTaskId>
      <state>completed</state>
      <completion>100</completion>
      <imageExport><imageId>ami-5e6f7a8b</imageId></imageExport>
      <exportToOsu>
        <diskImageFormat>qcow2</diskImageFormat><osuBucket>omi-exports</osuBucket><osuPrefix>web/</osuPrefix>
        <osuManifestUrl>https://osu.example.invalid/omi-exports/web/manifest</osuManifestUrl>
      </exportToOsu>
    </item>
  </imageExportTaskSet>
</DescribeImageExportTasksResponse>"""

MODIFY_INSTANCE_KEYPAIR = b"""<ModifyInstanceKeypairResponse xmlns="http://api.outscale.com/wsdl/fcuext/2014-04-15/">
  <requestId>6d7e8f90-1234-4c56-d7e8-f9a0b1c2d3e4</requestId>
  <return>true</return>
</ModifyInstanceKeypairResponse>"""

READ_PUBLIC_IP_RANGES = b"""<ReadPublicIpRangesResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>7e8f9012-3456-4d78-e9f0-a1b2c3d4e5f6</requestId>
  <publicIpSet><item>198.51.100.0/24</item><item>203.0.113.0/25</item></publicIpSet>
</ReadPublicIpRangesResponse>"""

IMPORT_SNAPSHOT = b"""<ImportSnapshotResponse xmlns="http://ec2.amazonaws.com/doc/2016-09-15/">
  <requestId>0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e</requestId>
  <snapshotId>snap-6f7a8b9c</snapshotId>
  <status>pending</status>
  <startTime>2026-01-02T03:04:05.000Z</startTime>
  <volumeSize>10</volumeSize>
</ImportSnapshotResponse>"""
