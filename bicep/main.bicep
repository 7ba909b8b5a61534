metadata description = 'HipaaAi.Functions: the whole private environment in one resource group - network, storage, Flex Consumption function app, Key Vault, Document Intelligence, Azure OpenAI and the locked audit workspace.'

targetScope = 'resourceGroup'

import { auditRetentionByWorkflow, customerManagedKeyConfig, openAiDeployment } from 'types.bicep'

// ---------------------------------------------------------------- general

@description('Required. Short environment name (for example dev or prod); part of every resource name.')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Optional. Azure region of the resources; defaults to the resource group region.')
param location string = resourceGroup().location

@description('Optional. Region of the Azure AI accounts, where the models are offered; defaults to location.')
param aiLocation string = location

@description('Optional. Extra tags merged into every resource.')
param tags object = {}

// ---------------------------------------------------------------- approvals

@description('Required. Teams approver groups (letters and digits); each posts to the Workflows webhook URL kept in the vault secret teams-webhook-<group in lower case>.')
param approverGroups string[]

@description('Required. App roles that may decide each approval kind (Approvals:DeciderRoles), e.g. { RecordReview: [ \'RecordsReviewer\' ] }.')
param deciderRoles object

@description('Optional. Client id of the Entra app registration staff sign in with (App Service authentication); empty leaves sign-in off, so decisions come only through signed links and records cannot be opened.')
param staffSignInClientId string = ''

// ---------------------------------------------------------------- network

@description('Optional. Address space of the virtual network.')
param vnetAddressPrefix string = '10.40.0.0/22'

@description('Optional. Subnet delegated to Flex Consumption VNet integration (/27 or larger; instances use its IPs).')
param appSubnetPrefix string = '10.40.0.0/24'

@description('Optional. Subnet for private endpoints.')
param privateEndpointSubnetPrefix string = '10.40.1.0/26'

// ---------------------------------------------------------------- storage

@description('Optional. Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('Optional. Days deleted blobs and containers stay recoverable.')
@minValue(1)
@maxValue(365)
param storageDeleteRetentionDays int = 30

@description('Optional. Customer-managed key for the storage account; null keeps Microsoft-managed keys.')
param storageCustomerManagedKey customerManagedKeyConfig?

// ---------------------------------------------------------------- function app

@description('Optional. Most Flex Consumption instances the app may scale out to (40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Memory per Flex Consumption instance in MB; CPU grows with memory.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Create the BlobCreated subscriptions; set false for the very first deployment, before the code is published (see docs/deploy.md).')
param intakeEventSubscriptionEnabled bool = true

// ---------------------------------------------------------------- key vault

@description('Optional. Days a deleted vault or secret stays recoverable (purge protection is always on).')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

// ---------------------------------------------------------------- AI

@description('Optional. Pricing tier of the Document Intelligence account.')
param documentIntelligenceSkuName string = 'S0'

@description('Optional. Pricing tier of the Azure OpenAI account.')
param openAiSkuName string = 'S0'

@description('Required. Azure OpenAI model deployments (name, model, version, sku, capacity).')
param openAiDeployments openAiDeployment[]

@description('Required. Deployment the app uses for classification, extraction and summaries; must be in openAiDeployments.')
param chatDeploymentName string

@description('Optional. Deployment the app uses to transcribe dictation; empty when none is deployed.')
param transcriptionDeploymentName string = ''

// ---------------------------------------------------------------- audit and monitoring

@description('Optional. Interactive retention of the workspace default tables (platform logs and telemetry), in days.')
@minValue(30)
@maxValue(730)
param workspaceRetentionInDays int = 90

@description('Required. Interactive and total retention of each workflow audit table.')
param auditRetention auditRetentionByWorkflow

// ---------------------------------------------------------------- names

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var baseName = 'hipaaai-${environmentName}'
var allTags = union(tags, {
  'azd-env-name': environmentName
  workload: 'hipaa-ai'
  dataClassification: 'phi'
})

// Each inbox has its own Event Grid blob-triggered function (RecordsIntakeFunctions: the container is
// StorageNames.FaxInbox / ScanInbox, the function name FaxInboxTrigger / ScanInboxTrigger; BillingReviewFunctions:
// StorageNames.ClaimsInbox, ClaimsInboxTrigger).
var recordsInboxes = [
  {
    container: 'inbox-fax'
    functionName: 'RecordsIntakeFaxInbox'
  }
  {
    container: 'inbox-scan'
    functionName: 'RecordsIntakeScanInbox'
  }
  {
    container: 'inbox-claims'
    functionName: 'BillingReviewClaimsInbox'
  }
]
// The dictation inbox (DictationFunctions.InboxTrigger on StorageNames.DictationInbox) is delivered the same way.
var dictationInboxes = [
  {
    container: 'inbox-dictation'
    functionName: 'DictationInbox'
  }
]
var blobInboxes = concat(recordsInboxes, dictationInboxes)
var deploymentContainerName = 'app-package'
var auditOutboxContainerName = 'audit-outbox'

// StorageNames.AllContainers, plus the audit outbox (Audit:Outbox:BlobContainerUri) and the Flex deployment package.
// No container is created for a workflow the code does not serve yet: PHI dropped there would wait unprocessed.
var containerNames = concat(map(blobInboxes, inbox => inbox.container), [
  'work'
  'records'
  'quarantine'
  'outbox'
  auditOutboxContainerName
  deploymentContainerName
])

// The staff queues are the ones the routing rules name; the file ships with the app and is read here unchanged.
// Billing review adds its input queue and the queue released claims are announced on (BillingQueues).
var routing = loadJsonContent('../shared/HipaaAi.Shared/Understanding/Config/routing.json')
var queueNames = union(map(items(routing.queues), queue => queue.value), [
  routing.defaultQueue
  routing.reviewQueue
  // Prior authorization: requests in (queue trigger), cases that need staff out.
  'prior-auth-requests'
  'prior-auth-staff'
  'billing-claims'
  'billing-released'
])

// Only the names live here; ops store the values in the vault, never in a template or its deployment history.
// The keys are the app settings that reference them.
var secretNames = union({
  Phi__PseudonymKey: 'phi-pseudonym-key'
  Approvals__LinkSigningKey: 'approval-link-signing-key'
}, toObject(approverGroups, group => 'Approvals__TeamsWebhooks__${group}', group => 'teams-webhook-${toLower(group)}'))

var names = {
  workspace: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  dataCollectionRule: 'dcr-${baseName}-audit'
  storageAccount: take('st${replace(environmentName, '-', '')}${token}', 24)
  keyVault: take('kv-${environmentName}-${token}', 24)
  documentIntelligence: 'di-${baseName}-${token}'
  openAi: 'oai-${baseName}-${token}'
  functionApp: 'func-${baseName}-${token}'
}

// ---------------------------------------------------------------- resources

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    dataCollectionEndpointName: 'dce-${baseName}'
    dataCollectionRuleName: names.dataCollectionRule
    privateLinkScopeName: 'ampls-${baseName}'
    location: location
    tags: allTags
    workspaceRetentionInDays: workspaceRetentionInDays
    auditRetention: auditRetention
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    dnsZoneIds: network.outputs.dnsZoneIds
  }
}

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    name: 'vnet-${baseName}'
    location: location
    tags: allTags
    addressPrefix: vnetAddressPrefix
    appSubnetPrefix: appSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
    // Built from the name so network and monitoring do not wait on each other in a cycle.
    workspaceId: resourceId('Microsoft.OperationalInsights/workspaces', names.workspace)
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storageAccount
    location: location
    tags: allTags
    containerNames: containerNames
    queueNames: queueNames
    customerManagedKey: storageCustomerManagedKey
    skuName: storageSkuName
    deleteRetentionDays: storageDeleteRetentionDays
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    dnsZoneIds: network.outputs.dnsZoneIds
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    dnsZoneIds: network.outputs.dnsZoneIds
    workspaceId: monitoring.outputs.workspaceId
  }
}

module documentIntelligence 'modules/cognitive-account.bicep' = {
  name: 'document-intelligence'
  params: {
    name: names.documentIntelligence
    location: aiLocation
    tags: allTags
    kind: 'FormRecognizer'
    skuName: documentIntelligenceSkuName
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    dnsZoneIds: [network.outputs.dnsZoneIds.cognitiveservices]
    workspaceId: monitoring.outputs.workspaceId
  }
}

module openAi 'modules/cognitive-account.bicep' = {
  name: 'openai'
  params: {
    name: names.openAi
    location: aiLocation
    tags: allTags
    kind: 'OpenAI'
    skuName: openAiSkuName
    deployments: openAiDeployments
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    dnsZoneIds: [network.outputs.dnsZoneIds.openai]
    workspaceId: monitoring.outputs.workspaceId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: names.functionApp
    planName: 'asp-${baseName}'
    location: location
    tags: union(allTags, { 'azd-service-name': 'functions' })
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    auditOutboxContainerName: auditOutboxContainerName
    appSubnetId: network.outputs.appSubnetId
    privateEndpointSubnetId: network.outputs.privateEndpointSubnetId
    dnsZoneIds: network.outputs.dnsZoneIds
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    keyVaultUri: keyVault.outputs.uri
    secretNames: secretNames
    deciderRoles: deciderRoles
    staffSignInClientId: staffSignInClientId
    documentIntelligenceEndpoint: documentIntelligence.outputs.endpoint
    openAiEndpoint: openAi.outputs.endpoint
    chatDeploymentName: chatDeploymentName
    transcriptionDeploymentName: transcriptionDeploymentName
    auditIngestionEndpoint: monitoring.outputs.dataCollectionEndpointUrl
    auditDataCollectionRuleImmutableId: monitoring.outputs.dataCollectionRuleImmutableId
    auditRetention: auditRetention
    workspaceId: monitoring.outputs.workspaceId
  }
}

// Names come from variables, not module outputs, so What-If can predict these resources. The function app output
// already orders these after every resource they scope to.
module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    #disable-next-line what-if-short-circuiting // The identity exists only once the site does; guid() names need it.
    principalId: functionApp.outputs.principalId
    storageAccountName: names.storageAccount
    keyVaultName: names.keyVault
    documentIntelligenceName: names.documentIntelligence
    openAiName: names.openAi
    dataCollectionRuleName: names.dataCollectionRule
    appInsightsName: names.appInsights
  }
}

module intakeEvents 'modules/intake-events.bicep' = {
  name: 'intake-events'
  params: {
    systemTopicName: 'evgt-${baseName}-storage'
    location: location
    tags: allTags
    storageAccountName: names.storageAccount
    functionAppName: names.functionApp
    inboxes: blobInboxes
    subscriptionEnabled: intakeEventSubscriptionEnabled
    workspaceId: monitoring.outputs.workspaceId
  }
  // The webhook validation handshake needs a running host, and the host needs its storage roles to start.
  dependsOn: [
    storage
    functionApp
    roleAssignments
  ]
}

// ---------------------------------------------------------------- outputs

@description('Name of the function app.')
output functionAppName string = functionApp.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('URI of the Key Vault that holds the app secrets.')
output keyVaultUri string = keyVault.outputs.uri

@description('Resource id of the audit Log Analytics workspace.')
output workspaceId string = monitoring.outputs.workspaceId

@description('Logs ingestion endpoint of the audit data collection endpoint.')
output auditIngestionEndpoint string = monitoring.outputs.dataCollectionEndpointUrl

@description('Immutable id of the audit data collection rule.')
output auditDataCollectionRuleImmutableId string = monitoring.outputs.dataCollectionRuleImmutableId

@description('azd: region of the environment.')
output AZURE_LOCATION string = location

@description('azd: tenant of the environment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('azd: name of the function app the functions service deploys to.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('azd: name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('azd: URI of the Key Vault.')
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
