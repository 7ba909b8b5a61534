using System.Diagnostics;
using System.Text;
using HipaaAi.Shared.Billing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using static HipaaAi.Shared.Tests.Billing.BillingTestKit;

namespace HipaaAi.Shared.Tests.Billing;

public sealed class BillingReviewTests(ITestOutputHelper output)
{
    [Fact]
    public void ClaimJson_RoundTrip_KeepsEveryField()
    {
        // Arrange
        var text = new X12Writer()
            .Transaction(X12Writer.Professional, ProfessionalBody())
            .Transaction(X12Writer.Institutional, InstitutionalBody()).Build();
        var claims = X12ClaimParser.Parse(text).Claims;

        // Act
        var json = ClaimJson.SerializeMany(claims);
        var back = ClaimJson.Deserialize(json);

        // Assert
        Assert.Equal(json, ClaimJson.SerializeMany(back));
        Assert.Equal(claims[0] with { Diagnoses = [], Lines = [] }, back[0] with { Diagnoses = [], Lines = [] });
        Assert.Equal(claims[1].Lines[1] with { Modifiers = [], DiagnosisPointers = [] },
            back[1].Lines[1] with { Modifiers = [], DiagnosisPointers = [] });
        Assert.Contains("\"kind\":\"Institutional\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"claimId\":\"C1\",\"totalCharge\":\"ten\"}")]
    [InlineData("{\"kind\":\"Professional\"}")]
    [InlineData("[{")]
    public void ClaimJson_Malformed_ThrowsFormatException(string json)
    {
        // Act
        var error = Assert.Throws<FormatException>(() => ClaimJson.Deserialize(json));

        // Assert
        Assert.StartsWith("Claim JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FindingSeverity.Info, 2)]
    [InlineData(FindingSeverity.Warning, 1)]
    public async Task ReviewX12Async_ClaimsWithFindings_CountsAndSummarizes(FindingSeverity threshold,
        int expectedReviews)
    {
        // Arrange
        var text = new X12Writer()
            .Transaction(X12Writer.Professional, ProfessionalBody("INFO1", lines:
            [
                "LX*1", "SV1*HC:97530*100.00*UN*1***1", "DTP*472*D8*20240301",
                "LX*2", "SV1*HC:97140:XS*50.00*UN*1***1", "DTP*472*D8*20240301",
            ]))
            .Transaction(X12Writer.Professional, ProfessionalBody("DIRTY1", lines:
            [
                "LX*1", "SV1*HC:99213*100.00*UN*1***1", "DTP*472*D8*20240301",
                "LX*2", "SV1*HC:20610*150.00*UN*1***4", "DTP*472*D8*20240301",
            ])).Build();
        var options = Options();
        options.StaffReviewThreshold = threshold;
        var review = BillingReview.Create(options, time: Clock);

        // Act
        var report = await review.ReviewX12Async(text, CancellationToken.None);

        // Assert
        Assert.Equal(["INFO1", "DIRTY1"], report.Claims.Select(c => c.ClaimId));
        Assert.Equal(BillingRules.PtpBypassed, Assert.Single(report.Claims[0].Findings).Rule);
        Assert.Equal([BillingRules.DiagnosisPointerInvalid, BillingRules.Modifier25Missing,
            BillingRules.LateralityMissing], report.Claims[1].Findings.Select(f => f.Rule).Order());
        Assert.Equal(3, report.CountsBySeverity[FindingSeverity.Error]);
        Assert.Equal(0, report.CountsBySeverity[FindingSeverity.Warning]);
        Assert.Equal(1, report.CountsBySeverity[FindingSeverity.Info]);
        Assert.Equal(expectedReviews, report.ClaimsNeedingReview);
        var summary = report.ToPlainText();
        Assert.Contains("Claim DIRTY1 (Professional, 250.00):", summary, StringComparison.Ordinal);
        Assert.Contains("Fix: ", summary, StringComparison.Ordinal);
        Assert.Equal(threshold == FindingSeverity.Info, summary.Contains("Claim INFO1", StringComparison.Ordinal));
        Assert.DoesNotContain("MEMBER123", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("JANE", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBillingReview_ConfiguredTablesAndNoteSource_UsesThem()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("billing-tables-");
        try
        {
            var ptpPath = Path.Combine(folder.FullName, "ptp.txt");
            await File.WriteAllTextAsync(ptpPath,
                "Column 1\tColumn 2\n99213\t36415\t\t20200101\t*\t0\tTest rationale\n");
            var services = new ServiceCollection()
                .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
                .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
                .AddSingleton<IClinicalNoteSource>(new FixedNotes());
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BillingReview:PtpTablePath"] = ptpPath,
                ["BillingReview:StaffReviewThreshold"] = "Error",
            }).Build();
            services.AddBillingReview(configuration);
            using var provider = services.BuildServiceProvider();
            var review = provider.GetRequiredService<BillingReview>();

            // Act
            var report = await review.ReviewAsync([Claim(Line(1, "99213", "25"), Line(2, "36415"))],
                CancellationToken.None);

            // Assert
            var rules = report.Claims[0].Findings.Select(f => f.Rule).ToList();
            output.WriteLine(string.Join(", ", rules));
            Assert.Contains(BillingRules.PtpNotBypassable, rules);
            Assert.Contains(BillingRules.DocumentationSupports, rules);
            Assert.Equal(FindingSeverity.Error, report.StaffReviewThreshold);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task ReviewFileAsync_TenThousandClaims_ReviewsAllAndPrintsThroughput()
    {
        // Arrange
        var lines = new[]
        {
            "LX*1", "SV1*HC:99213:25*100.00*UN*1***1", "DTP*472*D8*20240301",
            "LX*2", "SV1*HC:20610:RT*150.00*UN*1***1:2", "DTP*472*D8*20240301",
        };
        var writer = new X12Writer();
        for (var t = 0; t < 100; t++)
        {
            var body = new List<string>
            {
                "BHT*0019*00*1*20240301*1200*CH", "HL*1**20*1", "NM1*85*2*CLINIC*****XX*1234567893",
            };
            for (var c = 0; c < 100; c++)
            {
                body.AddRange([$"HL*{c + 2}*1*22*0", "SBR*P*18*******CI", $"NM1*IL*1*DOE*J****MI*M{c:000}",
                    "NM1*PR*2*PAYER*****PI*COMMERCIAL-SAMPLE", $"CLM*C{t:000}{c:000}*250.00***11:B:1*Y*A*Y*Y",
                    "HI*ABK:M1711*ABF:S8001XA", .. lines]);
            }

            writer.Transaction(X12Writer.Professional, [.. body]);
        }

        var path = Path.Combine(Path.GetTempPath(), $"billing-bench-{Guid.NewGuid():N}.837");
        await File.WriteAllTextAsync(path, writer.Build(), Encoding.ASCII);
        var review = BillingReview.Create(time: Clock);
        try
        {
            // Act
            var stopwatch = Stopwatch.StartNew();
            var report = await review.ReviewFileAsync(path, CancellationToken.None);
            stopwatch.Stop();

            // Assert
            Assert.Equal(10_000, report.Claims.Count);
            Assert.All(report.Claims, claim => Assert.Empty(claim.Findings));
            output.WriteLine($"{report.Claims.Count} claims in {stopwatch.ElapsedMilliseconds} ms: " +
                             $"{report.Claims.Count / stopwatch.Elapsed.TotalSeconds:0} claims/s");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class FixedNotes : IClinicalNoteSource
    {
        public Task<ClinicalNote?> FindNoteAsync(PatientReference patient, DateOnly dateOfService,
            CancellationToken cancellationToken) =>
            Task.FromResult<ClinicalNote?>(new ClinicalNote("N1",
                "HPI: fatigue. Exam: normal. Plan: labs. Venipuncture performed for CBC."));
    }
}
