using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class SyntheticDocumentsTests
{
    public static TheoryData<DocumentType> AllTypes()
    {
        var data = new TheoryData<DocumentType>();
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Next_SameSeed_GivesSameDocument(DocumentType type)
    {
        // Arrange
        var first = new SyntheticDocuments(42);
        var second = new SyntheticDocuments(42);

        // Act
        var a = first.Next(type);
        var b = second.Next(type);

        // Assert
        Assert.Equal(type, a.Type);
        Assert.Equal(a.Pages, b.Pages);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Next_ManySeeds_EveryExpectedValueIsPrintedAndWellFormed(DocumentType type)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            // Arrange
            var generator = new SyntheticDocuments(seed);

            // Act
            var document = generator.Next(type);

            // Assert
            var text = document.FullText;
            Assert.All(document.Pages, page => Assert.Contains(SyntheticDocuments.SyntheticMarker, page, StringComparison.Ordinal));
            foreach (var npi in document.ExpectedFields.GetValueOrDefault(FieldNames.ProviderNpi) ?? [])
            {
                Assert.True(FieldValidators.Npi(npi).IsValid);
                Assert.Contains(npi, text, StringComparison.Ordinal);
            }

            foreach (var code in document.ExpectedFields.GetValueOrDefault(FieldNames.Icd10Codes) ?? [])
            {
                Assert.True(FieldValidators.Icd10Cm(code).IsValid, code);
                Assert.Contains(code, text, StringComparison.Ordinal);
            }

            foreach (var code in document.ExpectedFields.GetValueOrDefault(FieldNames.CptHcpcsCodes) ?? [])
            {
                Assert.True(FieldValidators.CptOrHcpcs(code).IsValid, code);
                Assert.Contains(code, text, StringComparison.Ordinal);
            }

            foreach (var value in document.ExpectedFields.GetValueOrDefault(FieldNames.MemberId) ?? [])
            {
                Assert.Contains(value, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Next_SeveralSeeds_VariesWordingAndPageCount()
    {
        // Arrange
        var generator = new SyntheticDocuments(7);

        // Act
        var notes = Enumerable.Range(0, 30).Select(_ => generator.Next(DocumentType.ClinicalNote)).ToList();

        // Assert
        Assert.True(notes.Select(n => n.Title).Distinct().Count() >= 3);
        Assert.Contains(notes, n => n.Pages.Count > 1);
        Assert.Contains(notes.Where(n => n.Pages.Count > 1), n => n.Pages[1].Contains(" of ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NextFaxPacket_ManySeeds_StartsWithCoverAndPlacesPagesContiguously()
    {
        var sawTwoPatients = false;
        for (var seed = 0; seed < 30; seed++)
        {
            // Arrange
            var generator = new SyntheticDocuments(seed);

            // Act
            var packet = generator.NextFaxPacket();

            // Assert
            Assert.Equal(DocumentType.FaxCoverSheet, packet.Documents[0].Document.Type);
            Assert.Equal(1, packet.Documents[0].FirstPage);
            Assert.InRange(packet.Documents.Count, 3, 5);
            for (var i = 1; i < packet.Documents.Count; i++)
            {
                Assert.Equal(packet.Documents[i - 1].LastPage + 1, packet.Documents[i].FirstPage);
            }

            Assert.Equal(packet.Documents[^1].LastPage, packet.Pages.Count);
            Assert.Equal(Enumerable.Range(1, packet.Pages.Count), packet.Pages.Select(p => p.PageNumber));
            sawTwoPatients |= packet.PatientCount == 2;
        }

        Assert.True(sawTwoPatients);
    }
}
