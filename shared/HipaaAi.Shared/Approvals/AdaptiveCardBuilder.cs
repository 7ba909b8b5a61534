using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HipaaAi.Shared.Approvals;

/// <summary>One decision button: the signed link it opens and the token it carries for a bot or flow.</summary>
public sealed record ApprovalCardAction(ApprovalDecision Decision, Uri Link, string Token);

/// <summary>
/// What a card shows: what is to be decided, the caller's masked facts, confidence and exception codes, a link to
/// the record inside the PHI boundary and the decision buttons. Never document text.
/// </summary>
public sealed record ApprovalCardContent(
    string ApprovalId,
    string Title,
    string Workflow,
    string Kind,
    IReadOnlyList<ApprovalFact> Facts,
    double? Confidence,
    IReadOnlyList<string> Exceptions,
    Uri RecordLink,
    IReadOnlyList<ApprovalCardAction> Actions,
    string? StageNote,
    DateTimeOffset DecideBy);

/// <summary>Thrown when a card would break the minimum-necessary limits or the Teams message size.</summary>
public sealed class ApprovalCardException(string code, int size, int limit)
    : Exception($"The approval card was refused: {code} ({size} > {limit}).")
{
    public string Code { get; } = code;
}

/// <summary>
/// Builds Adaptive Card 1.5 JSON for approvals and the Teams Workflows message around it. The limits keep a card to
/// the minimum necessary and far below the ~28 KB Teams accepts, whatever a caller passes.
/// </summary>
public static class AdaptiveCardBuilder
{
    public const string SchemaVersion = "1.5";
    public const string ExecuteVerb = "approvalDecision";
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    public const int MaxFacts = 12;
    public const int MaxLabelLength = 40;
    public const int MaxValueLength = 160;
    public const int MaxExceptions = 10;
    public const int MaxExceptionLength = 80;
    public const int MaxTitleLength = 120;

    /// <summary>The envelope budget: Teams rejects messages over about 28 KB; keep a wide margin.</summary>
    public const int MaxEnvelopeBytes = 24 * 1024;

    public static JsonObject Build(ApprovalCardContent content, bool executeActions)
    {
        ArgumentNullException.ThrowIfNull(content);
        Validate(content);

        var body = new JsonArray
        {
            Text(content.Title, size: "Medium", weight: "Bolder"),
            Text(
                $"{content.Workflow} · {content.Kind} · decide by " +
                content.DecideBy.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                isSubtle: true),
        };

        if (content.StageNote is { Length: > 0 } note)
        {
            body.Add(Text(note, weight: "Bolder", color: "Attention"));
        }

        var facts = new JsonArray();
        foreach (var fact in content.Facts)
        {
            facts.Add(new JsonObject { ["title"] = fact.Label, ["value"] = fact.Value });
        }

        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });

        if (content.Confidence is { } confidence)
        {
            body.Add(Text(string.Create(CultureInfo.InvariantCulture, $"Confidence: {confidence:P0}")));
        }

        if (content.Exceptions.Count > 0)
        {
            body.Add(Text("Exceptions", weight: "Bolder", color: "Warning"));
            body.Add(Text(string.Join('\n', content.Exceptions.Select(code => "- " + code))));
        }

        body.Add(Text("Open the record inside the organization's network for details; this card holds no document text.",
            isSubtle: true, size: "Small"));

        var actions = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Action.OpenUrl",
                ["title"] = "View record",
                ["url"] = content.RecordLink.AbsoluteUri,
            },
        };
        foreach (var action in content.Actions)
        {
            actions.Add(executeActions ? Execute(content.ApprovalId, action) : OpenLink(action));
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = SchemaVersion,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
            ["actions"] = actions,
        };
    }

    /// <summary>Wraps a card in the message a Teams Workflows webhook accepts and checks its size.</summary>
    public static string Envelope(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);

        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = CardContentType, ["content"] = card.DeepClone() },
            },
        };
        var json = message.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        var size = System.Text.Encoding.UTF8.GetByteCount(json);
        if (size > MaxEnvelopeBytes)
        {
            throw new ApprovalCardException("EnvelopeTooLarge", size, MaxEnvelopeBytes);
        }

        return json;
    }

    /// <summary>Button text for a decision.</summary>
    public static string TitleOf(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Approve => "Approve",
        ApprovalDecision.Reject => "Reject",
        ApprovalDecision.EditAndApprove => "Edit and approve",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision."),
    };

    private static JsonObject OpenLink(ApprovalCardAction action) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = TitleOf(action.Decision),
        ["url"] = action.Link.AbsoluteUri,
        ["style"] = action.Decision == ApprovalDecision.Reject ? "destructive" : "positive",
    };

    private static JsonObject Execute(string approvalId, ApprovalCardAction action) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = TitleOf(action.Decision),
        ["verb"] = ExecuteVerb,
        ["data"] = new JsonObject
        {
            ["approvalId"] = approvalId,
            ["decision"] = action.Decision.ToString(),
            ["token"] = action.Token,
        },
        // Where no bot answers the invoke, the button still works as a signed link.
        ["fallback"] = OpenLink(action),
    };

    private static JsonObject Text(
        string text,
        string? size = null,
        string? weight = null,
        string? color = null,
        bool isSubtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (isSubtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    private static void Validate(ApprovalCardContent content)
    {
        Limit("TitleTooLong", content.Title.Length, MaxTitleLength);
        Limit("TooManyFacts", content.Facts.Count, MaxFacts);
        Limit("TooManyExceptions", content.Exceptions.Count, MaxExceptions);
        foreach (var fact in content.Facts)
        {
            Limit("FactLabelTooLong", fact.Label.Length, MaxLabelLength);
            Limit("FactValueTooLong", fact.Value.Length, MaxValueLength);
        }

        foreach (var exception in content.Exceptions)
        {
            Limit("ExceptionTooLong", exception.Length, MaxExceptionLength);
        }

        if (content.Actions.Count == 0)
        {
            throw new ApprovalCardException("NoDecisions", 0, 1);
        }
    }

    private static void Limit(string code, int size, int limit)
    {
        if (size > limit)
        {
            throw new ApprovalCardException(code, size, limit);
        }
    }
}
