metadata description = 'Virtual network with an app-integration subnet and a private-endpoint subnet, plus the private DNS zones that resolve every private endpoint in this environment.'

@description('Required. Name of the virtual network.')
param name string

@description('Required. Azure region for the network.')
param location string

@description('Required. Tags applied to every resource.')
param tags object

@description('Required. Address space of the virtual network (CIDR).')
param addressPrefix string

@description('Required. Subnet delegated to Microsoft.App/environments for Flex Consumption VNet integration (CIDR, /27 or larger).')
param appSubnetPrefix string

@description('Required. Subnet that holds the private endpoints (CIDR).')
param privateEndpointSubnetPrefix string

@description('Required. Resource id of the Log Analytics workspace that receives diagnostics.')
param workspaceId string

// Keys are the names other modules use; values are the public-cloud zone names. environment().suffixes keeps
// storage and Key Vault zones correct in sovereign clouds.
var dnsZoneNames = {
  blob: 'privatelink.blob.${environment().suffixes.storage}'
  queue: 'privatelink.queue.${environment().suffixes.storage}'
  table: 'privatelink.table.${environment().suffixes.storage}'
  file: 'privatelink.file.${environment().suffixes.storage}'
  vault: 'privatelink${environment().suffixes.keyvaultDns}'
  cognitiveservices: 'privatelink.cognitiveservices.azure.com'
  openai: 'privatelink.openai.azure.com'
  sites: 'privatelink.azurewebsites.net'
  monitor: 'privatelink.monitor.azure.com'
  oms: 'privatelink.oms.opinsights.azure.com'
  ods: 'privatelink.ods.opinsights.azure.com'
  agentsvc: 'privatelink.agentsvc.azure-automation.net'
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
      {
        name: 'snet-private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in items(dnsZoneNames): {
    name: zone.value
    location: 'global'
    tags: tags
  }
]

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in items(dnsZoneNames): {
    parent: zones[i]
    name: '${name}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vnet
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

@description('Resource id of the virtual network.')
output vnetId string = vnet.id

@description('Resource id of the subnet delegated to Flex Consumption.')
output appSubnetId string = vnet.properties.subnets[0].id

@description('Resource id of the private-endpoint subnet.')
output privateEndpointSubnetId string = vnet.properties.subnets[1].id

@description('Private DNS zone resource ids keyed by short name (blob, queue, table, file, vault, ...).')
output dnsZoneIds object = toObject(items(dnsZoneNames), zone => zone.key, zone => resourceId('Microsoft.Network/privateDnsZones', zone.value))
