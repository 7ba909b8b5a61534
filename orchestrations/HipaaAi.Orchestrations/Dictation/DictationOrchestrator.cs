using System.Globalization;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation.Activities;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Dictation;
using Microsoft.DurableTask;

namespace HipaaAi.Orchestrations.Dictation;

/// <summary>
/// Turns one recording from the dictation inbox into a provider-signed clinical note: preflight the audio,
/// transcribe, draft a grounded note, ask a provider to sign it through the approval sub-orchestration, and only on
/// approve or edit-and-approve write the FHIR DocumentReference and the text to the outbox. Unusable audio is
/// quarantined with its reason. Deterministic; it carries ids, counts and blob names, never audio or text.
/// </summary>
public static class DictationOrchestrator
{
    public const string Name = nameof(DictationOrchestrator);

    private const Workflow ThisWorkflow = Workflow.Dictation;

    public static async Task<DictationResult> RunAsync(TaskOrchestrationContext context, DictationRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);

        var logger = context.CreateReplaySafeLogger(typeof(DictationOrchestrator));
        try
        {
            var result = await ProcessAsync(context, request);
            DictationLogs.Finished(logger, context.InstanceId, result.Outcome, result.Words, result.NoteSentences);
            return result;
        }
        catch (TaskFailedException failure)
        {
            // Every step already retried; the recording goes to quarantine with the step that gave up, never silence.
            DictationLogs.StepExhausted(logger, context.InstanceId, failure.TaskName);
            return await QuarantineAsync(context, request, QuarantineReasons.ProcessingFailed, failure.TaskName,
                TimeSpan.Zero);
        }
    }

    private static async Task<DictationResult> ProcessAsync(TaskOrchestrationContext context, DictationRequest request)
    {
        var settings = request.Settings;
        var id = request.DictationId;

        var preflight = await context.CallWorkflowActivityAsync<AudioPreflightInput, AudioPreflightResult>(
            nameof(AudioPreflightActivity), ThisWorkflow, new AudioPreflightInput(id, request.Source), settings.Retry);
        if (preflight.ContentChanged)
        {
            return new DictationResult(id, DictationOutcome.Superseded, null, TimeSpan.Zero, 0, null, false, 0, null,
                null, null, null);
        }

        if (preflight.Verdict != AudioVerdict.Accepted)
        {
            return await QuarantineAsync(context, request, preflight.Verdict.ToString(), preflight.Reason,
                preflight.Duration);
        }

        var transcript = await context.CallWorkflowActivityAsync<TranscribeInput, TranscribeResult>(
            nameof(TranscribeActivity), ThisWorkflow, new TranscribeInput(id), settings.Retry);
        if (transcript.Words == 0)
        {
            return await QuarantineAsync(context, request, DictationQuarantineReasons.NothingTranscribed,
                transcript.Engine, preflight.Duration);
        }

        var draft = await context.CallWorkflowActivityAsync<DraftNoteInput, DraftNoteResult>(
            nameof(DraftNoteActivity), ThisWorkflow, new DraftNoteInput(id), settings.Retry);

        var review = await context.CallSubOrchestratorAsync<ApprovalOutcome>(
            ApprovalOrchestrator.Name,
            SignatureRequest(request, preflight, transcript, draft),
            new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}-sign" });

        string? referenceBlob = null, textBlob = null;
        var outcome = review.IsApproved ? DictationOutcome.Finalized
            : review.Decision == ApprovalDecision.Reject ? DictationOutcome.Rejected
            : DictationOutcome.NoDecision;
        if (review.IsApproved)
        {
            var finalized = await context.CallWorkflowActivityAsync<FinalizeNoteInput, FinalizeNoteResult>(
                nameof(FinalizeNoteActivity), ThisWorkflow,
                new FinalizeNoteInput(id, request.Source, review.Decision!.Value, review.DecidedBy!,
                    review.DecidedAt ?? new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), review.Comment),
                settings.Retry);
            (referenceBlob, textBlob) = (finalized.DocumentReferenceBlob, finalized.NoteTextBlob);
        }

        // The recording is archived beside the records whatever the provider decided; the work blobs go.
        await context.CallWorkflowActivityAsync<FinishInput, FinishResult>(
            nameof(FinishActivity), ThisWorkflow, new FinishInput(id, request.Source), settings.Retry);

        var reason = outcome == DictationOutcome.Finalized ? null
            : outcome == DictationOutcome.Rejected ? "RejectedByProvider"
            : review.Verdict.ToString();
        return new DictationResult(id, outcome, reason, preflight.Duration, transcript.Words, transcript.Engine,
            transcript.LowConfidence, draft.Sentences, review.IsApproved ? review.DecidedBy : null, referenceBlob,
            textBlob, null);
    }

    private static ApprovalRequest SignatureRequest(
        DictationRequest request,
        AudioPreflightResult preflight,
        TranscribeResult transcript,
        DraftNoteResult draft)
    {
        var settings = request.Settings;
        var facts = new List<ApprovalFact>
        {
            new("Dictation", request.DictationId),
            new("Length", preflight.Duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)),
            new("Transcribed by", transcript.Engine),
            new("Words", transcript.Words.ToString(CultureInfo.InvariantCulture)),
            new("Note sentences", draft.Sentences.ToString(CultureInfo.InvariantCulture)),
        };
        if (transcript.LowConfidence)
        {
            facts.Add(new ApprovalFact("Warning", "Low-confidence offline transcript: check every line."));
        }

        IReadOnlyList<string> exceptions = transcript.LowConfidence ? ["LowConfidenceTranscript"] : [];
        return new ApprovalRequest(
            Workflow.Dictation,
            request.DictationId,
            ApprovalKinds.NoteSignature,
            "Sign a dictated clinical note",
            facts,
            Confidence: null,
            exceptions,
            new Uri(settings.NoteLinkBase, Uri.EscapeDataString(request.DictationId)),
            [ApprovalDecision.Approve, ApprovalDecision.EditAndApprove, ApprovalDecision.Reject],
            settings.SignerRole,
            settings.SignerGroup,
            settings.EscalationGroup,
            settings.Review,
            settings.Retry);
    }

    private static async Task<DictationResult> QuarantineAsync(
        TaskOrchestrationContext context,
        DictationRequest request,
        string reason,
        string? detail,
        TimeSpan duration)
    {
        var quarantine = await context.CallWorkflowActivityAsync<QuarantineInput, QuarantineResult>(
            nameof(QuarantineActivity), ThisWorkflow,
            new QuarantineInput(request.DictationId, request.Source, reason, detail), request.Settings.Retry);
        var fullReason = reason == QuarantineReasons.ProcessingFailed ? $"{reason}:{detail}" : reason;
        return new DictationResult(request.DictationId, DictationOutcome.Quarantined, fullReason, duration, 0, null,
            false, 0, null, null, null, quarantine.QuarantineBlob);
    }
}
