using System.Text;

namespace HipaaAi.Shared.Dictation;

/// <summary>
/// Word error rate: (substitutions + deletions + insertions) / reference words, by edit distance over words that
/// are lower-cased and stripped of punctuation (hyphens split words, as speech engines write them apart).
/// </summary>
public static class WordErrorRate
{
    public static (int Errors, int ReferenceWords) Count(string reference, string hypothesis)
    {
        var expected = Words(reference);
        var heard = Words(hypothesis);
        var previous = Enumerable.Range(0, heard.Count + 1).ToArray();
        var current = new int[heard.Count + 1];
        for (var row = 1; row <= expected.Count; row++)
        {
            current[0] = row;
            for (var column = 1; column <= heard.Count; column++)
            {
                var substitution = previous[column - 1]
                    + (string.Equals(expected[row - 1], heard[column - 1], StringComparison.Ordinal) ? 0 : 1);
                current[column] = Math.Min(substitution, Math.Min(previous[column] + 1, current[column - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return (previous[heard.Count], expected.Count);
    }

    public static double Compute(string reference, string hypothesis)
    {
        var (errors, words) = Count(reference, hypothesis);
        return words == 0 ? (errors == 0 ? 0 : 1) : (double)errors / words;
    }

    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var cleaned = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            cleaned.Append(char.IsLetterOrDigit(character) || character == '\'' ? char.ToLowerInvariant(character) : ' ');
        }

        return [.. cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}
