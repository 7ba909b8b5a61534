using System.Collections.Concurrent;
using System.Security.Cryptography;
using HipaaAi.Local.Hosting;
using HipaaAi.Local.Review;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HipaaAi.Integration.Tests.Approvals;

/// <summary>
/// The whole local path: an approval orchestration on the local durable runtime (Azure Storage backend on the
/// emulator) posts its card to the review store; headless Chromium renders it with the Adaptive Cards renderer;
/// clicking Approve goes through the decision service and the orchestration completes with that decision.
/// </summary>
[Collection(EmulatorGroup.Name)]
public sealed class ReviewPageEndToEndTests(EmulatorFixture emulator)
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    [Fact]
    public async Task ReviewPage_ApproveOnAPendingCard_CompletesTheOrchestrationWithTheReviewersDecision()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var paths = emulator.Paths;
        var review = ReviewEndpoint.Reserve();
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var settings = review.Settings();
        settings["Local:TaskHubName"] = "reviewe2e" + suffix;
        settings[$"{ApprovalOptions.Section}:TableName"] = "reviewe2e" + suffix;
        var audit = new RecordingAuditSink();

        await using var session = await LocalSession.StartAsync(paths, timeout.Token, settings,
            services => services.AddSingleton<IAuditSink>(audit));
        await using var server = await ReviewServer.StartAsync(session.Services, paths, review, "e2e-reviewer",
            timeout.Token);
        var client = session.Runtime.Client;
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(ApprovalOrchestrator.Name, Request(),
            timeout.Token);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync();
        var consoleErrors = new ConcurrentQueue<string>();
        var requestedHosts = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Enqueue(message.Text);
            }
        };
        page.Request += (_, request) => requestedHosts.Enqueue(new Uri(request.Url).Host);

        // Act
        await page.GotoAsync(review.PageUrl.AbsoluteUri);
        var card = page.Locator("section.approval").First;
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
        await Assertions.Expect(card).ToContainTextAsync("Review a referral with a patient mismatch");
        await card.Locator("textarea").FillAsync("matches the chart");
        // Action.OpenUrl buttons carry the link role (the renderer's default for them, as in Teams).
        await card.GetByRole(AriaRole.Link, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Decision recorded.");
        var outcome = await CompletionAsync(client, instanceId, timeout.Token);

        // Assert
        Assert.Equal(ApprovalVerdict.Decided, outcome.Verdict);
        Assert.Equal(ApprovalDecision.Approve, outcome.Decision);
        Assert.Equal("e2e-reviewer", outcome.DecidedBy);
        Assert.Equal("matches the chart", outcome.Comment);
        Assert.Contains(audit.Events, item => item.Action == ApprovalAuditActions.Decided && item.Actor == "e2e-reviewer");
        Assert.Empty(consoleErrors);
        Assert.All(requestedHosts, host => Assert.Equal("127.0.0.1", host));
    }

    private static async Task<ApprovalOutcome> CompletionAsync(DurableTaskClient client, string instanceId,
        CancellationToken token)
    {
        while (true)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, token);
            if (state is { IsCompleted: true })
            {
                Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
                return state.ReadOutputAs<ApprovalOutcome>()!;
            }

            await Task.Delay(250, token);
        }
    }

    private static ApprovalRequest Request() => new(
        Workflow.RecordsIntake,
        "doc-e2e/01",
        ApprovalKinds.RecordReview,
        "Review a referral with a patient mismatch",
        [new ApprovalFact("Document", "Referral, pages 1-2"), new ApprovalFact("Patient", "A. S*** (MRN ***0192)")],
        0.71,
        ["PatientMismatch:page-2"],
        new Uri("http://127.0.0.1:9/records/doc-e2e/01"),
        [ApprovalDecision.Approve, ApprovalDecision.Reject],
        "RecordsReviewer",
        "records-reviewers",
        "records-supervisors",
        new ApprovalTiming(TimeSpan.FromHours(1), null, TimeSpan.FromMinutes(30), TimeSpan.FromDays(3)),
        new RetryPlan(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)));
}
