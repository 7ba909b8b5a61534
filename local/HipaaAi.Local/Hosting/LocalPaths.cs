namespace HipaaAi.Local.Hosting;

/// <summary>
/// Where the local host keeps its state: a <c>.local</c> folder at the repository root (or the folder named by
/// HIPAAAI_LOCAL_ROOT), so everything a run writes stays on this machine and in one place.
/// </summary>
public sealed record LocalPaths(string RepositoryRoot, string StateRoot)
{
    public string AzuriteData => Path.Combine(StateRoot, "azurite");

    public string Samples => Path.Combine(StateRoot, "samples");

    public string Inbox => Path.Combine(StateRoot, "inbox");

    public string Audit => Path.Combine(StateRoot, "audit");

    public string Output => Path.Combine(RepositoryRoot, "out");

    /// <summary>The Adaptive Cards renderer the review page serves (npm <c>adaptivecards</c>, installed by setup).</summary>
    public string AdaptiveCardsScript => Path.Combine(RepositoryRoot, ".tools", "adaptivecards", "node_modules",
        "adaptivecards", "dist", "adaptivecards.min.js");

    public string AzuriteTool => Path.Combine(RepositoryRoot, ".tools", "azurite", "node_modules", ".bin", "azurite");

    public static LocalPaths Discover()
    {
        var root = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Environment.CurrentDirectory)
            ?? Environment.CurrentDirectory;
        var state = Environment.GetEnvironmentVariable("HIPAAAI_LOCAL_ROOT") is { Length: > 0 } configured
            ? configured
            : Path.Combine(root, ".local");
        return new LocalPaths(root, state);
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HipaaAi.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
