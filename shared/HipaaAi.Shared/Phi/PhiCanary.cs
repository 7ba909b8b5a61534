namespace HipaaAi.Shared.Phi;

/// <summary>The kinds of identifier a canary stands for.</summary>
public enum CanaryField
{
    Name,
    DateOfBirth,
    MedicalRecordNumber,
    SocialSecurityNumber,
    Phone,
    Address,
    MemberId,
}

/// <summary>
/// A fake patient planted in end-to-end test documents. Every value is invented and chosen to be invalid as real
/// data (SSN area 666 is never issued, 555-01xx numbers are reserved for fiction), so any appearance of one of them
/// in a log, audit row, telemetry item or durable history proves a PHI leak.
/// </summary>
public static class PhiCanary
{
    public const string GivenName = "Marvella";

    public const string FamilyName = "Xyloquist";

    public static readonly DateOnly DateOfBirth = new(1961, 3, 4);

    public const string MedicalRecordNumber = "CX7730419";

    public const string SocialSecurityNumber = "666-41-7392";

    public const string Phone = "(312) 555-0147";

    public const string StreetAddress = "4471 Quillfeather Lane";

    public const string CityStateZip = "Springfield, IL 62704";

    public const string MemberId = "ZQH829104773";

    public static string FullName => GivenName + " " + FamilyName;

    public static string Address => StreetAddress + ", " + CityStateZip;

    /// <summary>Each canary field with the renderings a leak could take. Matching ignores case.</summary>
    public static IReadOnlyDictionary<CanaryField, IReadOnlyList<string>> Renderings { get; } =
        new Dictionary<CanaryField, IReadOnlyList<string>>
        {
            // The family name alone catches "Marvella Xyloquist", "XYLOQUIST, MARVELLA" and URL-encoded forms.
            [CanaryField.Name] = [FamilyName],
            [CanaryField.DateOfBirth] =
            [
                "1961-03-04", "19610304", "03/04/1961", "3/4/1961", "03-04-1961", "03/04/61", "03.04.1961",
                "March 4, 1961", "Mar 4, 1961", "4 March 1961", "04 Mar 1961", "04-Mar-1961",
            ],
            [CanaryField.MedicalRecordNumber] = [MedicalRecordNumber, "7730419"],
            [CanaryField.SocialSecurityNumber] = [SocialSecurityNumber, "666417392", "666 41 7392"],
            [CanaryField.Phone] = ["3125550147", "555-0147", "555.0147", "555 0147"],
            [CanaryField.Address] = ["4471 Quillfeather", "Quillfeather"],
            [CanaryField.MemberId] = [MemberId, "829104773"],
        };
}
