namespace HipaaAi.Shared.Documents;

/// <summary>Checks a file that has been staged on local disk: real format, pages, encryption, damage, limits.</summary>
public interface IDocumentInspector
{
    PreflightReport Inspect(string path);
}
