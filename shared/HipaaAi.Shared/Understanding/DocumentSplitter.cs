using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Understanding;

/// <summary>
/// Splits a multi-document fax on four signals, strongest first: a fax cover sheet (a document of its own), a
/// "Page x of y" sequence (page 1 starts a document, page y ends it, page x+1 continues it), a change of patient
/// (name, date of birth or MRN differs from the current document's) and a change of form title.
/// </summary>
public sealed class DocumentSplitter : IDocumentSplitter
{
    public const string ReasonFirstPage = "first page";
    public const string ReasonFaxCover = "fax cover sheet";
    public const string ReasonAfterFaxCover = "page after a fax cover sheet";
    public const string ReasonPageOneOf = "page 1 of a numbered sequence";
    public const string ReasonSequenceEnded = "previous page ended its numbered sequence";
    public const string ReasonPatientChanged = "patient changed";
    public const string ReasonTitleChanged = "form title changed";

    /// <inheritdoc />
    public IReadOnlyList<DocumentSegment> Split(IReadOnlyList<PageText> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var segments = new List<DocumentSegment>();
        if (pages.Count == 0)
        {
            return segments;
        }

        var ordered = pages.OrderBy(p => p.PageNumber).ToList();
        var current = new SegmentState(ordered[0], ReasonFirstPage);
        for (var i = 1; i < ordered.Count; i++)
        {
            var page = new PageSignals(ordered[i]);
            var reason = StartReason(current, page);
            if (reason is null)
            {
                current.Add(page);
                continue;
            }

            segments.Add(current.ToSegment());
            current = new SegmentState(ordered[i], reason);
        }

        segments.Add(current.ToSegment());
        return segments;
    }

    private static string? StartReason(SegmentState current, PageSignals page)
    {
        if (page.IsFaxCover)
        {
            return ReasonFaxCover;
        }

        if (page.PageOf is { Page: 1 })
        {
            return ReasonPageOneOf;
        }

        if (page.PageOf is { } numbered && current.LastPageOf is { } previous
            && numbered.Of == previous.Of && numbered.Page == previous.Page + 1)
        {
            // An unbroken numbered sequence is the strongest sign of one document (a two-page cover sheet too); a
            // patient mismatch inside it is for the consistency check to report, not a reason to split.
            return null;
        }

        if (current.IsFaxCover)
        {
            return ReasonAfterFaxCover;
        }

        if (current.LastPageOf is { } last && last.Page == last.Of)
        {
            return ReasonSequenceEnded;
        }

        var patientChange = current.PatientDifference(page.Identity);
        if (patientChange is not null)
        {
            return $"{ReasonPatientChanged} ({patientChange})";
        }

        return page.TitleType is { } title && current.Type is { } type && title != type && !page.SaysContinued
            ? ReasonTitleChanged
            : null;
    }

    private sealed class PageSignals(PageText page)
    {
        public int Number { get; } = page.PageNumber;

        public bool IsFaxCover { get; } = DocumentTitles.IsFaxCover(page.Text);

        public (int Page, int Of)? PageOf { get; } = DocumentTitles.PageOf(page.Text);

        public PageIdentity Identity { get; } = ClinicalText.ReadIdentity(page.Text);

        public DocumentType? TitleType { get; } = DocumentTitles.TitleType(page.Text);

        public bool SaysContinued { get; } = DocumentTitles.SaysContinued(page.Text);
    }

    private sealed class SegmentState
    {
        private readonly int firstPage;
        private readonly string reason;
        private int lastPage;
        private string? name;
        private string? dateOfBirth;
        private string? mrn;

        public SegmentState(PageText first, string reason)
        {
            var signals = new PageSignals(first);
            firstPage = first.PageNumber;
            this.reason = reason;
            IsFaxCover = signals.IsFaxCover;
            Type = signals.IsFaxCover ? DocumentType.FaxCoverSheet : signals.TitleType;
            Add(signals);
        }

        public bool IsFaxCover { get; }

        public DocumentType? Type { get; private set; }

        public (int Page, int Of)? LastPageOf { get; private set; }

        public void Add(PageSignals page)
        {
            lastPage = page.Number;
            LastPageOf = page.PageOf;
            Type ??= page.TitleType;
            name ??= page.Identity.Name?.Value;
            dateOfBirth ??= page.Identity.DateOfBirth?.Value;
            mrn ??= page.Identity.Mrn?.Value;
        }

        /// <summary>Which identity part differs from this document's, or null when none that both show does.</summary>
        public string? PatientDifference(PageIdentity identity)
        {
            if (Differs(mrn, identity.Mrn))
            {
                return "MRN";
            }

            if (Differs(dateOfBirth, identity.DateOfBirth))
            {
                return "date of birth";
            }

            return Differs(name, identity.Name) ? "name" : null;
        }

        public DocumentSegment ToSegment() => new(firstPage, lastPage, reason);

        private static bool Differs(string? known, LabelledValue? seen) =>
            known is not null && seen is not null
            && !string.Equals(known, seen.Value, StringComparison.OrdinalIgnoreCase);
    }
}
