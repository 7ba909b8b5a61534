using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Compliance;

/// <summary>
/// Compiles a Bicep parameter file offline with the bicep binary: <c>build-params</c> for the parameter values and
/// the ARM template, <c>snapshot</c> for every resource with those values resolved. Nothing reaches Azure.
/// </summary>
public sealed partial class BicepCompiler(string bicepPath)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Compiles <paramref name="parameterFile"/>. <paramref name="repositoryRoot"/> bounds the files a template may
    /// load; <paramref name="context"/> gives the deployment scope for the environment name the parameters declare.
    /// </summary>
    public async Task<CompiledEnvironment> CompileAsync(
        string parameterFile,
        string repositoryRoot,
        Func<string, DeploymentContext> context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameterPath = Path.GetFullPath(parameterFile);
        var root = Path.GetFullPath(repositoryRoot);
        if (!File.Exists(parameterPath))
        {
            throw new FileNotFoundException($"The parameter file {parameterPath} does not exist.", parameterPath);
        }

        var folder = Path.GetDirectoryName(parameterPath)!;
        var version = await RunAsync(folder, cancellationToken, "--version").ConfigureAwait(false);

        // build-params --stdout writes nothing to disk.
        var built = JsonNode.Parse(await RunAsync(folder, cancellationToken, "build-params", parameterPath, "--stdout")
            .ConfigureAwait(false))!.AsObject();
        var templateJson = built["templateJson"]!.GetValue<string>();
        var parameters = new JsonObject();
        foreach (var (name, value) in JsonNode.Parse(built["parametersJson"]!.GetValue<string>())!["parameters"]!
                     .AsObject())
        {
            parameters[name] = value?["value"]?.DeepClone();
        }

        var environmentName = parameters["environmentName"]?.ToString() ?? "unnamed";
        var deployment = context(environmentName);
        var templatePath = TemplateOf(parameterPath);
        var templateFiles = TemplateFilesOf(templatePath, root);
        var resources = await PredictAsync(parameterPath, root, templateFiles, deployment, cancellationToken)
            .ConfigureAwait(false);

        var sources = new EnvironmentSources(
            Relative(root, parameterPath),
            Sha256Of(parameterPath),
            Relative(root, templatePath),
            Sha256Of(templatePath),
            Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(templateJson))),
            templateFiles.Select(path => new SourceFile(Relative(root, path), Sha256Of(path))).ToList(),
            EnvironmentVariablesRead(parameterPath),
            deployment,
            version.Trim());
        return new CompiledEnvironment(sources, parameters, resources);
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// bicep snapshot writes its result beside the parameter file, so it runs on a copy of the parameter file's
    /// folder (and of every file a template loads) under a temporary folder, in the same layout.
    /// </summary>
    private async Task<IReadOnlyList<TemplateResource>> PredictAsync(
        string parameterPath,
        string root,
        IReadOnlyList<string> templateFiles,
        DeploymentContext deployment,
        CancellationToken cancellationToken)
    {
        var work = Path.Combine(Path.GetTempPath(), $"hipaa-compliance-{Guid.NewGuid():N}");
        try
        {
            var folder = Path.GetDirectoryName(parameterPath)!;
            var copies = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}snapshots{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal))
                .Concat(templateFiles)
                .Distinct(StringComparer.Ordinal);
            foreach (var source in copies)
            {
                var target = Path.Combine(work, Relative(root, source));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }

            var copiedParameters = Path.Combine(work, Relative(root, parameterPath));
            await RunAsync(Path.GetDirectoryName(copiedParameters)!, cancellationToken,
                "snapshot", copiedParameters, "--mode", "overwrite",
                "--subscription-id", deployment.SubscriptionId,
                "--tenant-id", deployment.TenantId,
                "--location", deployment.Location,
                "--resource-group", deployment.ResourceGroup,
                "--deployment-name", deployment.DeploymentName).ConfigureAwait(false);

            var snapshotPath = Path.ChangeExtension(copiedParameters, ".snapshot.json");
            var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(snapshotPath, cancellationToken)
                .ConfigureAwait(false))!;
            return snapshot["predictedResources"]!.AsArray()
                .OfType<JsonObject>()
                .Select(json => new TemplateResource(
                    json["id"]!.GetValue<string>(), json["type"]!.GetValue<string>(), json["name"]!.GetValue<string>(),
                    json))
                .ToList();
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private async Task<string> RunAsync(string workingDirectory, CancellationToken cancellationToken,
        params string[] arguments)
    {
        if (!File.Exists(bicepPath))
        {
            throw new ComplianceToolException(
                $"The bicep binary was not found at {bicepPath}. It comes from the NuGet package " +
                "Azure.Bicep.CommandLine.linux-x64, restored by building local/HipaaAi.Local.");
        }

        var result = await ToolProcess.RunAsync(bicepPath, arguments, workingDirectory,
            $"bicep could not be started from {bicepPath}.", Timeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ComplianceToolException(
                $"bicep {arguments[0]} failed with exit code {result.ExitCode}:\n{result.StandardError.Trim()}");
        }

        return result.StandardOutput;
    }

    private static string TemplateOf(string parameterPath)
    {
        var match = UsingLine().Match(File.ReadAllText(parameterPath));
        if (!match.Success)
        {
            throw new ComplianceToolException($"{parameterPath} has no using '<template>.bicep' line.");
        }

        return Path.GetFullPath(match.Groups[1].Value, Path.GetDirectoryName(parameterPath)!);
    }

    /// <summary>The template, every module it reaches, and every file any of them loads.</summary>
    private static List<string> TemplateFilesOf(string templatePath, string root)
    {
        var found = new List<string>();
        var pending = new Queue<string>([templatePath]);
        while (pending.TryDequeue(out var file))
        {
            if (found.Contains(file, StringComparer.Ordinal))
            {
                continue;
            }

            if (!file.StartsWith(root, StringComparison.Ordinal))
            {
                throw new ComplianceToolException($"{file} lies outside the repository {root}.");
            }

            found.Add(file);
            if (!file.EndsWith(".bicep", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var folder = Path.GetDirectoryName(file)!;
            foreach (Match reference in ReferencedFile().Matches(text))
            {
                pending.Enqueue(Path.GetFullPath(reference.Groups[1].Value, folder));
            }
        }

        return found;
    }

    private static Dictionary<string, string?> EnvironmentVariablesRead(string parameterPath) =>
        EnvironmentRead().Matches(File.ReadAllText(parameterPath))
            .Select(match => match.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);

    private static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex(@"^\s*using\s+'([^']+)'", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    // Modules (module name 'modules/x.bicep'), type imports (from 'types.bicep') and load*Content('…') calls.
    [GeneratedRegex(@"(?:\bmodule\s+\w+\s+|\bfrom\s+|\bload(?:Json|Yaml|Text)Content\()'([^']+)'")]
    private static partial Regex ReferencedFile();

    [GeneratedRegex(@"readEnvironmentVariable\('([^']+)'")]
    private static partial Regex EnvironmentRead();
}
