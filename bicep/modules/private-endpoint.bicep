metadata description = 'One private endpoint for one sub-resource (group id) of a target resource, with a DNS zone group that registers its A records in the given private DNS zones.'

@description('Required. Name of the private endpoint.')
param name string

@description('Required. Azure region of the private endpoint (the region of its subnet).')
param location string

@description('Required. Tags applied to the private endpoint.')
param tags object

@description('Required. Resource id of the subnet that holds private endpoints.')
param subnetId string

@description('Required. Resource id of the resource the endpoint connects to.')
param targetResourceId string

@description('Required. Sub-resource of the target (for example blob, queue, vault, account, sites, azuremonitor).')
param groupId string

@description('Required. Resource ids of the private DNS zones that must resolve this endpoint.')
param dnsZoneIds string[]

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetResourceId
          groupIds: [groupId]
        }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      for zoneId in dnsZoneIds: {
        name: replace(last(split(zoneId, '/')), '.', '-')
        properties: {
          #disable-next-line use-resource-id-functions // The ids arrive as elements of the dnsZoneIds parameter.
          privateDnsZoneId: zoneId
        }
      }
    ]
  }
}

@description('Resource id of the private endpoint.')
output id string = endpoint.id
