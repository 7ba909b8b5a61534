using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;

namespace HipaaAi.Orchestrations.RecordsIntake.Trigger;

/// <summary>Records-intake settings, bound from the <c>Intake</c> configuration section.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public int PagesPerReadBatch { get; set; } = IntakeSettings.Default.PagesPerReadBatch;

    /// <summary>How long to wait for an empty blob to be written before it is quarantined as empty.</summary>
    public int EmptyFileGraceSeconds { get; set; } = (int)IntakeSettings.Default.EmptyFileGrace.TotalSeconds;

    public int EmptyFileChecks { get; set; } = IntakeSettings.Default.EmptyFileChecks;

    public int MaxAttempts { get; set; } = RetryPlan.Default.MaxAttempts;

    public double FirstRetryDelaySeconds { get; set; } = RetryPlan.Default.FirstDelay.TotalSeconds;

    public double MaxRetryDelaySeconds { get; set; } = RetryPlan.Default.MaxDelay.TotalSeconds;

    public IntakeSettings ToSettings()
    {
        var retry = new RetryPlan(MaxAttempts, TimeSpan.FromSeconds(FirstRetryDelaySeconds),
            TimeSpan.FromSeconds(MaxRetryDelaySeconds));
        retry.Validate();
        if (PagesPerReadBatch < 1 || EmptyFileChecks < 1 || EmptyFileGraceSeconds < 0)
        {
            throw new InvalidOperationException(
                "Intake settings need PagesPerReadBatch >= 1, EmptyFileChecks >= 1 and EmptyFileGraceSeconds >= 0.");
        }

        return new IntakeSettings(PagesPerReadBatch, TimeSpan.FromSeconds(EmptyFileGraceSeconds), EmptyFileChecks, retry);
    }
}
