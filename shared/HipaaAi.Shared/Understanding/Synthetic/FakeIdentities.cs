namespace HipaaAi.Shared.Understanding.Synthetic;

/// <summary>
/// A fictitious patient. Names come from invented word lists; phones use the fictional 555-01xx range.
/// </summary>
public sealed record FakePatient(
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string Mrn,
    string Sex,
    string Phone,
    string Address,
    string MemberId)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A fictitious clinician with a well-formed NPI (valid Luhn check digit over the 80840 prefix).</summary>
public sealed record FakeProvider(string FirstName, string LastName, string Credential, string Npi, string Practice,
    string Specialty, string Phone, string Fax)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A fictitious health plan.</summary>
public sealed record FakePayer(string Name, string PlanType, string PayerId, string Phone);

/// <summary>A diagnosis or procedure code with its description.</summary>
public sealed record CodedItem(string Code, string Description);

/// <summary>Makes fictitious people, clinicians and plans from a seeded random source.</summary>
internal sealed class FakeIdentityFactory(Random random)
{
    private static readonly string[] FirstNamesFemale =
    [
        "Marisol", "Thea", "Juniper", "Odette", "Linnea", "Rosalind", "Wren", "Ines", "Calla", "Maren", "Soraya",
        "Delphine", "Briony", "Esme", "Tamsin", "Noor", "Ilse", "Anouk",
    ];

    private static readonly string[] FirstNamesMale =
    [
        "Casimir", "Thaddeus", "Oren", "Lucan", "Bram", "Emrys", "Tobiah", "Silas", "Anselm", "Dorian", "Ezra",
        "Florian", "Idris", "Jasper", "Leander", "Matthias", "Quill", "Rafferty",
    ];

    // Invented compound surnames keep every person obviously fictitious while still reading like a name.
    private static readonly string[] SurnameStarts =
    [
        "Ash", "Bramble", "Cinder", "Dove", "Elder", "Fern", "Glen", "Hazel", "Ivy", "Juniper", "Kettle", "Lark",
        "Moss", "North", "Oak", "Pebble", "Quarry", "Rook", "Sable", "Thistle", "Umber", "Vale", "Willow", "Yarrow",
    ];

    private static readonly string[] SurnameEnds =
    [
        "wick", "more", "field", "brook", "hollow", "stead", "ridge", "combe", "worth", "dale", "ford", "thorne",
    ];

    private static readonly string[] Streets =
    [
        "Sample Lane", "Fictional Ave", "Placeholder Rd", "Testwood Dr", "Mockingbird Ct", "Imaginary Blvd",
        "Synthetic Way", "Example St",
    ];

    private static readonly string[] Towns = ["Springfield", "Riverton", "Fairview", "Lakeside", "Maple Grove"];

    private static readonly (string Name, string Specialty)[] Practices =
    [
        ("Hollowbrook Family Medicine", "Family Medicine"), ("Cedar Ridge Orthopedics", "Orthopedic Surgery"),
        ("Lakeside Cardiology Associates", "Cardiology"), ("Northvale Internal Medicine", "Internal Medicine"),
        ("Riverton Pulmonary & Sleep", "Pulmonology"), ("Fairview Endocrine Clinic", "Endocrinology"),
        ("Maple Grove Neurology", "Neurology"), ("Sablestead Women's Health", "Obstetrics and Gynecology"),
    ];

    private static readonly (string Name, string Plan, string Prefix)[] Payers =
    [
        ("Evergreen Health Plan", "PPO", "EVG"), ("Summit Mutual Health", "HMO", "SMH"),
        ("Bluebird Community Care", "EPO", "BCC"), ("Harborlight Insurance Co.", "PPO", "HLI"),
        ("Keystone Valley Health", "POS", "KVH"), ("Prairie Star Medicaid Plan", "Medicaid", "PSM"),
        ("Silvercrest Medicare Advantage", "Medicare Advantage", "SCM"),
    ];

    public FakePatient NextPatient(DateOnly today)
    {
        var female = random.Next(2) == 0;
        var first = Pick(female ? FirstNamesFemale : FirstNamesMale);
        var dob = today.AddDays(-random.Next(18 * 365, 92 * 365));
        var mrn = random.Next(3) switch
        {
            0 => Digits(8),
            1 => "E" + Digits(7),
            _ => "MR" + Digits(7),
        };
        var payer = Pick(Payers);
        return new FakePatient(
            first,
            NextSurname(),
            dob,
            mrn,
            female ? "F" : "M",
            NextPhone(),
            $"{random.Next(10, 9999)} {Pick(Streets)}, {Pick(Towns)}, ZZ {Digits(5)}",
            payer.Prefix + Digits(9));
    }

    public FakeProvider NextProvider()
    {
        var female = random.Next(2) == 0;
        var practice = Pick(Practices);
        return new FakeProvider(
            Pick(female ? FirstNamesFemale : FirstNamesMale),
            NextSurname(),
            Pick(["MD", "DO", "MD", "NP", "PA-C"]),
            NextNpi(),
            practice.Name,
            practice.Specialty,
            NextPhone(),
            NextPhone());
    }

    public FakePayer PayerFor(FakePatient patient)
    {
        // A patient made elsewhere (a canary, a hand-written case) may carry a member id of no known payer.
        var known = Payers.Where(p => patient.MemberId.StartsWith(p.Prefix, StringComparison.Ordinal)).ToList();
        var payer = known.Count > 0 ? known[0] : Pick(Payers);
        return new FakePayer(payer.Name, payer.Plan, Digits(5), "1-800-555-01" + Digits(2));
    }

    public FakePayer NextPayer()
    {
        var payer = Pick(Payers);
        return new FakePayer(payer.Name, payer.Plan, Digits(5), "1-800-555-01" + Digits(2));
    }

    public string NextNpi()
    {
        var body = (random.Next(2) == 0 ? "1" : "2") + Digits(8);
        return body + FieldValidators.NpiCheckDigit(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string NextPhone() => $"({random.Next(201, 989)}) 555-01{Digits(2)}";

    public string NextSurname() => Pick(SurnameStarts) + Pick(SurnameEnds);

    public string Digits(int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        return new string(chars);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
