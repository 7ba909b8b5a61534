using System.Text;
using System.Text.Json;

namespace HipaaAi.Shared.Approvals;

/// <summary>Who is deciding: a stable id for the audit trail and the roles the identity provider granted.</summary>
public sealed record ApprovalActor(string Id, IReadOnlyList<string> Roles);

/// <summary>
/// Reads App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON of the signed-in user's
/// claims). Only meaningful where App Service authentication is in front of the app: it strips the header from
/// callers and sets it itself.
/// </summary>
public static class AppServicePrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static ApprovalActor? TryParse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var typ) ? typ.GetString() : "roles";
            var nameType = root.TryGetProperty("name_typ", out var name) ? name.GetString() : null;
            string? objectId = null;
            string? displayName = null;
            var roles = new List<string>();
            foreach (var claim in root.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString();
                var value = claim.GetProperty("val").GetString();
                if (value is null)
                {
                    continue;
                }

                if (type == roleType || type == "roles")
                {
                    roles.Add(value);
                }
                else if (type == ObjectIdClaim || type == "oid")
                {
                    objectId = value;
                }
                else if (type == nameType)
                {
                    displayName = value;
                }
            }

            // The directory object id is stable and not a name; fall back to the sign-in name only without it.
            var id = objectId ?? displayName;
            return id is null ? null : new ApprovalActor(id, roles.Distinct(StringComparer.Ordinal).ToList());
        }
        catch (Exception failure) when (failure is FormatException or JsonException or KeyNotFoundException
            or InvalidOperationException)
        {
            return null;
        }
    }
}
