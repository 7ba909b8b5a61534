metadata description = 'Locked Log Analytics workspace with one audit table per workflow (own retention), the data collection endpoint and rule the audit sink writes through, an Azure Monitor Private Link Scope with its private endpoint, and workspace-based Application Insights.'

import { auditRetentionByWorkflow } from '../types.bicep'

@description('Required. Name of the Log Analytics workspace.')
param workspaceName string

@description('Required. Name of the Application Insights component.')
param appInsightsName string

@description('Required. Name of the data collection endpoint.')
param dataCollectionEndpointName string

@description('Required. Name of the data collection rule for the audit streams.')
param dataCollectionRuleName string

@description('Required. Name of the Azure Monitor Private Link Scope.')
param privateLinkScopeName string

@description('Required. Azure region.')
param location string

@description('Required. Tags applied to every resource.')
param tags object

@description('Required. Interactive retention of the workspace default tables, in days.')
@minValue(30)
@maxValue(730)
param workspaceRetentionInDays int

@description('Required. Interactive and total retention of each workflow audit table.')
param auditRetention auditRetentionByWorkflow

@description('Required. Resource id of the private-endpoint subnet.')
param privateEndpointSubnetId string

@description('Required. Private DNS zone ids keyed by short name, from the network module.')
param dnsZoneIds object

// The audit schema is generated from the code (AuditTableSchema.ToSchemaJson) and read here as it is, so the table
// names, their DCR streams and the columns the ingestion sink writes cannot drift from what the workspace accepts.
var auditSchema = loadJsonContent('../../docs/audit-table-schema.json')

var auditTableColumns = map(auditSchema.columns, column => {
  name: column.name
  type: column.type
  description: column.description
})

// Stream declarations take names and types only.
var auditStreamColumns = map(auditSchema.columns, column => {
  name: column.name
  type: column.type
})

// The retention parameter is keyed by workflow, like the code's Audit:Retention section.
var auditTables = map(auditSchema.tables, table => {
  name: table.table
  stream: table.stream
  retention: auditRetention[table.workflow]
})

var workspaceDestination = 'audit-workspace'

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: workspaceRetentionInDays
    features: {
      disableLocalAuth: true
      enableLogAccessUsingOnlyResourcePermissions: true
    }
    publicNetworkAccessForIngestion: 'Disabled'
    publicNetworkAccessForQuery: 'Disabled'
  }
}

// Audit evidence must outlive mistakes: the lock stops deletion of the workspace (and its tables) until an owner
// removes the lock on purpose.
resource workspaceLock 'Microsoft.Authorization/locks@2020-05-01' = {
  scope: workspace
  name: '${workspaceName}-no-delete'
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds HIPAA audit trails; remove only under change control.'
  }
}

resource tables 'Microsoft.OperationalInsights/workspaces/tables@2023-09-01' = [
  for table in auditTables: {
    parent: workspace
    name: table.name
    properties: {
      plan: 'Analytics'
      retentionInDays: table.retention.retentionInDays
      totalRetentionInDays: table.retention.totalRetentionInDays
      schema: {
        name: table.name
        columns: auditTableColumns
      }
    }
  }
]

resource dataCollectionEndpoint 'Microsoft.Insights/dataCollectionEndpoints@2023-03-11' = {
  name: dataCollectionEndpointName
  location: location
  tags: tags
  properties: {
    networkAcls: {
      publicNetworkAccess: 'Disabled'
    }
  }
}

resource dataCollectionRule 'Microsoft.Insights/dataCollectionRules@2023-03-11' = {
  name: dataCollectionRuleName
  location: location
  tags: tags
  properties: {
    dataCollectionEndpointId: dataCollectionEndpoint.id
    streamDeclarations: toObject(auditTables, table => table.stream, _ => {
      columns: auditStreamColumns
    })
    destinations: {
      logAnalytics: [
        {
          name: workspaceDestination
          workspaceResourceId: workspace.id
        }
      ]
    }
    dataFlows: [
      for table in auditTables: {
        streams: [table.stream]
        destinations: [workspaceDestination]
        transformKql: 'source'
        outputStream: table.stream
      }
    ]
  }
  // The output streams name the custom tables, which must exist before the rule is accepted.
  dependsOn: [tables]
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    publicNetworkAccessForIngestion: 'Disabled'
    publicNetworkAccessForQuery: 'Disabled'
    IngestionMode: 'LogAnalytics'
  }
}

resource privateLinkScope 'Microsoft.Insights/privateLinkScopes@2021-07-01-preview' = {
  name: privateLinkScopeName
  location: 'global'
  tags: tags
  properties: {
    accessModeSettings: {
      ingestionAccessMode: 'PrivateOnly'
      queryAccessMode: 'PrivateOnly'
    }
  }
}

// Application Insights joins the scope too: with PrivateOnly ingestion, clients in the VNet may only reach
// resources in the scope, so the function app's telemetry would otherwise be dropped.
resource scopedWorkspace 'Microsoft.Insights/privateLinkScopes/scopedResources@2021-07-01-preview' = {
  parent: privateLinkScope
  name: 'workspace'
  properties: {
    linkedResourceId: workspace.id
  }
}

resource scopedDataCollectionEndpoint 'Microsoft.Insights/privateLinkScopes/scopedResources@2021-07-01-preview' = {
  parent: privateLinkScope
  name: 'data-collection-endpoint'
  properties: {
    linkedResourceId: dataCollectionEndpoint.id
  }
}

resource scopedAppInsights 'Microsoft.Insights/privateLinkScopes/scopedResources@2021-07-01-preview' = {
  parent: privateLinkScope
  name: 'app-insights'
  properties: {
    linkedResourceId: appInsights.id
  }
}

module privateLinkScopeEndpoint 'private-endpoint.bicep' = {
  name: 'pe-${privateLinkScopeName}'
  params: {
    name: 'pe-${privateLinkScopeName}'
    location: location
    tags: tags
    subnetId: privateEndpointSubnetId
    targetResourceId: privateLinkScope.id
    groupId: 'azuremonitor'
    dnsZoneIds: [
      dnsZoneIds.monitor
      dnsZoneIds.oms
      dnsZoneIds.ods
      dnsZoneIds.agentsvc
      dnsZoneIds.blob
    ]
  }
  // Endpoint DNS records are written for the resources already in scope at creation time.
  dependsOn: [
    scopedWorkspace
    scopedDataCollectionEndpoint
    scopedAppInsights
  ]
}

resource workspaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: workspace
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspace.id
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

resource appInsightsDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: appInsights
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspace.id
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

resource dataCollectionRuleDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: dataCollectionRule
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspace.id
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

@description('Resource id of the Log Analytics workspace.')
output workspaceId string = workspace.id

@description('Name of the Log Analytics workspace.')
output workspaceName string = workspace.name

@description('Resource id of the Application Insights component.')
output appInsightsId string = appInsights.id

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Connection string of Application Insights; not a secret while local auth is disabled (Entra tokens are required to ingest).')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Logs ingestion endpoint of the data collection endpoint.')
output dataCollectionEndpointUrl string = dataCollectionEndpoint.properties.logsIngestion.endpoint

@description('Resource id of the audit data collection rule.')
output dataCollectionRuleId string = dataCollectionRule.id

@description('Name of the audit data collection rule.')
output dataCollectionRuleName string = dataCollectionRule.name

@description('Immutable id of the audit data collection rule, used in the Logs Ingestion API path.')
output dataCollectionRuleImmutableId string = dataCollectionRule.properties.immutableId
