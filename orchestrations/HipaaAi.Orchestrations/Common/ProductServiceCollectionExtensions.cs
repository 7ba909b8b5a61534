using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.PriorAuthorization;
using HipaaAi.Orchestrations.BillingReview;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HipaaAi.Orchestrations.Common;

/// <summary>
/// Composes the product the same way in both hosts, from configuration: the workflows, the document engines
/// (<c>Engines:Mode</c> = <c>Local</c> for Tesseract, PdfPig and ML.NET, or <c>Azure</c> for Document Intelligence and
/// Azure OpenAI) and the audit sink (<c>Audit:Sink</c> = <c>Local</c> hash-chained files, or <c>LogsIngestion</c>).
/// </summary>
public static class ProductServiceCollectionExtensions
{
    public static IServiceCollection AddHipaaAiProduct(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddHipaaAiWorkflows(configuration);
        services.AddApprovals(configuration);
        services.AddPriorAuthorization(configuration);
        services.AddBillingWorkflow(configuration);

        // The splitter, the packet rules and routing are deterministic code in both modes; only reading,
        // classification, extraction and summaries move to the Azure AI services.
        services.AddLocalDocumentUnderstanding(configuration);

        var engines = configuration["Engines:Mode"] ?? "Local";
        switch (engines)
        {
            case "Local":
                services.AddLocalDocumentReading(configuration);
                break;
            case "Azure":
                // Preflight stays local; reading, classification, extraction and summaries move to Azure AI.
                services.AddLocalDocumentReading(configuration);
                services.AddAzureDocumentAi(configuration);
                services.Replace(ServiceDescriptor.Singleton<IPageReader>(
                    provider => provider.GetRequiredService<DocumentIntelligencePageReader>()));
                services.Replace(ServiceDescriptor.Singleton<IDocumentClassifier>(
                    provider => provider.GetRequiredService<OpenAiDocumentClassifier>()));
                services.Replace(ServiceDescriptor.Singleton<IFieldExtractor>(
                    provider => provider.GetRequiredService<OpenAiFieldExtractor>()));
                services.Replace(ServiceDescriptor.Singleton<IDocumentSummarizer>(
                    provider => provider.GetRequiredService<OpenAiDocumentSummarizer>()));
                break;
            default:
                throw new InvalidOperationException($"Engines:Mode must be 'Local' or 'Azure', not '{engines}'.");
        }

        // After the engines: in Azure mode the dictation drafter uses the chat client registered above.
        services.AddDictationEngines(configuration);

        var sink = configuration["Audit:Sink"] ?? "Local";
        switch (sink)
        {
            case "Local":
                services.AddLocalAudit(configuration);
                break;
            case "LogsIngestion":
                services.AddAzureAudit(configuration);
                break;
            default:
                throw new InvalidOperationException($"Audit:Sink must be 'Local' or 'LogsIngestion', not '{sink}'.");
        }

        services.AddPhiProtection(configuration);
        return services;
    }
}
