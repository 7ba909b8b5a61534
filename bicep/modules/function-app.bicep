metadata description = 'Flex Consumption function app (dotnet-isolated 10.0) with a system-assigned identity, identity-based host storage, VNet integration carrying all outbound traffic, Key Vault references for secrets, and a private endpoint for inbound traffic.'

import { auditRetentionByWorkflow } from '../types.bicep'

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

@description('Required. Blob container of the durable audit outbox (events wait there until Logs Ingestion accepts them).')
param auditOutboxContainerName string

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

@description('Required. Key Vault secret name of each app setting that holds a secret (setting name to secret name): Phi__PseudonymKey, Approvals__LinkSigningKey and one Approvals__TeamsWebhooks__<group> per approver group.')
param secretNames object

@description('Required. App roles that may decide each approval kind (Approvals:DeciderRoles).')
param deciderRoles object

@description('Required. Client id of the Entra app registration staff sign in with; empty leaves App Service authentication off.')
param staffSignInClientId string

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

@description('Required. Retention of each workflow audit table; the app applies the same policy (Audit:Retention).')
param auditRetention auditRetentionByWorkflow

@description('Required. Resource id of the Log Analytics workspace that receives diagnostics.')
param workspaceId string

// Every name below is read by the app exactly as written (Section__Key is the environment-variable form of the
// configuration key Section:Key); tests/HipaaAi.Bicep.Tests checks them against the code.
var productSettings = [
  // ProductServiceCollectionExtensions: Azure AI engines and the Logs Ingestion audit sink instead of the local ones.
  { name: 'Engines__Mode', value: 'Azure' }
  { name: 'Audit__Sink', value: 'LogsIngestion' }
  // WorkflowServiceCollectionExtensions: the actor written into audit events for the app's own steps.
  { name: 'ServiceIdentity', value: name }
  // StorageNames.Connection: the blob triggers and StorageClients both use this identity-based connection.
  { name: 'IntakeStorage__blobServiceUri', value: blobEndpoint }
  { name: 'IntakeStorage__queueServiceUri', value: queueEndpoint }
  { name: 'IntakeStorage__tableServiceUri', value: tableEndpoint }
  { name: 'IntakeStorage__credential', value: 'managedidentity' }
  // AzureAiOptions (section AzureAi).
  { name: 'AzureAi__DocumentIntelligenceEndpoint', value: documentIntelligenceEndpoint }
  { name: 'AzureAi__OpenAiEndpoint', value: openAiEndpoint }
  { name: 'AzureAi__ChatDeployment', value: chatDeploymentName }
  { name: 'AzureAi__TranscriptionDeployment', value: transcriptionDeploymentName }
  // LogsIngestionOptions and AuditOutboxOptions (sections Audit:LogsIngestion and Audit:Outbox).
  { name: 'Audit__LogsIngestion__Endpoint', value: auditIngestionEndpoint }
  { name: 'Audit__LogsIngestion__DataCollectionRuleId', value: auditDataCollectionRuleImmutableId }
  { name: 'Audit__Outbox__BlobContainerUri', value: '${blobEndpoint}${auditOutboxContainerName}' }
]

// ApprovalOptions (section Approvals): cards go to Teams; their links point at the app's own host name, which the
// private DNS zone resolves to the private endpoint inside the network. Staff identities are trusted only when App
// Service authentication is on, because only then does the platform strip and set the principal header.
var approvalSettings = concat([
  { name: 'Approvals__Channel', value: 'Teams' }
  { name: 'Approvals__DecisionBaseUrl', value: 'https://${name}.azurewebsites.net/api/approvals' }
  { name: 'Approvals__TrustAppServicePrincipal', value: string(!empty(staffSignInClientId)) }
], flatten(map(items(deciderRoles), kind => map(range(0, length(kind.value)), index => {
  name: 'Approvals__DeciderRoles__${kind.key}__${index}'
  value: kind.value[index]
}))))

// AuditRetentionOptions (section Audit:Retention): the same days as the workflow's table, so the app's policy and the
// workspace agree.
var retentionSettings = flatten(map(items(auditRetention), workflow => [
  { name: 'Audit__Retention__${workflow.key}__InteractiveDays', value: string(workflow.value.retentionInDays) }
  { name: 'Audit__Retention__${workflow.key}__TotalDays', value: string(workflow.value.totalRetentionInDays) }
]))

// Key Vault references resolve with the system-assigned identity over the VNet (all outbound traffic is routed).
// The app stops at start-up while any of them is unresolved (KeyVaultReferenceGuard), so every secret must exist.
var secretReferenceSettings = map(items(secretNames), secret => {
  name: secret.key
  value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secret.value})'
})

var hostSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: blobEndpoint }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: queueEndpoint }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: tableEndpoint }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD' }
]

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
      appSettings: concat(hostSettings, productSettings, approvalSettings, retentionSettings, secretReferenceSettings)
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

// Staff sign in with Entra ID when a client id is given. Anonymous requests still reach the app, because Event Grid
// deliveries and signed approval links carry their own proof; the decision endpoint and the record viewer check the
// signed-in principal and its app roles themselves.
resource staffSignIn 'Microsoft.Web/sites/config@2024-11-01' = if (!empty(staffSignInClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: staffSignInClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${staffSignInClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
    httpSettings: {
      requireHttps: true
    }
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
