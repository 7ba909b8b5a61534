metadata description = 'Event Grid system topic on the storage account and, per inbox container, a subscription that delivers its BlobCreated events to the blob extension webhook of that inbox\'s function (the Event Grid blob trigger that Flex Consumption requires).'

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

@description('Required. Inbox containers and the blob-triggered function (Event Grid source) that handles each one.')
param inboxes {
  @description('Required. Blob container whose new blobs the function handles.')
  container: string

  @description('Required. Function name, as in [Function(...)]; the webhook addresses it as Host.Functions.<name>.')
  functionName: string
}[]

@description('Required. Create the subscriptions; false for the first deployment, before the function code (and so its blobs_extension key) exists.')
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
// The webhook names one function, so each inbox gets its own subscription.
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-11-01').systemKeys.blobs_extension

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [
  for inbox in inboxes: if (subscriptionEnabled) {
    parent: systemTopic
    name: '${inbox.container}-blob-created'
    properties: {
      destination: {
        endpointType: 'WebHook'
        properties: {
          endpointUrl: format(
            'https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}',
            functionApp.properties.defaultHostName,
            inbox.functionName,
            blobsExtensionKey
          )
          maxEventsPerBatch: 1
          preferredBatchSizeInKilobytes: 64
        }
      }
      eventDeliverySchema: 'EventGridSchema'
      filter: {
        includedEventTypes: [
          'Microsoft.Storage.BlobCreated'
        ]
        subjectBeginsWith: '/blobServices/default/containers/${inbox.container}/'
      }
      retryPolicy: {
        maxDeliveryAttempts: 30
        eventTimeToLiveInMinutes: 1440
      }
    }
  }
]

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
