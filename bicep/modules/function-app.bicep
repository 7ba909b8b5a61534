metadata description = 'Flex Consumption function app (dotnet-isolated 10.0) with a system-assigned identity, identity-based host storage, VNet integration carrying all outbound traffic, Key Vault references for secrets, and a private endpoint for inbound traffic.'

@description('Required. Name of the function app (also its default host name prefix).')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Azure region.')
param location string

@description('Required. Tags applied to every resource; azd finds the app by its azd-service-name tag.')
param tags object

@description('Required. Most instances the app may scale out to (Flex: 40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Required. Memory of each instance in MB; CPU scales with it.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Required. Name of the storage account used for the host, durable state and deployment package.')
param storageAccountName string

@description('Required. Primary blob endpoint of that account, ending with a slash.')
param blobEndpoint string

@description('Required. Primary queue endpoint of that account, ending with a slash.')
param queueEndpoint string

@description('Required. Primary table endpoint of that account, ending with a slash.')
param tableEndpoint string

@description('Required. Blob container that holds the Flex deployment package.')
param deploymentContainerName string

@description('Required. Resource id of the subnet delegated to Microsoft.App/environments.')
param appSubnetId string

@description('Required. Resource id of the private-endpoint subnet.')
param privateEndpointSubnetId string

@description('Required. Private DNS zone ids keyed by short name, from the network module.')
param dnsZoneIds object

@description('Required. Application Insights connection string.')
param appInsightsConnectionString string

@description('Required. Vault URI (ending with a slash) the Key Vault references point at.')
param keyVaultUri string

@description('Required. Names of the Key Vault secrets the app reads through Key Vault references.')
param secretNames {
  @description('Required. Secret holding the Teams Workflows webhook URL.')
  teamsWebhookUrl: string

  @description('Required. Secret holding the key that signs approval links.')
  approvalLinkSigningKey: string

  @description('Required. Secret holding the key used to pseudonymize identifiers in audit and telemetry.')
  pseudonymizationKey: string
}

@description('Required. Endpoint of the Document Intelligence account.')
param documentIntelligenceEndpoint string

@description('Required. Endpoint of the Azure OpenAI account.')
param openAiEndpoint string

@description('Required. Azure OpenAI deployment used for classification, extraction and summaries.')
param chatDeploymentName string

@description('Required. Azure OpenAI deployment used for dictation transcription; empty when none is deployed.')
param transcriptionDeploymentName string

@description('Required. Logs ingestion endpoint of the audit data collection endpoint.')
param auditIngestionEndpoint string

@description('Required. Immutable id of the audit data collection rule.')
param auditDataCollectionRuleImmutableId string

@description('Required. Resource id of the Log Analytics workspace that receives diagnostics.')
param workspaceId string

// Key Vault references resolve with the system-assigned identity over the VNet (all outbound traffic is routed).
var secretReference = reduce(
  items(secretNames),
  {},
  (acc, secret) => union(acc, { '${secret.key}': '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secret.value})' })
)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    // Inbound design (see docs/deploy.md): Event Grid cannot deliver webhooks to a private endpoint, so the public
    // endpoint stays reachable for the AzureEventGrid service tag only; every other caller is denied and must come
    // through the private endpoint. The SCM (deployment) site denies all public traffic.
    publicNetworkAccess: 'Enabled'
    virtualNetworkSubnetId: appSubnetId
    outboundVnetRouting: {
      allTraffic: true
    }
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      ipSecurityRestrictionsDefaultAction: 'Deny'
      ipSecurityRestrictions: [
        {
          name: 'event-grid-webhooks'
          description: 'Blob-created events for the Event Grid blob trigger; the call still needs the blobs_extension key.'
          action: 'Allow'
          priority: 100
          tag: 'ServiceTag'
          ipAddress: 'AzureEventGrid'
        }
      ]
      scmIpSecurityRestrictionsUseMain: false
      scmIpSecurityRestrictionsDefaultAction: 'Deny'
      scmIpSecurityRestrictions: []
      cors: {
        allowedOrigins: []
      }
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: blobEndpoint }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: queueEndpoint }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: tableEndpoint }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
        { name: 'AzureAi__DocumentIntelligence__Endpoint', value: documentIntelligenceEndpoint }
        { name: 'AzureAi__OpenAi__Endpoint', value: openAiEndpoint }
        { name: 'AzureAi__OpenAi__ChatDeployment', value: chatDeploymentName }
        { name: 'AzureAi__OpenAi__TranscriptionDeployment', value: transcriptionDeploymentName }
        { name: 'Audit__IngestionEndpoint', value: auditIngestionEndpoint }
        { name: 'Audit__DataCollectionRuleImmutableId', value: auditDataCollectionRuleImmutableId }
        { name: 'Teams__WebhookUrl', value: secretReference.teamsWebhookUrl }
        { name: 'Approvals__LinkSigningKey', value: secretReference.approvalLinkSigningKey }
        { name: 'Phi__PseudonymizationKey', value: secretReference.pseudonymizationKey }
      ]
    }
  }
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

module endpoint 'private-endpoint.bicep' = {
  name: 'pe-${name}'
  params: {
    name: 'pe-${name}'
    location: location
    tags: tags
    subnetId: privateEndpointSubnetId
    targetResourceId: site.id
    groupId: 'sites'
    dnsZoneIds: [dnsZoneIds.sites]
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
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

@description('Resource id of the function app.')
output id string = site.id

@description('Name of the function app.')
output name string = site.name

@description('Default host name of the function app.')
output defaultHostName string = site.properties.defaultHostName

@description('Object id of the app\'s system-assigned identity.')
output principalId string = site.identity.principalId
