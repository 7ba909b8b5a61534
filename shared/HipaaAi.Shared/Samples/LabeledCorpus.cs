using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Samples;

/// <summary>
/// A folder of documents with their expected results, for the eval command. Labels come from a labels.json at the
/// root when there is one (a generated sample set), otherwise from folder names: every file beneath a folder named
/// after a document type is labeled with that type (<see cref="TryMapFolderName"/>).
/// </summary>
public sealed record LabeledCorpus(string Root, IReadOnlyList<LabeledFile> Files, IReadOnlyList<string> Unlabeled)
{
    private static readonly Dictionary<string, DocumentType> FolderAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pa_form"] = DocumentType.PriorAuthorizationForm,
        ["doctor_notes"] = DocumentType.ClinicalNote,
        ["labs"] = DocumentType.LabResult,
        ["imaging"] = DocumentType.ImagingReport,
        ["policies"] = DocumentType.PayerPolicy,
    };

    /// <summary>Loads labels.json from <paramref name="root"/> if present, otherwise labels by folder names.</summary>
    public static LabeledCorpus Load(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Corpus folder '{root}' does not exist.");
        }

        var labelsPath = Path.Combine(root, SampleLabels.FileName);
        return File.Exists(labelsPath) ? FromLabelsFile(labelsPath) : FromFolderNames(root);
    }

    /// <summary>Loads a labels.json; file names in it are relative to the folder that holds it.</summary>
    public static LabeledCorpus FromLabelsFile(string labelsPath)
    {
        var labels = SampleLabels.Load(labelsPath);
        var root = Path.GetDirectoryName(Path.GetFullPath(labelsPath))!;
        return new LabeledCorpus(root, labels.Files, []);
    }

    /// <summary>
    /// Labels every file beneath a type-named folder with that type (the nearest such folder wins). Files under no
    /// such folder are listed in <see cref="Unlabeled"/>. Hidden files are skipped.
    /// </summary>
    public static LabeledCorpus FromFolderNames(string root)
    {
        var fullRoot = Path.GetFullPath(root);
        var files = new List<LabeledFile>();
        var unlabeled = new List<string>();
        var paths = Directory.EnumerateFiles(fullRoot, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(fullRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal);
        foreach (var relative in paths)
        {
            var folders = relative.Split('/')[..^1];
            DocumentType? type = null;
            foreach (var folder in folders.Reverse())
            {
                if (TryMapFolderName(folder, out var mapped))
                {
                    type = mapped;
                    break;
                }
            }

            if (type is null)
            {
                unlabeled.Add(relative);
                continue;
            }

            var document = new LabeledDocument(type.Value, null, null, null,
                new Dictionary<string, IReadOnlyList<string>>());
            files.Add(new LabeledFile(relative, SampleKind.FolderLabeled, ExpectedOutcome.Completed,
                PreflightVerdict.Accepted, null, new Dictionary<int, int>(), [document]));
        }

        return new LabeledCorpus(fullRoot, files, unlabeled);
    }

    /// <summary>
    /// Maps a folder name to a document type: the aliases pa_form, doctor_notes, labs, imaging and policies, or a
    /// <see cref="DocumentType"/> name in any letter case.
    /// </summary>
    public static bool TryMapFolderName(string folderName, out DocumentType type)
    {
        ArgumentNullException.ThrowIfNull(folderName);

        if (FolderAliases.TryGetValue(folderName, out type))
        {
            return true;
        }

        // Names only: Enum.TryParse would also accept numbers and comma-separated combinations.
        var name = Enum.GetNames<DocumentType>()
            .FirstOrDefault(candidate => string.Equals(candidate, folderName, StringComparison.OrdinalIgnoreCase));
        type = name is null ? default : Enum.Parse<DocumentType>(name);
        return name is not null;
    }

    /// <summary>The absolute path of a labeled file.</summary>
    public string PathOf(LabeledFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine(Root, file.File.Replace('/', Path.DirectorySeparatorChar));
    }
}
