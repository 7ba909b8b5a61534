metadata description = 'Event Grid system topic on the storage account and a subscription that delivers BlobCreated events from the inbox containers to the function app blob extension webhook (the Event Grid blob trigger that Flex Consumption requires).'

@description('Required. Name of the Event Grid system topic.')
param systemTopicName string

@description('Required. Azure region (the storage account region).')
param location string

@description('Required. Tags applied to every resource.')
param tags object

@description('Required. Name of the storage account that raises the events.')
param storageAccountName string

@description('Required. Name of the function app that receives the events.')
param functionAppName string

@description('Required. Name of the blob-triggered function (Event Grid source) that handles new intake documents.')
param intakeFunctionName string

@description('Required. Inbox containers whose new blobs start the records intake.')
param inboxContainerNames string[]

@description('Required. Create the subscription; false for the first deployment, before the function code (and so its blobs_extension key) exists.')
param subscriptionEnabled bool

@description('Required. Resource id of the Log Analytics workspace that receives diagnostics.')
param workspaceId string

resource storageAccount 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// The blob extension's webhook, authorized by the host's blobs_extension system key (it exists once code is published).
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-11-01').systemKeys.blobs_extension
var webhookUrl = 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${intakeFunctionName}&code=${blobsExtensionKey}'

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (subscriptionEnabled) {
  parent: systemTopic
  name: 'intake-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      enableAdvancedFilteringOnArrays: true
      advancedFilters: [
        {
          operatorType: 'StringBeginsWith'
          key: 'subject'
          values: [for container in inboxContainerNames: '/blobServices/default/containers/${container}/']
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: systemTopic
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

@description('Resource id of the Event Grid system topic.')
output systemTopicId string = systemTopic.id
