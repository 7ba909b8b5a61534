using System.Text;

namespace HipaaAi.Shared.Phi;

/// <summary>
/// Makes a URL safe to log: keeps scheme, host, port and path; drops user info and fragment; replaces every query
/// value except a few harmless protocol parameters with <c>REDACTED</c>. SAS signatures (<c>sig</c>, <c>se</c>,
/// <c>sv</c>, ...), function keys (<c>code</c>) and any other token never survive.
/// </summary>
public static class UrlRedactor
{
    public const string Redacted = "REDACTED";

    private static readonly HashSet<string> HarmlessParameters =
        new(StringComparer.OrdinalIgnoreCase) { "api-version", "comp", "restype", "timeout" };

    public static string Redact(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || uri.IsFile)
        {
            return RedactQuery(uri.OriginalString);
        }

        var builder = new StringBuilder();
        builder.Append(uri.Scheme).Append("://").Append(uri.Host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        builder.Append(uri.AbsolutePath);
        if (uri.Query.Length > 1)
        {
            builder.Append('?').Append(RedactParameters(uri.Query[1..]));
        }

        return builder.ToString();
    }

    public static string Redact(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile ? Redact(uri) : RedactQuery(url);
    }

    private static string RedactQuery(string text)
    {
        var withoutFragment = text.Split('#', 2)[0];
        var parts = withoutFragment.Split('?', 2);
        return parts.Length == 1 ? parts[0] : parts[0] + "?" + RedactParameters(parts[1]);
    }

    private static string RedactParameters(string query) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(parameter =>
        {
            var name = parameter.Split('=', 2)[0];
            return HarmlessParameters.Contains(Uri.UnescapeDataString(name)) ? parameter : name + "=" + Redacted;
        }));
}
