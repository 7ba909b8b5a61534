using HipaaAi.Local.Commands;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HipaaAi.Integration.Tests.RecordsIntake;

/// <summary>A host whose page reader fails on every call, as an engine that is down or crashes would.</summary>
public sealed class FailingReaderFixture : LocalHostFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IPageReader, AlwaysFailingPageReader>());

    private sealed class AlwaysFailingPageReader : IPageReader
    {
        public string EngineName => "always-failing";

        public Task<IReadOnlyList<PageText>> ReadPagesAsync(
            string path, DocumentFormat format, IReadOnlyList<int> pageNumbers, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The reading engine is down.");
    }
}

public sealed class FailingEngineEndToEndTests(FailingReaderFixture host) : IClassFixture<FailingReaderFixture>
{
    [Fact]
    public async Task ActivityThatAlwaysThrows_QuarantinesTheFileOnceWithTheFailedStepAndAuditsEveryAttempt()
    {
        // Arrange
        var folder = Path.Combine(host.Paths.StateRoot, "failing");
        var labels = SampleFolder.Generate(folder, seed: 5, includeBenchmarkFax: false);
        var referral = labels.Files.Single(file => file.File == "referral.pdf");
        var only = Path.Combine(host.Paths.StateRoot, "only");
        Directory.CreateDirectory(only);
        File.Copy(Path.Combine(folder, referral.File), Path.Combine(only, referral.File));

        // Act
        var submitted = await IntakeBatch.SubmitFolderAsync(host.Store, only, default);
        var finished = await IntakeBatch.WaitForAllAsync(host.Session.Runtime.Client, submitted, TextWriter.Null, default);

        // Assert
        var result = Assert.Single(finished).Result!;
        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Equal($"{QuarantineReasons.ProcessingFailed}:{nameof(ReadPagesActivity)}", result.QuarantineReason);
        var blob = host.Store.Container(StorageNames.Quarantine)
            .GetBlobClient(result.QuarantineBlob![(StorageNames.Quarantine.Length + 1)..]);
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(QuarantineReasons.ProcessingFailed, metadata["reason"]);
        Assert.Equal(nameof(ReadPagesActivity), metadata["detail"]);

        var reader = host.Session.Services.GetRequiredService<AuditTrailReader>();
        var events = await reader.QueryAsync(
            new AuditQuery(Workflow.RecordsIntake) { InstanceId = submitted[0].InstanceId }, default);
        var failures = events.Where(record => record.Event.Action == AuditActions.ActivityFailed).ToList();
        Assert.Equal([1, 2, 3, 4], failures.Select(record => record.Event.Attempt).Order());
        Assert.All(failures, record => Assert.Equal(nameof(InvalidOperationException), record.Event.Detail));
        Assert.Single(events, record => record.Event.Activity == nameof(QuarantineActivity));
    }
}
