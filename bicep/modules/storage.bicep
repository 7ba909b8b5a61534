metadata description = 'Private storage account for intake, work, records, queues, durable state and the Flex deployment package; identity-only access, private endpoints for blob, queue, table and file.'

import { customerManagedKeyConfig } from '../types.bicep'

@description('Required. Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region.')
param location string

@description('Required. Tags applied to every resource.')
param tags object

@description('Required. Blob containers to create.')
param containerNames string[]

@description('Required. Queues to create.')
param queueNames string[]

@description('Optional. Customer-managed key from Key Vault; null keeps Microsoft-managed keys (still AES-256 at rest).')
param customerManagedKey customerManagedKeyConfig?

@description('Required. Redundancy SKU of the account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param skuName string

@description('Required. Days deleted blobs and containers stay recoverable.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int

@description('Required. Resource id of the private-endpoint subnet.')
param privateEndpointSubnetId string

@description('Required. Private DNS zone ids keyed by short name, from the network module.')
param dnsZoneIds object

@description('Required. Resource id of the Log Analytics workspace that receives diagnostics.')
param workspaceId string

var endpointServices = [
  'blob'
  'queue'
  'table'
  'file'
]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  identity: customerManagedKey == null
    ? null
    : {
        type: 'UserAssigned'
        userAssignedIdentities: {
          '${customerManagedKey!.userAssignedIdentityId}': {}
        }
      }
  properties: {
    accessTier: 'Hot'
    publicNetworkAccess: 'Disabled'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'None'
    }
    encryption: {
      keySource: customerManagedKey == null ? 'Microsoft.Storage' : 'Microsoft.Keyvault'
      requireInfrastructureEncryption: true
      keyvaultproperties: customerManagedKey == null
        ? null
        : {
            keyvaulturi: customerManagedKey!.keyVaultUri
            keyname: customerManagedKey!.keyName
          }
      identity: customerManagedKey == null
        ? null
        : {
            userAssignedIdentity: customerManagedKey!.userAssignedIdentityId
          }
      services: {
        blob: {
          enabled: true
          keyType: 'Account'
        }
        file: {
          enabled: true
          keyType: 'Account'
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: deleteRetentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2024-01-01' = {
  parent: account
  name: 'default'
}

module endpoints 'private-endpoint.bicep' = [
  for service in endpointServices: {
    name: 'pe-${name}-${service}'
    params: {
      name: 'pe-${name}-${service}'
      location: location
      tags: tags
      subnetId: privateEndpointSubnetId
      targetResourceId: account.id
      groupId: service
      dnsZoneIds: [dnsZoneIds[service]]
    }
  }
]

// The account itself only emits metrics; request logs come from each service below.
resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: account
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: queueService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: tableService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

resource fileDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: fileService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

@description('Resource id of the storage account.')
output id string = account.id

@description('Name of the storage account.')
output name string = account.name

@description('Primary blob endpoint, ending with a slash.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('Primary queue endpoint, ending with a slash.')
output queueEndpoint string = account.properties.primaryEndpoints.queue

@description('Primary table endpoint, ending with a slash.')
output tableEndpoint string = account.properties.primaryEndpoints.table
