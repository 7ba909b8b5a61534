namespace HipaaAi.Shared.Compliance;

/// <summary>
/// Names of Azure built-in role definitions by their id, which is the same in every tenant (public list:
/// "Azure built-in roles" in the Azure RBAC documentation). Only roles an environment of this product could plausibly
/// assign are listed; an unknown id is shown as it is and flagged, never guessed.
/// </summary>
public static class BuiltInRoles
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635"] = "Owner",
        ["b24988ac-6180-42a0-ab88-20f7382dd24c"] = "Contributor",
        ["acdd72a7-3385-48ef-bd42-f606fba81ae7"] = "Reader",
        ["18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"] = "User Access Administrator",
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["ba92f5b4-2d11-453d-a403-e96b0029c9fe"] = "Storage Blob Data Contributor",
        ["2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"] = "Storage Blob Data Reader",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["19e7f393-937e-4f77-808e-94535e297925"] = "Storage Queue Data Reader",
        ["c6a89b2d-59bc-44d0-9896-0f6e12d7b80a"] = "Storage Queue Data Message Sender",
        ["8a0f0c08-91a1-4084-bc3d-661d67233fed"] = "Storage Queue Data Message Processor",
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["76199698-9eea-4c19-bc75-cec21354c6b6"] = "Storage Table Data Reader",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["b86a8fe4-44ce-4948-aee5-eccb2c155cd7"] = "Key Vault Secrets Officer",
        ["00482a5a-887f-4fb3-b363-3b7fe8e74483"] = "Key Vault Administrator",
        ["e147488a-f6f5-4113-8e2d-b22465e65bf6"] = "Key Vault Crypto Service Encryption User",
        ["12338af0-0e69-4776-bea7-57ae8d297424"] = "Key Vault Crypto User",
        ["a97b65f3-24c7-4388-baec-2e87135dc908"] = "Cognitive Services User",
        ["5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"] = "Cognitive Services OpenAI User",
        ["a001fd3d-188f-4b5d-821b-7da978bf7442"] = "Cognitive Services OpenAI Contributor",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
        ["43d0d8ad-25c7-4714-9337-8ba259a9fe05"] = "Monitoring Reader",
        ["749f88d5-cbae-40b8-bcfc-e573ddc772fa"] = "Monitoring Contributor",
        ["73c42c96-874c-492b-b04d-ab87d138a893"] = "Log Analytics Reader",
        ["92aaf0da-9dab-42b6-94a3-d43ce8d16293"] = "Log Analytics Contributor",
        ["de139f84-1756-47ae-9be6-808fbbe84772"] = "Website Contributor",
    };

    /// <summary>The role's name, or null when the id is not a built-in role this table knows.</summary>
    public static string? NameOf(string roleDefinitionId)
    {
        ArgumentNullException.ThrowIfNull(roleDefinitionId);
        var guid = roleDefinitionId.Split('/')[^1];
        return Names.TryGetValue(guid, out var name) ? name : null;
    }
}
