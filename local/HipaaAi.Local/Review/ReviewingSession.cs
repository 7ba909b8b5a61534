using HipaaAi.Local.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Review;

/// <summary>
/// What every command that runs a workflow with staff decisions starts: the local session, its review page on
/// 127.0.0.1 (cards link to it) and, only when asked, the auto-approver. Disposing stops them in reverse order.
/// </summary>
public sealed class ReviewingSession : IAsyncDisposable
{
    private readonly ReviewServer _server;
    private readonly CancellationTokenSource _stopApprover;
    private readonly Task _approver;

    private ReviewingSession(LocalSession session, ReviewServer server, Uri pageUrl, CancellationTokenSource stop,
        Task approver)
    {
        Session = session;
        _server = server;
        PageUrl = pageUrl;
        _stopApprover = stop;
        _approver = approver;
    }

    public LocalSession Session { get; }

    public Uri PageUrl { get; }

    public static async Task<ReviewingSession> StartAsync(
        LocalPaths paths,
        bool autoApprove,
        CancellationToken cancellationToken,
        IDictionary<string, string?>? extraSettings = null)
    {
        ArgumentNullException.ThrowIfNull(paths);

        var review = ReviewEndpoint.Reserve();
        var settings = review.Settings();
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var session = await LocalSession.StartAsync(paths, cancellationToken, settings).ConfigureAwait(false);
        var server = await ReviewServer.StartAsync(session.Services, paths, review, Environment.UserName,
            cancellationToken).ConfigureAwait(false);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var approver = autoApprove
            ? new AutoApprover(session.Services, session.Services.GetRequiredService<ILogger<AutoApprover>>())
                .RunAsync(stop.Token)
            : Task.CompletedTask;
        return new ReviewingSession(session, server, review.PageUrl, stop, approver);
    }

    /// <summary>Stops deciding automatically (the work it waited for is done); the page stays up until disposal.</summary>
    public async Task StopAutoApproverAsync()
    {
        await _stopApprover.CancelAsync().ConfigureAwait(false);
        await _approver.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAutoApproverAsync().ConfigureAwait(false);
        _stopApprover.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
        await Session.DisposeAsync().ConfigureAwait(false);
    }
}
