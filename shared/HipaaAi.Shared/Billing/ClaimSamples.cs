using System.Globalization;
using System.Text;

namespace HipaaAi.Shared.Billing;

/// <summary>A made-up patient of the generated claims: what a matching note in the records store needs.</summary>
/// <param name="LastName">NM103.</param>
/// <param name="FirstName">NM104.</param>
/// <param name="BirthDate">DMG02.</param>
/// <param name="MemberId">NM109 of the subscriber.</param>
public sealed record SamplePatient(string LastName, string FirstName, DateOnly BirthDate, string MemberId)
{
    /// <summary>Redacted: even made-up patients are treated as PHI.</summary>
    public override string ToString() => "SamplePatient(redacted)";
}

/// <summary>The clinical note of one generated visit, for seeding the records store as records intake would.</summary>
/// <param name="Patient">Whose visit.</param>
/// <param name="DateOfService">The visit date.</param>
/// <param name="Text">The note text (sections with headings).</param>
public sealed record SampleVisitNote(SamplePatient Patient, DateOnly DateOfService, string Text);

/// <summary>A generated claim file and what the workflow should do with it.</summary>
/// <param name="Name">File name (the extension tells X12 or JSON).</param>
/// <param name="Content">The file's text.</param>
/// <param name="Expectation">What should happen, in words, for the command's table.</param>
public sealed record SampleClaimFile(string Name, string Content, string Expectation);

/// <summary>
/// Writes the project's own 837P/837I and claim-JSON sample files (all identifiers made up): a clean visit, a file of
/// two claims with coding and documentation findings, an institutional claim, a JSON claim and a malformed file; and,
/// for benchmarks, one interchange of many claims.
/// </summary>
public static class ClaimSamples
{
    /// <summary>The visit date of every generated claim.</summary>
    public static readonly DateOnly VisitDate = new(2024, 3, 1);

    /// <summary>The patient of the clean office visit and the knee injection.</summary>
    public static readonly SamplePatient Ortiz = new("ORTIZ", "LENA", new DateOnly(1975, 6, 14), "SMP100200300");

    /// <summary>The patient of the JSON office visit.</summary>
    public static readonly SamplePatient Haddad = new("HADDAD", "OMAR", new DateOnly(1958, 11, 2), "SMP400500600");

    /// <summary>The sample claim files, in the order the command submits them.</summary>
    public static IReadOnlyList<SampleClaimFile> Files() =>
    [
        new("office-visit-clean.837", Interchange(Professional(Ortiz, "SMPCLEAN01", "COMMERCIAL-SAMPLE", null,
                ["HC:99213*95.00*UN*1***1"])),
            "clean: released straight to the outbox"),
        new("knee-and-ecg.837", Interchange(
                Professional(Ortiz, "SMPKNEE01", "COMMERCIAL-SAMPLE", null,
                    ["HC:99213*95.00*UN*1***1", "HC:20610:RT*150.00*UN*1***1"]),
                Professional(Haddad, "SMPECG01", "COMMERCIAL-SAMPLE", null,
                    ["HC:93000*40.00*UN*1***1", "HC:93005*25.00*UN*1***1"])),
            "two claims with findings: staff review, then released"),
        new("hospital-stay.837i", Interchange(Institutional(Haddad, "SMPHOSP01")),
            "837I without a note in the records store: staff review"),
        new("office-visit.json", ClaimJson.Serialize(X12ClaimParser.Parse(
                Interchange(Professional(Haddad, "SMPJSON01", "COMMERCIAL-SAMPLE", null,
                    ["HC:99214*140.00*UN*1***1"]))).Claims[0]),
            "claim JSON, clean: released straight to the outbox"),
        new("truncated.837", Truncated(), "malformed: quarantined with the parser's reason"),
    ];

    /// <summary>The notes of the generated visits that have one (the 837I stay has none, on purpose).</summary>
    public static IReadOnlyList<SampleVisitNote> Notes() =>
    [
        new(Ortiz, VisitDate,
            "Chief complaint: left knee pain for three weeks.\n" +
            "History of present illness: pain worse on stairs, no trauma.\n" +
            "Physical exam: effusion of the left knee, range of motion limited.\n" +
            "Procedure: arthrocentesis and joint injection of the left knee with triamcinolone.\n" +
            "Assessment and plan: primary osteoarthritis of the left knee; review in six weeks."),
        new(Haddad, VisitDate,
            "Chief complaint: intermittent palpitations.\n" +
            "History: hypertension, on lisinopril.\n" +
            "Examination: regular rhythm, vital signs stable.\n" +
            "12-lead ECG recorded and interpreted: sinus rhythm.\n" +
            "Assessment: palpitations, benign; plan: Holter monitor if they recur."),
    ];

    /// <summary>
    /// One 837P interchange of <paramref name="claimCount"/> claims cycling through clean and flawed patterns, for
    /// benchmarks: about a third clean, the rest with PTP, MUE, modifier, payer or code-set findings.
    /// </summary>
    public static string ManyClaims(int claimCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(claimCount, 1);

        string[][] patterns =
        [
            ["HC:99213*95.00*UN*1***1"],
            ["HC:99213*95.00*UN*1***1", "HC:20610:RT*150.00*UN*1***1"],
            ["HC:93000*40.00*UN*1***1", "HC:93005*25.00*UN*1***1"],
            ["HC:97140*60.00*UN*8***1"],
            ["HC:29881:LT*900.00*UN*1***1"],
            ["HC:99214*140.00*UN*1***1", "HC:36415*10.00*UN*1***1"],
        ];
        var claims = new List<string[]>(claimCount);
        for (var index = 0; index < claimCount; index++)
        {
            var patient = index % 2 == 0 ? Ortiz : Haddad;
            claims.Add(Professional(patient, $"SMPB{index:D7}", "COMMERCIAL-SAMPLE", null,
                patterns[index % patterns.Length]));
        }

        return Interchange([.. claims]);
    }

    private static string[] Professional(SamplePatient patient, string claimId, string payerId, string? priorAuth,
        string[] lines)
    {
        var total = lines.Sum(line => decimal.Parse(line.Split('*')[1], CultureInfo.InvariantCulture));
        var body = new List<string>
        {
            "BHT*0019*00*1*20240301*1200*CH",
            "NM1*41*2*SAMPLE BILLING*****46*SB001", "NM1*40*2*SAMPLE PAYER*****46*SP001",
            "HL*1**20*1", "NM1*85*2*NORTH SAMPLE CLINIC*****XX*1234567893",
            "HL*2*1*22*0", "SBR*P*18*******CI",
            $"NM1*IL*1*{patient.LastName}*{patient.FirstName}****MI*{patient.MemberId}",
            $"DMG*D8*{patient.BirthDate:yyyyMMdd}*F",
            $"NM1*PR*2*SAMPLE PAYER*****PI*{payerId}",
            string.Create(CultureInfo.InvariantCulture, $"CLM*{claimId}*{total:0.00}***11:B:1*Y*A*Y*Y"),
        };
        if (priorAuth is not null)
        {
            body.Add($"REF*G1*{priorAuth}");
        }

        body.Add("HI*ABK:M1712*ABF:I10");
        for (var line = 0; line < lines.Length; line++)
        {
            body.Add($"LX*{line + 1}");
            body.Add($"SV1*{lines[line]}");
            body.Add($"DTP*472*D8*{VisitDate:yyyyMMdd}");
        }

        return [.. body];
    }

    private static string[] Institutional(SamplePatient patient, string claimId) =>
    [
        "BHT*0019*00*1*20240301*1200*CH",
        "NM1*41*2*SAMPLE HOSPITAL*****46*SH001", "NM1*40*2*MEDICARE*****46*00435",
        "HL*1**20*1", "NM1*85*2*SAMPLE GENERAL HOSPITAL*****XX*1234567893",
        "HL*2*1*22*0", "SBR*P*18*******MB",
        $"NM1*IL*1*{patient.LastName}*{patient.FirstName}****MI*{patient.MemberId}",
        $"DMG*D8*{patient.BirthDate:yyyyMMdd}*M",
        "NM1*PR*2*MEDICARE B*****PI*00435",
        $"CLM*{claimId}*89.93***13:A:1*Y*A*Y*Y", "DTP*434*RD8*20240301-20240302", "CL1*3**01",
        "HI*ABK:R002", "NM1*71*1*SAMPLE*ATTENDING****XX*1234567893",
        "LX*1", "SV2*0305*HC:85025*13.39*UN*1", "DTP*472*D8*20240301",
        "LX*2", "SV2*0730*HC:93005*76.54*UN*3", "DTP*472*D8*20240301",
    ];

    /// <summary>The clean visit with its CLM02 amount mangled: the parser names the segment and element.</summary>
    private static string Truncated()
    {
        var text = Interchange(Professional(Ortiz, "SMPBAD01", "COMMERCIAL-SAMPLE", null,
            ["HC:99213*95.00*UN*1***1"]));
        return text.Replace("CLM*SMPBAD01*95.00*", "CLM*SMPBAD01*9S.OO*", StringComparison.Ordinal);
    }

    private static string Interchange(params string[][] transactions)
    {
        var version = transactions[0].Any(segment => segment.StartsWith("SV2", StringComparison.Ordinal))
            ? "005010X223A2" : "005010X222A1";
        var text = new StringBuilder();
        text.Append("ISA*00*          *00*          *ZZ*HIPAAAISAMPLE  *ZZ*CLEARINGHOUSE  *240301*1200*^*00501*")
            .Append("000000001*0*T*:~\n");
        text.Append(CultureInfo.InvariantCulture, $"GS*HC*HIPAAAI*CLEARING*20240301*1200*1*X*{version}~\n");
        for (var index = 0; index < transactions.Length; index++)
        {
            var control = (index + 1).ToString("0000", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"ST*837*{control}*{version}~\n");
            foreach (var segment in transactions[index])
            {
                text.Append(segment).Append("~\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"SE*{transactions[index].Length + 2}*{control}~\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"GE*{transactions.Length}*1~\n");
        text.Append("IEA*1*000000001~\n");
        return text.ToString();
    }
}
