using System.Globalization;

namespace HipaaAi.Shared.Billing;

/// <summary>The claims read from one X12 file, with the envelope counts that were verified.</summary>
/// <param name="Claims">Every claim, in file order.</param>
/// <param name="InterchangeCount">ISA/IEA pairs.</param>
/// <param name="GroupCount">GS/GE pairs.</param>
/// <param name="TransactionCount">ST/SE pairs.</param>
public sealed record X12ParseResult(IReadOnlyList<Claim> Claims, int InterchangeCount, int GroupCount,
    int TransactionCount);

/// <summary>
/// Reads X12 005010 837P (X222) and 837I (X223) files into <see cref="Claim"/>s without a third-party library: checks
/// the ISA/GS/ST envelopes (control numbers and counts), builds the 2000A/B/C hierarchy from HL parent ids and reads
/// each 2300 claim with its 2400 lines. Malformed input throws <see cref="X12ParseException"/> naming the position.
/// </summary>
public static class X12ClaimParser
{
    /// <summary>Parses every interchange, group and transaction in <paramref name="text"/>.</summary>
    public static X12ParseResult Parse(string text)
    {
        var claims = new List<Claim>();
        int interchanges = 0, groups = 0, transactions = 0;
        foreach (var (delimiters, segments) in X12Tokenizer.Tokenize(text))
        {
            interchanges++;
            var isa = segments[0];
            var groupsInInterchange = 0;
            var i = 1;
            while (i < segments.Count && segments[i].Id == "GS")
            {
                var gs = segments[i];
                groupsInInterchange++;
                var transactionsInGroup = 0;
                i++;
                while (i < segments.Count && segments[i].Id == "ST")
                {
                    var end = FindTransactionEnd(segments, i);
                    ValidateTransactionTrailer(segments[i], segments[end], end - i + 1);
                    var kind = KindOf(segments[i], gs);
                    var reader = new TransactionReader(kind, delimiters, segments[i][2]);
                    for (var s = i + 1; s < end; s++)
                    {
                        reader.Read(segments[s]);
                    }

                    claims.AddRange(reader.Finish());
                    transactionsInGroup++;
                    i = end + 1;
                }

                var ge = Expect(segments, i, "GE", "GS group is not closed by GE");
                ExpectCount(ge, 1, transactionsInGroup, "transaction sets");
                ExpectControl(ge, 2, gs, 6, "GE02 does not match GS06");
                transactions += transactionsInGroup;
                i++;
            }

            var iea = Expect(segments, i, "IEA", "expected GS or IEA");
            ExpectCount(iea, 1, groupsInInterchange, "functional groups");
            ExpectControl(iea, 2, isa, 13, "IEA02 does not match ISA13");
            groups += groupsInInterchange;
        }

        return new X12ParseResult(claims, interchanges, groups, transactions);
    }

    private static int FindTransactionEnd(IReadOnlyList<X12Segment> segments, int start)
    {
        for (var i = start + 1; i < segments.Count; i++)
        {
            switch (segments[i].Id)
            {
                case "SE":
                    return i;
                case "ST" or "GE" or "GS" or "IEA":
                    throw segments[i].Error("transaction set started by ST is not closed by SE");
            }
        }

        throw segments[start].Error("transaction set is not closed by SE");
    }

    private static void ValidateTransactionTrailer(X12Segment st, X12Segment se, int segmentCount)
    {
        if (st[1] != "837")
        {
            throw st.Error("only 837 transaction sets are supported", 1);
        }

        ExpectCount(se, 1, segmentCount, "segments");
        ExpectControl(se, 2, st, 2, "SE02 does not match ST02");
    }

    private static ClaimKind KindOf(X12Segment st, X12Segment gs)
    {
        var version = st[3].Length > 0 ? st[3] : gs[8];
        if (version.StartsWith("005010X222", StringComparison.Ordinal))
        {
            return ClaimKind.Professional;
        }

        if (version.StartsWith("005010X223", StringComparison.Ordinal))
        {
            return ClaimKind.Institutional;
        }

        throw st.Error("implementation guide is not 005010X222 (837P) or 005010X223 (837I)", 3);
    }

    private static X12Segment Expect(IReadOnlyList<X12Segment> segments, int i, string id, string problem)
    {
        if (i >= segments.Count)
        {
            throw new X12ParseException(problem, segments[^1].Index, segments[^1].Id);
        }

        return segments[i].Id == id ? segments[i] : throw segments[i].Error(problem);
    }

    private static void ExpectCount(X12Segment trailer, int element, int actual, string what)
    {
        if (!int.TryParse(trailer[element], NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
        {
            throw trailer.Error($"count of {what} is not a number", element);
        }

        if (declared != actual)
        {
            throw trailer.Error($"declares {declared} {what} but {actual} were found", element);
        }
    }

    private static void ExpectControl(X12Segment trailer, int element, X12Segment header, int headerElement,
        string problem)
    {
        if (!string.Equals(trailer[element].Trim(), header[headerElement].Trim(), StringComparison.Ordinal))
        {
            throw trailer.Error(problem, element);
        }
    }

    internal static decimal ParseAmount(X12Segment segment, int element, bool required)
    {
        var value = segment[element];
        if (value.Length == 0 && !required)
        {
            return 0m;
        }

        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw segment.Error(value.Length == 0 ? "required number is missing" : "is not a decimal number",
                element);
    }

    internal static DateOnly? ParseDate(X12Segment segment, int formatElement, int valueElement)
    {
        var format = segment[formatElement];
        var value = segment[valueElement];
        var text = format switch
        {
            "D8" => value,
            "RD8" => value.Split('-')[0],
            _ => throw segment.Error("date format qualifier must be D8 or RD8", formatElement),
        };
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date)
            ? date
            : throw segment.Error("is not a CCYYMMDD date", valueElement);
    }
}
