namespace HipaaAi.Shared.Compliance;

/// <summary>Resource types the pack reads, spelled as bicep snapshots spell them (compared ignoring case).</summary>
public static class AzureResourceTypes
{
    public const string StorageAccount = "Microsoft.Storage/storageAccounts";
    public const string BlobService = "Microsoft.Storage/storageAccounts/blobServices";
    public const string Container = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public const string Queue = "Microsoft.Storage/storageAccounts/queueServices/queues";
    public const string StorageLifecyclePolicy = "Microsoft.Storage/storageAccounts/managementPolicies";
    public const string KeyVault = "Microsoft.KeyVault/vaults";
    public const string CognitiveAccount = "Microsoft.CognitiveServices/accounts";
    public const string ModelDeployment = "Microsoft.CognitiveServices/accounts/deployments";
    public const string Site = "Microsoft.Web/sites";
    public const string PublishingCredentials = "Microsoft.Web/sites/basicPublishingCredentialsPolicies";
    public const string VirtualNetwork = "Microsoft.Network/virtualNetworks";
    public const string PrivateEndpoint = "Microsoft.Network/privateEndpoints";
    public const string PrivateDnsZone = "Microsoft.Network/privateDnsZones";
    public const string Workspace = "Microsoft.OperationalInsights/workspaces";
    public const string WorkspaceTable = "Microsoft.OperationalInsights/workspaces/tables";
    public const string DataCollectionEndpoint = "Microsoft.Insights/dataCollectionEndpoints";
    public const string DataCollectionRule = "Microsoft.Insights/dataCollectionRules";
    public const string AppInsights = "Microsoft.Insights/components";
    public const string PrivateLinkScope = "Microsoft.Insights/privateLinkScopes";
    public const string ScopedResource = "Microsoft.Insights/privateLinkScopes/scopedResources";
    public const string DiagnosticSetting = "Microsoft.Insights/diagnosticSettings";
    public const string Lock = "Microsoft.Authorization/locks";
    public const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    public const string EventGridSystemTopic = "Microsoft.EventGrid/systemTopics";
    public const string EventSubscription = "Microsoft.EventGrid/systemTopics/eventSubscriptions";

    /// <summary>The Azure service behind a resource provider namespace, for the subprocessor list.</summary>
    public static string ServiceOf(string type)
    {
        var provider = type.Split('/')[0];
        return provider.ToUpperInvariant() switch
        {
            "MICROSOFT.STORAGE" => "Azure Storage",
            "MICROSOFT.KEYVAULT" => "Azure Key Vault",
            "MICROSOFT.COGNITIVESERVICES" => "Azure AI services",
            "MICROSOFT.WEB" => "Azure Functions (App Service)",
            "MICROSOFT.NETWORK" => "Azure Virtual Network, Private Link and Private DNS",
            "MICROSOFT.OPERATIONALINSIGHTS" => "Azure Monitor Log Analytics",
            "MICROSOFT.INSIGHTS" => "Azure Monitor",
            "MICROSOFT.EVENTGRID" => "Azure Event Grid",
            "MICROSOFT.AUTHORIZATION" => "Azure RBAC and resource locks",
            _ => provider,
        };
    }
}
