namespace HipaaAi.Shared.Storage;

/// <summary>
/// A file copied out of storage into a folder only this process can read. Disposing deletes the folder, so a
/// document's bytes never outlive the step that needed them on disk.
/// </summary>
public sealed class StagedFile : IDisposable
{
    private readonly string _folder;

    private StagedFile(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public string Path { get; }

    public static StagedFile Create(string extension)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hipaaai-" + Guid.NewGuid().ToString("N"));
        var directory = Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            directory.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        var safeExtension = extension.Length is > 0 and <= 8 && extension.All(c => c == '.' || char.IsAsciiLetterOrDigit(c))
            ? extension
            : ".bin";
        return new StagedFile(folder, System.IO.Path.Combine(folder, "document" + safeExtension));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: nothing to clean.
        }
    }
}
