namespace HipaaAi.Bicep.Tests;

/// <summary>Resource type names as the snapshots spell them.</summary>
public static class ResourceTypes
{
    public const string StorageAccount = "Microsoft.Storage/storageAccounts";
    public const string KeyVault = "Microsoft.KeyVault/vaults";
    public const string CognitiveAccount = "Microsoft.CognitiveServices/accounts";
    public const string Site = "Microsoft.Web/sites";
    public const string PrivateLinkScope = "Microsoft.Insights/privateLinkScopes";
    public const string PrivateEndpoint = "Microsoft.Network/privateEndpoints";
    public const string DnsZoneGroup = "Microsoft.Network/privateEndpoints/privateDnsZoneGroups";
    public const string PrivateDnsZone = "Microsoft.Network/privateDnsZones";
    public const string Workspace = "Microsoft.OperationalInsights/workspaces";
    public const string WorkspaceTable = "Microsoft.OperationalInsights/workspaces/tables";
    public const string Lock = "Microsoft.Authorization/locks";
    public const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    public const string DiagnosticSetting = "Microsoft.Insights/diagnosticSettings";
    public const string DataCollectionRule = "Microsoft.Insights/dataCollectionRules";
    public const string DataCollectionEndpoint = "Microsoft.Insights/dataCollectionEndpoints";
    public const string AppInsights = "Microsoft.Insights/components";
    public const string BasicPublishingCredentials = "Microsoft.Web/sites/basicPublishingCredentialsPolicies";
}
