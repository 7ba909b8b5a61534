using System.Net;
using HipaaAi.Shared.Approvals;

namespace HipaaAi.Functions.Approvals;

/// <summary>The two tiny pages a signed approval link shows; self-contained, no scripts, nothing loaded from elsewhere.</summary>
internal static class DecisionPages
{
    private const string Head = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Approval</title>
        <meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">
        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}</style>
        </head><body>
        """;

    public static string Confirm(ApprovalDecision decision, string token)
    {
        var title = WebUtility.HtmlEncode(AdaptiveCardBuilder.TitleOf(decision));
        return Head + $"""
            <h1>{title}?</h1>
            <form method="post">
            <input type="hidden" name="token" value="{WebUtility.HtmlEncode(token)}">
            <input type="hidden" name="decision" value="{decision}">
            <p><label>Comment (optional)<br><textarea name="comment" maxlength="1000" rows="4" cols="40"></textarea></label></p>
            <p><button type="submit">{title}</button></p>
            </form></body></html>
            """;
    }

    public static string Message(string message) =>
        Head + $"<p>{WebUtility.HtmlEncode(message)}</p></body></html>";
}
