metadata description = 'One private Azure AI services account (Document Intelligence or Azure OpenAI) with Entra-only auth, optional model deployments, a private endpoint and diagnostics.'

import { openAiDeployment } from '../types.bicep'

@description('Required. Name of the account; also its custom subdomain.')
param name string

@description('Required. Azure region.')
param location string

@description('Required. Tags applied to every resource.')
param tags object

@description('Required. Kind of account.')
@allowed([
  'FormRecognizer'
  'OpenAI'
])
param kind string

@description('Required. Pricing tier, for example S0.')
param skuName string

@description('Optional. Model deployments; only meaningful for kind OpenAI.')
param deployments openAiDeployment[] = []

@description('Required. Resource id of the private-endpoint subnet.')
param privateEndpointSubnetId string

@description('Required. Private DNS zone resource ids the endpoint registers in.')
param dnsZoneIds string[]

@description('Required. Resource id of the Log Analytics workspace that receives diagnostics.')
param workspaceId string

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: kind
  sku: {
    name: skuName
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
    restrictOutboundNetworkAccess: true
    allowedFqdnList: []
    networkAcls: {
      defaultAction: 'Deny'
    }
  }
}

// Deployments are created one at a time: the service rejects parallel deployment changes on one account.
@batchSize(1)
resource modelDeployments 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [
  for deployment in deployments: {
    parent: account
    name: deployment.name
    sku: {
      name: deployment.sku
      capacity: deployment.capacity
    }
    properties: {
      model: {
        format: 'OpenAI'
        name: deployment.model
        version: deployment.version
      }
      versionUpgradeOption: 'NoAutoUpgrade'
    }
  }
]

module endpoint 'private-endpoint.bicep' = {
  name: 'pe-${name}'
  params: {
    name: 'pe-${name}'
    location: location
    tags: tags
    subnetId: privateEndpointSubnetId
    targetResourceId: account.id
    groupId: 'account'
    dnsZoneIds: dnsZoneIds
  }
}

// RequestResponse and Audit logs carry call metadata (operation, status, duration, caller), never prompt or
// document content, so allLogs adds no PHI while keeping throttling and access investigations possible.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: account
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
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Resource id of the account.')
output id string = account.id

@description('Name of the account.')
output name string = account.name

@description('Endpoint of the account (its custom subdomain).')
output endpoint string = account.properties.endpoint
