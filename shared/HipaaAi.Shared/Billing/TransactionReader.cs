using System.Globalization;

namespace HipaaAi.Shared.Billing;

/// <summary>
/// Walks the segments between one ST and its SE and builds claims. HL segments set the hierarchy (2000A billing
/// provider, 2000B subscriber, 2000C patient) through their parent ids; NM1, DMG and PAT fill the current HL's party;
/// CLM opens a 2300 claim, SBR after CLM opens the 2320 other-subscriber loops (skipped), LX opens a 2400 line.
/// </summary>
internal sealed class TransactionReader(ClaimKind kind, X12Delimiters delimiters, string transactionControl)
{
    private static readonly HashSet<string> Icd10Qualifiers = ["ABK", "ABF", "ABJ", "APR", "ABN"];
    private static readonly HashSet<string> Icd9Qualifiers = ["BK", "BF", "BJ", "PR", "BN"];

    private readonly Dictionary<string, HierarchyLevel> levels = new(StringComparer.Ordinal);
    private readonly List<Claim> claims = [];
    private HierarchyLevel? current;
    private Section section = Section.Header;
    private string? lastEntity;
    private ClaimDraft? claim;
    private LineDraft? line;

    private enum Section
    {
        Header,
        Hierarchy,
        Claim,
        OtherSubscriber,
        Line,
    }

    public void Read(X12Segment segment)
    {
        switch (segment.Id)
        {
            case "HL":
                OpenLevel(segment);
                break;
            case "NM1":
                ReadName(segment);
                break;
            case "DMG" when section == Section.Hierarchy && current is not null:
                current.ReadBirthDate(segment, lastEntity);
                break;
            case "PAT" when section == Section.Hierarchy && current?.Code == "23":
                current.Relationship = segment[1];
                break;
            case "CLM":
                OpenClaim(segment);
                break;
            case "SBR" when section is Section.Claim or Section.Line:
                CloseLine();
                section = Section.OtherSubscriber;
                break;
            case "LX":
                OpenLine(segment);
                break;
            case "SV1":
                ReadProfessionalService(segment);
                break;
            case "SV2":
                ReadInstitutionalService(segment);
                break;
            case "HI" when section == Section.Claim:
                ReadDiagnoses(segment);
                break;
            case "REF":
                ReadReference(segment);
                break;
            case "DTP":
                ReadDate(segment);
                break;
            default:
                break;
        }
    }

    public IReadOnlyList<Claim> Finish()
    {
        CloseClaim();
        return claims;
    }

    private void OpenLevel(X12Segment segment)
    {
        CloseClaim();
        var id = segment[1];
        var parentId = segment[2];
        var code = segment[3];
        if (id.Length == 0)
        {
            throw segment.Error("HL01 (hierarchical id) is missing", 1);
        }

        if (levels.ContainsKey(id))
        {
            throw segment.Error("HL01 repeats an earlier hierarchical id", 1);
        }

        HierarchyLevel? parent = null;
        if (parentId.Length > 0 && !levels.TryGetValue(parentId, out parent))
        {
            throw segment.Error("HL02 names a parent id that no earlier HL declared", 2);
        }

        var expectedParent = code switch
        {
            "20" => null,
            "22" => "20",
            "23" => "22",
            _ => throw segment.Error("HL03 must be 20, 22 or 23 in an 837", 3),
        };
        if (parent?.Code != expectedParent)
        {
            throw segment.Error($"an HL level {code} must have a level {expectedParent ?? "(none)"} parent", 2);
        }

        current = new HierarchyLevel(code, parent, segment[4] == "1");
        levels[id] = current;
        section = Section.Hierarchy;
        lastEntity = null;
    }

    private void ReadName(X12Segment segment)
    {
        var entity = segment[1];
        var npi = segment[8] == "XX" ? NullIfEmpty(segment[9]) : null;
        switch (section)
        {
            case Section.Hierarchy when current is not null:
                lastEntity = entity;
                current.ReadName(entity, segment, npi);
                break;
            case Section.Claim when claim is not null && entity == "82":
                claim.RenderingNpi = npi;
                break;
            case Section.Claim when claim is not null && entity == "71":
                claim.AttendingNpi = npi;
                break;
            default:
                break;
        }
    }

    private void OpenClaim(X12Segment segment)
    {
        CloseClaim();
        if (current is null || current.Code == "20")
        {
            throw segment.Error("CLM appears outside a subscriber (22) or patient (23) HL loop");
        }

        if (segment[1].Length == 0)
        {
            throw segment.Error("CLM01 (patient control number) is missing", 1);
        }

        var facility = segment.Components(5, delimiters.Component);
        claim = new ClaimDraft(segment[1], X12ClaimParser.ParseAmount(segment, 2, required: true), current,
            NullIfEmpty(facility[0]), facility.Length > 2 ? NullIfEmpty(facility[2]) : null,
            $"ST {transactionControl}, CLM at segment {segment.Index}");
        section = Section.Claim;
    }

    private void OpenLine(X12Segment segment)
    {
        if (claim is null || section == Section.Hierarchy)
        {
            throw segment.Error("LX appears before any CLM in its HL loop");
        }

        CloseLine();
        var number = int.TryParse(segment[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lx)
            ? lx
            : throw segment.Error("LX01 is not a line number", 1);
        line = new LineDraft(number, segment.Index);
        section = Section.Line;
    }

    private LineDraft RequireLine(X12Segment segment)
    {
        if (section != Section.Line || line is null)
        {
            throw segment.Error("service segment appears outside a 2400 LX loop");
        }

        if (line.HasService)
        {
            throw segment.Error("a 2400 loop carries more than one service segment");
        }

        line.HasService = true;
        return line;
    }

    private void ReadProfessionalService(X12Segment segment)
    {
        if (kind != ClaimKind.Professional)
        {
            throw segment.Error("SV1 belongs to an 837P; this transaction is an 837I");
        }

        var draft = RequireLine(segment);
        ReadProcedure(segment, 1, draft);
        draft.Charge = X12ClaimParser.ParseAmount(segment, 2, required: true);
        draft.UnitQualifier = segment[3];
        draft.Units = X12ClaimParser.ParseAmount(segment, 4, required: true);
        draft.PlaceOfService = NullIfEmpty(segment[5]);
        if (segment[7].Length > 0)
        {
            foreach (var pointer in segment.Components(7, delimiters.Component))
            {
                draft.Pointers.Add(int.TryParse(pointer, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                    ? p
                    : throw segment.Error("diagnosis pointer is not a number", 7));
            }
        }
    }

    private void ReadInstitutionalService(X12Segment segment)
    {
        if (kind != ClaimKind.Institutional)
        {
            throw segment.Error("SV2 belongs to an 837I; this transaction is an 837P");
        }

        var draft = RequireLine(segment);
        draft.RevenueCode = segment[1].Length > 0 ? segment[1] : throw segment.Error("SV201 is missing", 1);
        if (segment[2].Length > 0)
        {
            ReadProcedure(segment, 2, draft);
        }

        draft.Charge = X12ClaimParser.ParseAmount(segment, 3, required: true);
        draft.UnitQualifier = segment[4];
        draft.Units = X12ClaimParser.ParseAmount(segment, 5, required: false);
    }

    private void ReadProcedure(X12Segment segment, int element, LineDraft draft)
    {
        var parts = segment.Components(element, delimiters.Component);
        if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            // A single part usually means the sender used another component separator than its ISA16 declares.
            throw segment.Error(
                "procedure composite needs a qualifier and a code separated by the ISA16 component separator",
                element);
        }

        draft.Qualifier = parts[0];
        draft.Code = parts[1];
        for (var m = 2; m < parts.Length && m < 6; m++)
        {
            if (parts[m].Length > 0)
            {
                draft.Modifiers.Add(parts[m]);
            }
        }
    }

    private void ReadDiagnoses(X12Segment segment)
    {
        for (var element = 1; element <= segment.ElementCount; element++)
        {
            if (segment[element].Length == 0)
            {
                continue;
            }

            var parts = segment.Components(element, delimiters.Component);
            var qualifier = parts[0];
            var system = Icd10Qualifiers.Contains(qualifier) ? DiagnosisCodeSystem.Icd10Cm
                : Icd9Qualifiers.Contains(qualifier) ? DiagnosisCodeSystem.Icd9Cm
                : (DiagnosisCodeSystem?)null;
            if (system is null)
            {
                // Occurrence, value, condition codes, DRG and procedure codes share the HI segment in an 837I.
                continue;
            }

            if (parts.Length < 2 || parts[1].Length == 0)
            {
                throw segment.Error("diagnosis composite has a qualifier but no code", element);
            }

            var presentOnAdmission = parts.Length > 8 ? NullIfEmpty(parts[8]) : null;
            claim!.Diagnoses.Add(new Diagnosis(qualifier, parts[1], system.Value, presentOnAdmission));
        }
    }

    private void ReadReference(X12Segment segment)
    {
        var value = NullIfEmpty(segment[2]);
        switch (section)
        {
            case Section.Claim when segment[1] == "G1":
                claim!.PriorAuthorization = value;
                break;
            case Section.Claim when segment[1] == "9F":
                claim!.Referral = value;
                break;
            case Section.Line when segment[1] == "G1":
                line!.PriorAuthorization = value;
                break;
            default:
                break;
        }
    }

    private void ReadDate(X12Segment segment)
    {
        switch (section)
        {
            case Section.Claim when segment[1] is "472" or "434":
                claim!.ServiceDate = X12ClaimParser.ParseDate(segment, 2, 3);
                break;
            case Section.Line when segment[1] == "472":
                line!.ServiceDate = X12ClaimParser.ParseDate(segment, 2, 3);
                break;
            default:
                break;
        }
    }

    private void CloseLine()
    {
        if (line is null || claim is null)
        {
            return;
        }

        if (!line.HasService)
        {
            throw new X12ParseException("the 2400 loop opened here has no SV1/SV2 service segment", line.SegmentIndex,
                "LX");
        }

        claim.Lines.Add(line);
        line = null;
    }

    private void CloseClaim()
    {
        CloseLine();
        if (claim is null)
        {
            return;
        }

        claims.Add(claim.Build(kind));
        claim = null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed class HierarchyLevel(string code, HierarchyLevel? parent, bool hasChildren)
    {
        public string Code { get; } = code;

        public HierarchyLevel? Parent { get; } = parent;

        public bool HasChildren { get; } = hasChildren;

        public string? BillingNpi { get; private set; }

        public string? MemberId { get; private set; }

        public string? PayerId { get; private set; }

        public string? PayerName { get; private set; }

        public string? LastName { get; private set; }

        public string? FirstName { get; private set; }

        public DateOnly? BirthDate { get; private set; }

        public string? Relationship { get; set; }

        public HierarchyLevel Provider => Code == "20" ? this : Parent!.Provider;

        public HierarchyLevel Subscriber => Code == "22" ? this : Parent!.Subscriber;

        public void ReadName(string entity, X12Segment segment, string? npi)
        {
            switch (entity)
            {
                case "85" when Code == "20":
                    BillingNpi = npi;
                    break;
                case "IL" when Code == "22":
                    MemberId = NullIfEmpty(segment[9]);
                    LastName = NullIfEmpty(segment[3]);
                    FirstName = NullIfEmpty(segment[4]);
                    break;
                case "PR" when Code == "22":
                    PayerId = NullIfEmpty(segment[9]);
                    PayerName = NullIfEmpty(segment[3]);
                    break;
                case "QC" when Code == "23":
                    LastName = NullIfEmpty(segment[3]);
                    FirstName = NullIfEmpty(segment[4]);
                    break;
                default:
                    break;
            }
        }

        public void ReadBirthDate(X12Segment segment, string? entity)
        {
            if ((entity == "IL" && Code == "22") || (entity == "QC" && Code == "23"))
            {
                BirthDate = X12ClaimParser.ParseDate(segment, 1, 2);
            }
        }
    }

    private sealed class LineDraft(int number, int segmentIndex)
    {
        public int Number { get; } = number;

        public int SegmentIndex { get; } = segmentIndex;

        public bool HasService { get; set; }

        public string Qualifier { get; set; } = string.Empty;

        public string? Code { get; set; }

        public List<string> Modifiers { get; } = [];

        public decimal Charge { get; set; }

        public string UnitQualifier { get; set; } = string.Empty;

        public decimal Units { get; set; }

        public List<int> Pointers { get; } = [];

        public string? RevenueCode { get; set; }

        public DateOnly? ServiceDate { get; set; }

        public string? PlaceOfService { get; set; }

        public string? PriorAuthorization { get; set; }
    }

    private sealed class ClaimDraft(string id, decimal total, HierarchyLevel level, string? facility,
        string? frequency, string source)
    {
        public List<Diagnosis> Diagnoses { get; } = [];

        public List<LineDraft> Lines { get; } = [];

        public string? PriorAuthorization { get; set; }

        public string? Referral { get; set; }

        public string? RenderingNpi { get; set; }

        public string? AttendingNpi { get; set; }

        public DateOnly? ServiceDate { get; set; }

        public Claim Build(ClaimKind kind)
        {
            var subscriber = level.Subscriber;
            var patientLevel = level.Code == "23" ? level : subscriber;
            var patient = subscriber.MemberId is null
                ? null
                : new PatientReference(subscriber.MemberId, level.Code == "22", patientLevel.Relationship ?? "18",
                    patientLevel.LastName, patientLevel.FirstName, patientLevel.BirthDate);
            var lines = Lines.Select(draft => new ServiceLine(draft.Number, draft.Qualifier, draft.Code,
                    draft.Modifiers.ToArray(), draft.Charge, draft.UnitQualifier, draft.Units, draft.Pointers.ToArray(),
                    draft.RevenueCode, draft.ServiceDate ?? ServiceDate, draft.PlaceOfService,
                    draft.PriorAuthorization))
                .ToArray();
            return new Claim(kind, id, total, facility, frequency, Diagnoses.ToArray(), PriorAuthorization, Referral,
                level.Provider.BillingNpi, RenderingNpi, AttendingNpi, subscriber.PayerId, subscriber.PayerName,
                subscriber.MemberId, patient, ServiceDate, lines, source);
        }
    }
}
