using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HipaaAi.Shared.Audit;

/// <summary>
/// The one canonical serialization of chain lines. The hash covers exactly the bytes this writes for
/// sequence, recorded time and event, so verification re-serializes parsed lines the same way.
/// </summary>
internal static class ChainJson
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,

        // Minimal escaping (quotes, backslashes, control characters) so any JSON library can reproduce the hashed
        // bytes; the default encoder escapes '+' in strings but not in the dates it formats itself. These files are
        // never embedded in HTML, which is what the stricter encoder guards against.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ComputeHash(string previousHash, long sequence, DateTimeOffset recordedAt, AuditEvent auditEvent)
    {
        var body = JsonSerializer.Serialize(new ChainBody(sequence, recordedAt, auditEvent), Options);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + body));
        return Convert.ToHexStringLower(hash);
    }

    public static string ToLine(AuditRecord record) =>
        JsonSerializer.Serialize(
            new ChainLine(record.Sequence, record.RecordedAt, record.PreviousHash, record.Hash, record.Event), Options);

    /// <summary>Parses one line; null when it is not a complete chain line.</summary>
    public static AuditRecord? TryParse(string line)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<ChainLine>(line, Options);
            if (parsed?.Event is null || parsed.Prev is null || parsed.Hash is null)
            {
                return null;
            }

            return new AuditRecord(parsed.Seq, parsed.RecordedAt, parsed.Prev, parsed.Hash, parsed.Event);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool HashMatches(AuditRecord record) =>
        string.Equals(
            ComputeHash(record.PreviousHash, record.Sequence, record.RecordedAt, record.Event),
            record.Hash,
            StringComparison.Ordinal);

    private sealed record ChainBody(long Seq, DateTimeOffset RecordedAt, AuditEvent Event);

    private sealed record ChainLine(long Seq, DateTimeOffset RecordedAt, string? Prev, string? Hash, AuditEvent? Event);
}
