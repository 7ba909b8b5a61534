using HipaaAi.Shared.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Tests.Audit;

public sealed class AuditRetentionOptionsTests
{
    private static AuditRetentionOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging()
            .AddLocalAudit(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AuditRetentionOptions>>().Value;
    }

    [Fact]
    public void For_NothingConfigured_GivesSixYearsTotalAndNinetyDaysInteractive()
    {
        // Act
        var policy = new AuditRetentionOptions().For(Workflow.PriorAuthorization);

        // Assert
        Assert.Equal(new RetentionPolicy(Workflow.PriorAuthorization, "prior-auth", 90, 2190), policy);
    }

    [Fact]
    public void For_ConfiguredSection_OverridesOnlyGivenValues()
    {
        // Arrange
        var options = Bind(new()
        {
            ["Audit:Retention:Dictation:TotalDays"] = "3650",
            ["Audit:Retention:Dictation:RetentionClass"] = "dictation-long",
        });

        // Act
        var policy = options.For(Workflow.Dictation);

        // Assert
        Assert.Equal(new RetentionPolicy(Workflow.Dictation, "dictation-long", 90, 3650), policy);
        Assert.Equal(2190, options.For(Workflow.RecordsIntake).TotalDays);
    }

    [Theory]
    [InlineData("Audit:Retention:BillingReview:TotalDays", "365", "Audit:Retention:BillingReview:TotalDays")]
    [InlineData("Audit:Retention:RecordsIntake:InteractiveDays", "1", "Audit:Retention:RecordsIntake:InteractiveDays")]
    [InlineData("Audit:Retention:Dictation:RetentionClass", "Has Spaces", "Audit:Retention:Dictation:RetentionClass")]
    public void Bind_InvalidValue_FailsNamingTheSetting(string key, string value, string named)
    {
        // Act
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        // Assert
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
