using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HipaaAi.Bicep.Tests;

/// <summary>
/// Compiles, lints and snapshots the templates once for all tests, in parallel, on temporary copies of the bicep
/// folder so a test run never writes into the repository (unless snapshots are being re-recorded on purpose).
/// </summary>
public sealed partial class BicepFixture : IAsyncLifetime
{
    /// <summary>Set to 1 to overwrite bicep/snapshots with freshly predicted resources instead of validating.</summary>
    public const string RecordVariable = "HIPAA_RECORD_SNAPSHOTS";

    public static readonly string[] Environments = ["dev", "prod"];

    // Fixed deployment context: the snapshots evaluate names, ids and locations against these values.
    private static readonly string[] SnapshotContext =
    [
        "--subscription-id", "00000000-0000-0000-0000-000000000000",
        "--tenant-id", "11111111-1111-1111-1111-111111111111",
        "--location", "eastus2",
        "--deployment-name", "main",
    ];

    private readonly string workFolder = Path.Combine(Path.GetTempPath(), $"hipaa-bicep-{Guid.NewGuid():N}");

    public BicepRun Lint { get; private set; } = null!;

    public BicepRun Build { get; private set; } = null!;

    public JsonObject Template { get; private set; } = null!;

    public BicepRun BuildParams { get; private set; } = null!;

    public Dictionary<string, BicepRun> SnapshotValidations { get; } = [];

    public bool Recorded { get; private set; }

    private Dictionary<string, JsonObject> Parameters { get; } = [];

    private Dictionary<string, Snapshot> Snapshots { get; } = [];

    public static string ResourceGroup(string environment) => $"rg-hipaaai-{environment}";

    public Snapshot SnapshotOf(string environment) => Snapshots[environment];

    /// <summary>The parameter values of an environment as compiled by bicep build-params.</summary>
    public JsonObject ParametersOf(string environment) => Parameters[environment];

    public async Task InitializeAsync()
    {
        var folder = CopySources();
        Recorded = Environment.GetEnvironmentVariable(RecordVariable) == "1";

        // Five bicep processes in parallel; each costs seconds of CPU, so nothing runs twice on the normal path.
        var lint = BicepCli.RunAsync(folder, "lint", "--pattern", "main*.bicep*");
        var build = BicepCli.RunAsync(folder, "build", "main.bicep", "--stdout");
        var buildParams = BicepCli.RunAsync(folder, "build-params", "--pattern", "main.*.bicepparam");
        var snapshots = Environments.ToDictionary(
            environment => environment,
            environment => PredictAsync(folder, environment));

        Lint = await lint;
        Build = await build;
        BuildParams = await buildParams;
        Template = JsonNode.Parse(Build.StandardOutput)!.AsObject();
        await Task.WhenAll(snapshots.Values);

        foreach (var environment in Environments)
        {
            var (validation, snapshot) = await snapshots[environment];
            SnapshotValidations[environment] = validation;
            Snapshots[environment] = snapshot;
            Parameters[environment] = BuildParams.ExitCode == 0
                ? JsonNode.Parse(File.ReadAllText(Path.Combine(folder, $"main.{environment}.json")))!["parameters"]!
                    .AsObject()
                : throw new InvalidOperationException(BuildParams.ToString());

            if (Recorded)
            {
                Record(Path.Combine(folder, SnapshotFile(environment)), environment);
            }
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(workFolder, true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Writes a snapshot into the repository with its outputs sorted: bicep emits them in hash order, which would
    /// churn the committed file on every re-record (validation compares them as a set, so order does not matter).
    /// </summary>
    private static void Record(string predicted, string environment)
    {
        var root = JsonNode.Parse(File.ReadAllText(predicted))!.AsObject();
        var outputs = root["outputs"]!.AsObject().OrderBy(output => output.Key, StringComparer.Ordinal).ToList();
        root["outputs"] = new JsonObject(outputs.Select(output =>
            KeyValuePair.Create(output.Key, output.Value?.DeepClone())));

        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var target = Path.Combine(BicepCli.SourceFolder, "snapshots", SnapshotFile(environment));
        File.WriteAllText(target, root.ToJsonString(options) + "\n");
    }

    private static string ParamFile(string environment) => $"main.{environment}.bicepparam";

    private static string SnapshotFile(string environment) => $"main.{environment}.snapshot.json";

    private static string[] SnapshotArguments(string environment, string mode) =>
        ["snapshot", ParamFile(environment), "--mode", mode, "--resource-group", ResourceGroup(environment),
            .. SnapshotContext];

    /// <summary>
    /// Validates the committed snapshot; only when it differs (or is being re-recorded) is a fresh one written, so
    /// the assertions below always read the resources the current templates predict.
    /// </summary>
    private async Task<(BicepRun Validation, Snapshot Snapshot)> PredictAsync(string folder, string environment)
    {
        var committed = Path.Combine(BicepCli.SourceFolder, "snapshots", SnapshotFile(environment));
        var working = Path.Combine(folder, SnapshotFile(environment));
        var validation = new BicepRun("snapshot (not run)", -1, string.Empty, $"{committed} does not exist.");
        if (File.Exists(committed) && !Recorded)
        {
            File.Copy(committed, working);
            validation = await BicepCli.RunAsync(folder, SnapshotArguments(environment, "validate"));
        }

        if (validation.ExitCode != 0)
        {
            var overwrite = await BicepCli.RunAsync(folder, SnapshotArguments(environment, "overwrite"));
            if (overwrite.ExitCode != 0)
            {
                throw new InvalidOperationException(overwrite.ToString());
            }
        }

        return (validation, Snapshot.Load(working));
    }

    /// <summary>
    /// Copies the bicep folder, and every file outside it that a template loads (the audit schema, the routing rules),
    /// into the same layout under the work folder, so relative load paths resolve as they do in the repository.
    /// </summary>
    private string CopySources()
    {
        var target = Path.Combine(workFolder, Path.GetFileName(BicepCli.SourceFolder));
        foreach (var source in Directory.EnumerateFiles(BicepCli.SourceFolder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(BicepCli.SourceFolder, source);
            if (relative.StartsWith("snapshots", StringComparison.Ordinal))
            {
                continue;
            }

            CopyInto(source, Path.Combine(target, relative));
        }

        var outside = LoadedFiles().Where(path => !path.StartsWith(BicepCli.SourceFolder, StringComparison.Ordinal));
        foreach (var loaded in outside)
        {
            CopyInto(loaded, Path.Combine(workFolder, Path.GetRelativePath(BicepCli.RepositoryFolder, loaded)));
        }

        return target;
    }

    private static IEnumerable<string> LoadedFiles() =>
        Directory.EnumerateFiles(BicepCli.SourceFolder, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(template => LoadCall().Matches(File.ReadAllText(template))
                .Select(match => Path.GetFullPath(match.Groups[1].Value, Path.GetDirectoryName(template)!)))
            .Distinct();

    private static void CopyInto(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: true);
    }

    [GeneratedRegex(@"load(?:Json|Yaml|Text)Content\('([^']+)'")]
    private static partial Regex LoadCall();
}

[CollectionDefinition(Name)]
public sealed class BicepTemplates : ICollectionFixture<BicepFixture>
{
    public const string Name = "bicep";
}
