using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Tests.Reading;

public sealed class TesseractOutputTests
{
    [Fact]
    public void ParseTsv_WordsOnTwoLinesAndTwoBlocks_BuildsLinesAndMeanConfidence()
    {
        // Arrange
        const string tsv =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
            "1\t1\t0\t0\t0\t0\t0\t0\t1700\t2200\t-1\t\n" +
            "4\t1\t1\t1\t1\t0\t10\t10\t300\t30\t-1\t\n" +
            "5\t1\t1\t1\t1\t1\t10\t10\t100\t30\t90.5\tLab\n" +
            "5\t1\t1\t1\t1\t2\t120\t10\t100\t30\t80.5\tresults\n" +
            "5\t1\t1\t1\t2\t1\t10\t50\t100\t30\t70\tattached\n" +
            "5\t1\t1\t1\t2\t2\t120\t50\t100\t30\t95\t \n" +
            "5\t1\t2\t1\t1\t1\t10\t400\t100\t30\t60\tPage\n";

        // Act
        var result = TesseractOutput.ParseTsv(tsv);

        // Assert
        Assert.Equal("Lab results\nattached\n\nPage", result.Text);
        Assert.Equal(4, result.WordCount);
        Assert.Equal(0.7525, result.Confidence, precision: 6);
    }

    [Fact]
    public void ParseTsv_WordsStandingUpright_ReportsTheShareOfHorizontalWords()
    {
        // Arrange: a sideways page reads well, but its longer words are taller than wide; short words tell nothing.
        const string tsv =
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
            "5\t1\t1\t1\t1\t1\t10\t10\t30\t120\t95\tReferral\n" +
            "5\t1\t1\t1\t1\t2\t10\t140\t30\t90\t94\tpatient\n" +
            "5\t1\t1\t1\t1\t3\t10\t240\t30\t30\t96\tto\n" +
            "5\t1\t1\t1\t2\t1\t50\t10\t100\t30\t93\tcardiology\n";

        // Act
        var result = TesseractOutput.ParseTsv(tsv);

        // Assert
        Assert.Equal(1.0 / 3.0, result.HorizontalShare, precision: 6);
    }

    [Fact]
    public void ParseTsv_NoWords_ReturnsEmptyTextAndZeroConfidence()
    {
        // Act
        var result = TesseractOutput.ParseTsv("level\tpage_num\n1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n");

        // Assert
        Assert.Equal((string.Empty, 0.0, 0), (result.Text, result.Confidence, result.WordCount));
    }

    [Theory]
    [InlineData("Page number: 0\nOrientation in degrees: 270\nRotate: 90\nOrientation confidence: 7.21\n", 90, 7.21)]
    [InlineData("Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 3.5\n", 180, 3.5)]
    [InlineData("Page number: 0\nOrientation in degrees: 0\nRotate: 0\nOrientation confidence: 12\n", 0, 12.0)]
    public void ParseOrientation_OsdOutput_ReturnsClockwiseTurn(string output, int rotate, double confidence)
    {
        // Act
        var orientation = TesseractOutput.ParseOrientation(output);

        // Assert
        Assert.Equal((rotate, confidence), orientation);
    }

    [Fact]
    public void ParseOrientation_TooFewCharacters_ReturnsNull()
    {
        // Act
        var orientation = TesseractOutput.ParseOrientation("Too few characters. Skipping this page\n");

        // Assert
        Assert.Null(orientation);
    }

    [Fact]
    public void ParseLanguages_ListLangsOutput_ReturnsCodes()
    {
        // Arrange
        const string output = "List of available languages in \"/usr/share/tesseract-ocr/5/tessdata/\" (2):\neng\nosd\n";

        // Act
        var languages = TesseractOutput.ParseLanguages(output);

        // Assert
        Assert.Equal(["eng", "osd"], languages.Order());
    }
}
