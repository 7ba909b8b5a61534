using System.Globalization;
using System.Reflection;
using HipaaAi.Local.Hosting;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Compliance;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Commands;

/// <summary>
/// <c>compliance --params FILE [--since T] [--until T] [--output DIR] [--config FILE[,FILE]]</c>: compiles the
/// environment's Bicep parameter file offline, reads the app configuration and the local audit trail, and writes
/// the evidence pack an auditor reads. Nothing reaches Azure.
/// </summary>
public static class ComplianceCommand
{
    public static async Task<int> RunAsync(
        CommandLine options,
        LocalPaths paths,
        TextWriter output,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);

        if (options.Value("params") is not { Length: > 0 } parameterFile)
        {
            await output.WriteLineAsync("usage: compliance --params bicep/main.prod.bicepparam [--since T] " +
                "[--until T] [--output DIR] [--config FILE[,FILE]] [--folder AUDIT_DIR] [--subscription-id ID] " +
                "[--tenant-id ID] " +
                "[--resource-group NAME] [--location REGION]").ConfigureAwait(false);
            return 2;
        }

        try
        {
            var folder = await GenerateAsync(options, paths, parameterFile, output, token).ConfigureAwait(false);
            await output.WriteLineAsync($"Evidence pack written to {folder}").ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is ComplianceToolException or FileNotFoundException
                                              or FormatException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"compliance: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Builds and writes the pack; returns its folder.</summary>
    public static async Task<string> GenerateAsync(
        CommandLine options,
        LocalPaths paths,
        string parameterFile,
        TextWriter output,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);

        var since = Time(options.Value("since"));
        var until = Time(options.Value("until")) ?? DateTimeOffset.UtcNow;
        if (since >= until)
        {
            throw new FormatException("--since must be before --until.");
        }

        // Checked first, so a missing Graphviz fails the command before bicep spends its seconds.
        var graphviz = new GraphvizRenderer();
        await graphviz.EnsureAvailableAsync(token).ConfigureAwait(false);

        await output.WriteLineAsync($"Compiling {parameterFile} with bicep (offline)").ConfigureAwait(false);
        var compiler = new BicepCompiler(BicepPath());
        var environment = await compiler.CompileAsync(
            Path.GetFullPath(parameterFile, Environment.CurrentDirectory), paths.RepositoryRoot,
            name => Context(options, name), token).ConfigureAwait(false);

        var configurationFiles = (options.Value("config") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(file => Path.GetFullPath(file, Environment.CurrentDirectory))
            .ToList();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(environment.AppSettings());
        foreach (var file in configurationFiles)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"The configuration file {file} does not exist.", file);
            }

            configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        var auditRoot = Path.GetFullPath(options.Value("folder") ?? paths.Audit, Environment.CurrentDirectory);
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddLocalAudit(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:Local:RootPath"] = auditRoot })
                .Build())
            .BuildServiceProvider();
        var builder = new CompliancePackBuilder(services.GetRequiredService<AuditTrailReader>(), TimeProvider.System);
        var inputs = new PackInputs(
            configuration.Build(),
            configurationFiles
                .Select(file => new SourceFile(Display(paths, file), BicepCompiler.Sha256Of(file)))
                .ToList(),
            RoutingOf(environment, paths),
            Display(paths, auditRoot),
            since,
            until);
        var pack = await builder.BuildAsync(environment, inputs, token).ConfigureAwait(false);

        var folder = Path.GetFullPath(options.Value("output") ?? Path.Combine(paths.Output, "compliance",
            $"{pack.EnvironmentName}-{pack.GeneratedAt.UtcDateTime:yyyyMMdd-HHmmss}"), Environment.CurrentDirectory);
        await new CompliancePackWriter(graphviz).WriteAsync(pack, folder, token).ConfigureAwait(false);

        foreach (var verification in pack.ChainVerifications)
        {
            var state = verification.IsIntact ? $"intact, {verification.RecordsVerified} records" : "BROKEN";
            await output.WriteLineAsync($"  audit chain {verification.Workflow}: {state}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  {pack.Findings.Count} finding(s); see README.md").ConfigureAwait(false);
        return folder;
    }

    /// <summary>The staff and review queues come from the routing rules the template itself loads.</summary>
    private static RoutingRules RoutingOf(CompiledEnvironment environment, LocalPaths paths)
    {
        var routing = environment.Sources.TemplateFiles
            .FirstOrDefault(file => Path.GetFileName(file.Path) == RoutingRules.DefaultFileName);
        return RoutingRules.Load(routing is null
            ? Path.Combine(AppContext.BaseDirectory, "Understanding", "Config", RoutingRules.DefaultFileName)
            : Path.Combine(paths.RepositoryRoot, routing.Path));
    }

    private static DeploymentContext Context(CommandLine options, string environmentName)
    {
        var placeholder = DeploymentContext.Placeholder(environmentName);
        return new DeploymentContext(
            options.Value("subscription-id") ?? placeholder.SubscriptionId,
            options.Value("tenant-id") ?? placeholder.TenantId,
            options.Value("location") ?? placeholder.Location,
            options.Value("resource-group") ?? placeholder.ResourceGroup,
            placeholder.DeploymentName);
    }

    /// <summary>The bicep binary of the NuGet package this project references (its props set BicepPath).</summary>
    private static string BicepPath() =>
        typeof(ComplianceCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "BicepPath")?.Value
        ?? throw new ComplianceToolException("This build does not know where bicep is (assembly metadata BicepPath).");

    private static string Display(LocalPaths paths, string path)
    {
        var relative = Path.GetRelativePath(paths.RepositoryRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    private static DateTimeOffset? Time(string? value) =>
        value is null
            ? null
            : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
