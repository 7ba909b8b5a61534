using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class PatientConsistencyCheckTests
{
    private static List<PageText> Pages(params string[] texts) =>
        texts.Select((t, i) => new PageText(i + 1, t, 0.9, 0, PageTextSource.Ocr)).ToList();

    public static TheoryData<string[], string[]> Cases() => new()
    {
        {
            ["Patient: Thea Ashwick  DOB: 03/04/1961\nMRN: 00482913", "Patient: ASHWICK, THEA  DOB: 1961-03-04", "MRN 00482913"],
            []
        },
        {
            ["Patient: Thea Ashwick  DOB: 03/04/1961\nMRN: 00482913", "notes", "Patient: Thea Ashwick\nMRN: 00990017"],
            ["page 3: patient MRN differs from page 1"]
        },
        {
            ["Patient: Thea Ashwick  DOB: 03/04/1961", "Patient: Oren Mossdale  DOB: 11/09/1975"],
            ["page 2: patient date of birth differs from page 1", "page 2: patient name differs from page 1"]
        },
        {
            ["no identity here", "MRN: 00482913", "Patient: Thea Ashwick", "MRN: 00482914"],
            ["page 4: patient MRN differs from page 2"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_Pages_ReportsEachDifferingPartByPage(string[] pageTexts, string[] expected)
    {
        // Act
        var exceptions = PatientConsistencyCheck.Check(Pages(pageTexts));

        // Assert
        Assert.Equal(expected, exceptions);
    }

    [Fact]
    public void Check_MismatchedPage_MessageCarriesNoPatientValues()
    {
        // Arrange
        var pages = Pages("Patient: Thea Ashwick  DOB: 03/04/1961\nMRN: 00482913", "Patient: Oren Mossdale  DOB: 11/09/1975\nMRN: 00990017");

        // Act
        var exceptions = PatientConsistencyCheck.Check(pages);

        // Assert
        Assert.Equal(3, exceptions.Count);
        foreach (var value in new[] { "Ashwick", "Mossdale", "1961", "1975", "00482913", "00990017" })
        {
            Assert.DoesNotContain(exceptions, e => e.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Check_SyntheticMultiPageDocuments_AreConsistent()
    {
        // Arrange
        var documents = SyntheticDocuments.Corpus(seed: 31, perType: 6).Where(d => d.Pages.Count > 1).ToList();

        // Act
        var exceptions = documents.SelectMany(d => PatientConsistencyCheck.Check(d.ToPageTexts())).ToList();

        // Assert
        Assert.NotEmpty(documents);
        Assert.Empty(exceptions);
    }
}
