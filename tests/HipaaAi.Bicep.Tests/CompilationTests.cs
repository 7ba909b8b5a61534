using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class CompilationTests(BicepFixture bicep)
{
    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    [Fact]
    public void Lint_TemplateAndParameterFiles_ReportNoWarningsOrErrors()
    {
        // Arrange
        var run = bicep.Lint;

        // Act
        var diagnostics = run.Diagnostics;

        // Assert
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Build_MainTemplate_ReportsNoWarningsOrErrors()
    {
        // Arrange
        var run = bicep.Build;

        // Act
        var diagnostics = run.Diagnostics;

        // Assert
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(diagnostics);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void BuildParams_Environment_CompilesWithoutDiagnostics(string environment)
    {
        // Arrange
        var run = bicep.BuildParams;

        // Act
        var diagnostics = run.Diagnostics;

        // Assert
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(diagnostics);
        Assert.Equal(environment, bicep.ParametersOf(environment)["environmentName"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Parameters_EveryTemplateAndModule_SayRequiredOrOptional()
    {
        // Arrange
        var templates = NestedTemplates(bicep.Template).ToList();

        // Act
        var undescribed = templates
            .SelectMany(template => template["parameters"]?.AsObject() ?? [])
            .Where(parameter => !Regex.IsMatch(
                parameter.Value?["metadata"]?["description"]?.GetValue<string>() ?? string.Empty,
                "^(Required|Optional)\\. "))
            .Select(parameter => parameter.Key)
            .ToList();

        // Assert
        Assert.True(templates.Count >= 10, $"Only {templates.Count} templates found.");
        Assert.Empty(undescribed);
    }

    [Fact]
    public void Outputs_MainTemplate_AreCamelCaseOrAzdUpperSnake()
    {
        // Arrange
        var outputs = bicep.Template["outputs"]!.AsObject().Select(output => output.Key).ToList();

        // Act
        var misnamed = outputs
            .Where(name => !Regex.IsMatch(name, "^[a-z][a-zA-Z0-9]*$") && !Regex.IsMatch(name, "^AZURE_[A-Z0-9_]+$"))
            .ToList();

        // Assert
        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs);
        Assert.Contains("functionAppName", outputs);
        Assert.Empty(misnamed);
    }

    [Fact]
    public void DisableNextLine_EveryOccurrence_SaysWhy()
    {
        // Arrange
        var lines = Directory.EnumerateFiles(BicepCli.SourceFolder, "*.bicep*", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines)
            .Where(line => line.Contains("#disable-next-line", StringComparison.Ordinal))
            .ToList();

        // Act
        var unexplained = lines
            .Where(line => !Regex.IsMatch(line, @"#disable-next-line [\w-]+( [\w-]+)* // \S.{10,}"))
            .ToList();

        // Assert
        Assert.NotEmpty(lines);
        Assert.Empty(unexplained);
    }

    [Fact]
    public void AzdParameters_EveryName_IsATemplateParameterAndRequiredOnesAreSet()
    {
        // Arrange
        var azd = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.SourceFolder, "main.parameters.json")))!;
        var given = azd["parameters"]!.AsObject().Select(parameter => parameter.Key).ToHashSet();
        var declared = bicep.Template["parameters"]!.AsObject();

        // Act
        var unknown = given.Where(name => !declared.ContainsKey(name)).ToList();
        var missing = declared
            .Where(parameter => parameter.Value!["defaultValue"] is null && parameter.Value["nullable"] is null)
            .Select(parameter => parameter.Key)
            .Where(name => !given.Contains(name))
            .ToList();

        // Assert
        Assert.Empty(unknown);
        Assert.Empty(missing);
    }

    private static IEnumerable<JsonObject> NestedTemplates(JsonObject template)
    {
        yield return template;

        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(resource => resource!),
            JsonObject symbolic => symbolic.Select(resource => resource.Value!),
            _ => [],
        };
        foreach (var resource in resources)
        {
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in NestedTemplates(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
