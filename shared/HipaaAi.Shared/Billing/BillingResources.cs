namespace HipaaAi.Shared.Billing;

/// <summary>The sample tables and example configuration embedded in the assembly.</summary>
public static class BillingResources
{
    /// <summary>The shipped PTP sample (NOT the CMS table).</summary>
    public const string PtpSample = "Data.ncci-ptp-practitioner-sample.txt";

    /// <summary>The shipped MUE sample (NOT the CMS table).</summary>
    public const string MueSample = "Data.mue-practitioner-sample.csv";

    /// <summary>The example payer rules.</summary>
    public const string PayerRulesExample = "Config.payer-rules.json";

    /// <summary>Opens an embedded resource by its name under HipaaAi.Shared.Billing.</summary>
    public static Stream Open(string name) =>
        typeof(BillingResources).Assembly.GetManifestResourceStream("HipaaAi.Shared.Billing." + name)
        ?? throw new FileNotFoundException("Embedded billing resource is missing.", name);

    /// <summary>The shipped PTP sample table.</summary>
    public static PtpEditTable LoadSamplePtp()
    {
        using var reader = new StreamReader(Open(PtpSample));
        return PtpEditTable.Load(reader);
    }

    /// <summary>The shipped MUE sample table.</summary>
    public static MueTable LoadSampleMue()
    {
        using var reader = new StreamReader(Open(MueSample));
        return MueTable.Load(reader);
    }

    /// <summary>The example payer rules.</summary>
    public static PayerRules LoadExamplePayerRules()
    {
        using var stream = Open(PayerRulesExample);
        return PayerRules.Load(stream);
    }
}
