namespace HipaaAi.Local.Commands;

/// <summary>The few options the local commands take: <c>--name value</c> pairs, <c>--flag</c> switches and bare words.</summary>
public sealed class CommandLine(IReadOnlyDictionary<string, string?> options, IReadOnlyList<string> words)
{
    public IReadOnlyList<string> Words { get; } = words;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);

        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var words = new List<string>();
        for (var index = 0; index < args.Count; index++)
        {
            var arg = args[index];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(arg);
                continue;
            }

            var hasValue = index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal);
            options[arg[2..]] = hasValue ? args[++index] : null;
        }

        return new CommandLine(options, words);
    }

    public string? Value(string name) => options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => options.ContainsKey(name);
}
