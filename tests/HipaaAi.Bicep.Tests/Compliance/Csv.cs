namespace HipaaAi.Bicep.Tests.Compliance;

/// <summary>Reads the pack's RFC 4180 CSV files into rows keyed by header, for assertions.</summary>
public static class Csv
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var records = Parse(File.ReadAllText(path));
        var headers = records[0];
        return records.Skip(1)
            .Select(fields => (IReadOnlyDictionary<string, string>)headers
                .Select((header, index) => (header, value: fields[index]))
                .ToDictionary(pair => pair.header, pair => pair.value))
            .ToList();
    }

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields);
                    fields = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        return records;
    }
}
