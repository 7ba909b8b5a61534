using System.Globalization;
using System.Text;
using HipaaAi.Shared.Billing;

namespace HipaaAi.Shared.Tests.Billing;

/// <summary>Writes X12 837 text in code: segments are given with * and : and converted to the chosen delimiters.
/// </summary>
internal sealed class X12Writer(
    char element = '*', char component = ':', char terminator = '~', string lineBreak = "\n")
{
    public const string Professional = "005010X222A1";
    public const string Institutional = "005010X223A2";

    private readonly List<(string Version, List<string> Body)> transactions = [];

    public string? SeCountOverride { get; set; }

    public string? SeControlOverride { get; set; }

    public string? GeCountOverride { get; set; }

    public string? IeaControlOverride { get; set; }

    public bool OmitIea { get; set; }

    public X12Writer Transaction(string version, params string[] body)
    {
        transactions.Add((version, body.ToList()));
        return this;
    }

    public string Build()
    {
        var text = new StringBuilder();
        Segment(text, "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*" +
                      "000000001*0*P*" + component, raw: true);
        Segment(text, "GS*HC*SENDER*RECEIVER*20240101*1200*7*X*" + transactions[0].Version);
        for (var t = 0; t < transactions.Count; t++)
        {
            var (version, body) = transactions[t];
            var control = (t + 1).ToString("0000", CultureInfo.InvariantCulture);
            Segment(text, $"ST*837*{control}*{version}");
            foreach (var segment in body)
            {
                Segment(text, segment);
            }

            var count = SeCountOverride ?? (body.Count + 2).ToString(CultureInfo.InvariantCulture);
            Segment(text, $"SE*{count}*{SeControlOverride ?? control}");
        }

        Segment(text, $"GE*{GeCountOverride ?? transactions.Count.ToString(CultureInfo.InvariantCulture)}*7");
        if (!OmitIea)
        {
            Segment(text, $"IEA*1*{IeaControlOverride ?? "000000001"}");
        }

        return text.ToString();
    }

    private void Segment(StringBuilder text, string segment, bool raw = false)
    {
        var converted = raw ? segment.Replace('*', element) : segment.Replace('*', element).Replace(':', component);
        text.Append(converted).Append(terminator).Append(lineBreak);
    }
}

/// <summary>Standard 837 bodies and claims for the tests. All identifiers are made up.</summary>
internal static class BillingTestKit
{
    public static readonly DateOnly Visit = new(2024, 3, 1);

    public static string[] ProfessionalBody(string claimId = "CLAIM1", string payerId = "COMMERCIAL-SAMPLE",
        params string[] lines) =>
    [
        "BHT*0019*00*1*20240301*1200*CH",
        "HL*1**20*1", "NM1*85*2*NORTH CLINIC*****XX*1234567893",
        "HL*2*1*22*0", "SBR*P*18*******CI", "NM1*IL*1*DOE*JANE****MI*MEMBER123", "DMG*D8*19800101*F",
        "NM1*PR*2*PAYER ONE*****PI*" + payerId,
        $"CLM*{claimId}*250.00***11:B:1*Y*A*Y*Y", "REF*G1*AUTH1", "HI*ABK:M1711*ABF:Z7901",
        .. lines.Length > 0 ? lines :
        [
            "LX*1", "SV1*HC:99213:25*100.00*UN*1***1:2", "DTP*472*D8*20240301",
            "LX*2", "SV1*HC:20610:RT*150.00*UN*1***1", "DTP*472*D8*20240301",
        ],
    ];

    public static string[] InstitutionalBody() =>
    [
        "BHT*0019*00*1*20240301*1200*CH",
        "HL*1**20*1", "NM1*85*2*GENERAL HOSPITAL*****XX*1234567893",
        "HL*2*1*22*0", "SBR*P*18*******MB", "NM1*IL*1*ROE*RICHARD****MI*MEMBER456",
        "NM1*PR*2*MEDICARE B*****PI*00435",
        "CLM*HOSP1*89.93***13:A:1*Y*A*Y*Y", "DTP*434*RD8*20240301-20240302", "CL1*3**01",
        "HI*ABK:I10:::::::Y*ABF:E119", "HI*BH:A1:D8:19261111", "NM1*71*1*JONES*JOHN****XX*1122334455",
        "LX*1", "SV2*0305*HC:85025*13.39*UN*1", "DTP*472*D8*20240301",
        "LX*2", "SV2*0730*HC:93005*76.54*UN*3",
    ];

    public static ServiceLine Line(int number, string code, params string[] modifiers) =>
        new(number, "HC", code, modifiers, 100m, "UN", 1m, [1], ServiceDate: Visit);

    public static Claim Claim(params ServiceLine[] lines) => Claim("COMMERCIAL-SAMPLE", null, lines);

    public static Claim Claim(string payerId, string? priorAuthorization, params ServiceLine[] lines) =>
        new(ClaimKind.Professional, "CLAIM1", lines.Sum(line => line.Charge), "11", "1",
            [
                new Diagnosis("ABK", "M1711", DiagnosisCodeSystem.Icd10Cm),
                new Diagnosis("ABF", "Z7901", DiagnosisCodeSystem.Icd10Cm),
            ],
            priorAuthorization, null, "1234567893", null, null, payerId, "PAYER ONE", "MEMBER123",
            new PatientReference("MEMBER123", true, "18", "DOE", "JANE", new DateOnly(1980, 1, 1)), Visit, lines);

    public static BillingReviewOptions Options() => new();

    public static BillingTables SampleTables() => BillingTables.Load(new BillingReviewOptions());

    public static TimeProvider Clock { get; } = new FixedClock();

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    }
}
