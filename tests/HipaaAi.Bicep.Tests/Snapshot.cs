using System.Text.Json.Nodes;

namespace HipaaAi.Bicep.Tests;

/// <summary>One predicted resource from a bicep snapshot.</summary>
public sealed record PredictedResource(string Id, string Type, string Name, JsonObject Json)
{
    public JsonNode? Properties => Json["properties"];

    /// <summary>Reads a string at a dotted path under the resource, for example properties.httpsOnly.</summary>
    public string? Text(string path) => Node(path)?.ToString();

    public JsonNode? Node(string path)
    {
        JsonNode? node = Json;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node;
    }
}

/// <summary>The resources bicep predicts for one parameter file, with every module flattened.</summary>
public sealed class Snapshot(IReadOnlyList<PredictedResource> resources)
{
    public IReadOnlyList<PredictedResource> Resources { get; } = resources;

    public static Snapshot Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var resources = root["predictedResources"]!.AsArray()
            .Select(node => node!.AsObject())
            .Select(json => new PredictedResource(
                json["id"]!.GetValue<string>(),
                json["type"]!.GetValue<string>(),
                json["name"]!.GetValue<string>(),
                json))
            .ToList();
        return new Snapshot(resources);
    }

    public IReadOnlyList<PredictedResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public PredictedResource One(string type) => Assert.Single(OfType(type));
}
