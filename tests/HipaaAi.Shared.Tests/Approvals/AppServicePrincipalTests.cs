using System.Text;
using HipaaAi.Shared.Approvals;

namespace HipaaAi.Shared.Tests.Approvals;

public sealed class AppServicePrincipalTests
{
    [Fact]
    public void TryParse_EntraPrincipalWithRoles_ReturnsObjectIdAndRoles()
    {
        // Arrange
        var json = """
            {"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[
              {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"8d1f0c1e-oid"},
              {"typ":"name","val":"Dr Example"},
              {"typ":"roles","val":"Provider"},{"typ":"roles","val":"RecordsReviewer"}]}
            """;
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

        // Act
        var actor = AppServicePrincipal.TryParse(header);

        // Assert
        Assert.NotNull(actor);
        Assert.Equal("8d1f0c1e-oid", actor.Id);
        Assert.Equal(["Provider", "RecordsReviewer"], actor.Roles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("%%%not-base64")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("e30=")]
    public void TryParse_MissingOrGarbledHeader_ReturnsNull(string? header)
    {
        // Act
        var actor = AppServicePrincipal.TryParse(header);

        // Assert
        Assert.Null(actor);
    }
}
