using System.Security.Cryptography;

namespace HipaaAi.Local.Hosting;

/// <summary>
/// Keys the embedded default needs, made on first use and kept in the machine's own state folder (readable by this
/// user only), never in a configuration file or the repository. In Azure the same settings are Key Vault references.
/// </summary>
public static class LocalKeys
{
    public static string PseudonymKey(LocalPaths paths) => ReadOrCreate(paths, "pseudonym.key");

    /// <summary>Signs local approval links; kept so links on cards still verify after the host restarts.</summary>
    public static string ApprovalLinkKey(LocalPaths paths) => ReadOrCreate(paths, "approval-link.key");

    private static string ReadOrCreate(LocalPaths paths, string name)
    {
        ArgumentNullException.ThrowIfNull(paths);

        var folder = Path.Combine(paths.StateRoot, "keys");
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var directory = Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            directory.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(key));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
