using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>Loads the page texts an earlier read step kept in the work container.</summary>
internal static class PageLoader
{
    public static async Task<IReadOnlyList<PageText>> LoadAsync(
        DocumentStore store,
        string documentId,
        int firstPage,
        int lastPage,
        CancellationToken cancellationToken)
    {
        var pages = new List<PageText>(lastPage - firstPage + 1);
        for (var page = firstPage; page <= lastPage; page++)
        {
            pages.Add(await store.ReadJsonAsync<PageText>(StorageNames.Work, WorkBlobs.Page(documentId, page),
                cancellationToken).ConfigureAwait(false));
        }

        return pages;
    }

    public static string JoinText(IReadOnlyList<PageText> pages) =>
        string.Join("\n\f\n", pages.Select(page => page.Text));
}
