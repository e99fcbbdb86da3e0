using System.Text.Json;
using Cpvendor.Conformance.Running;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md section 2, judged on every answer of the run. Each layer has one owner: the JSON
/// check judges documents, the envelope check their shape, the rest only well-formed envelopes, so
/// one defect shows up once, where it belongs.
/// </summary>
internal static class EnvelopeChecks
{
    public const string Section = "§2 The envelope";

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Every_script_answers_root_unfiltered", IniChecks.CallersSection, "each script called by root with no arguments answers ok", AnswersRootUnfiltered),
        new("Every_call_finishes_before_the_timeout", Section, "every script could be started and ended within the time limit", FinishesInTime, Aggregate: true, LeavesNoAnswer: true),
        new("Every_answer_is_one_json_document", Section, "stdout is exactly one UTF-8 JSON document", IsOneJsonDocument, Aggregate: true, LeavesNoAnswer: true),
        new("Every_answer_is_an_envelope", Section, "the document is {\"data\": ..., \"metadata\": {\"result\": ...}} and nothing more", IsEnvelope, Aggregate: true, LeavesNoAnswer: true),
        new("Every_result_is_one_of_the_five_kinds", Section, "metadata.result is ok, InternalAPIError, PermissionDenied, BadRequest or NotFound", KnownResult, Aggregate: true),
        new("Every_error_has_null_data_and_a_message", Section, "error envelopes carry data null and a non-empty message", ErrorsCarryMessage, Aggregate: true),
        new("Every_answer_leaves_stderr_empty", Section, "nothing is written to stderr", StderrEmpty, Aggregate: true),
        new("Every_success_exits_zero", Section, "an ok answer exits with status 0", SuccessExitsZero, Aggregate: true),
        new("Every_error_envelope_exits_zero", Section, "error envelopes exit 0 too (our decision; non-zero is a warning)", ErrorExitsZero, Aggregate: true),
    ];

    private static Findings AnswersRootUnfiltered(CheckContext context)
    {
        if (context.Config.Document is null)
            return Findings.Skipped("configparser cannot read the file");
        var findings = new Findings();
        foreach (var answer in context.Baseline.All)
        {
            if (answer.Call is null && OptionalScripts.IsMissing(answer.Script, context.Config))
                continue;
            if (answer.Call is { IsEnvelope: false } call)
                findings.NotJudged(call, "Every_answer_is_an_envelope");
            else if (answer.Unusable is { } why)
                findings.Fail(why, answer.Call);
            else
                findings.Pass(answer.Call);
        }

        return findings;
    }

    private static Findings FinishesInTime(CheckContext context)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All)
        {
            if (call.StartError is { } error)
                findings.Fail(error, call);
            else if (call.TimedOut)
                findings.Fail($"killed after {context.Options.Timeout.TotalSeconds:0} s without an answer", call);
            else
                findings.Pass();
        }

        findings.PassMessage = $"{context.Calls.All.Count} calls, all finished";
        findings.NothingToJudge("no call was made");
        return findings;
    }

    private static Findings IsOneJsonDocument(CheckContext context)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All.Where(c => c.Completed && !c.IsProbe))
        {
            if (call.Answer.JsonError is { } error)
                findings.Fail(error, call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no call completed");
        return findings;
    }

    private static Findings IsEnvelope(CheckContext context)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All.Where(c => c.Completed && c.Answer.IsJson && c.Answer.UnknownResult is null))
        {
            if (call.Answer.EnvelopeError is { } error)
                findings.Fail(error, call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no answer was a JSON document");
        return findings;
    }

    private static Findings KnownResult(CheckContext context)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All.Where(c => c.Completed && c.Answer.IsJson))
        {
            if (call.Answer.UnknownResult is { } kind)
                findings.Fail($"metadata.result is \"{kind}\"", call);
            else if (call.Answer.IsEnvelope)
                findings.Pass();
        }

        findings.NothingToJudge("no answer was an envelope");
        return findings;
    }

    private static Findings ErrorsCarryMessage(CheckContext context)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All.Where(c => c.IsEnvelope && c.Answer.Result != "ok"))
        {
            if (call.Answer.Data.ValueKind != JsonValueKind.Null)
                findings.Fail($"{Words.WithArticle(call.Answer.Result)} envelope carries data {Json.Short(call.Answer.Data, 60)}, not null", call);
            else if (string.IsNullOrWhiteSpace(call.Answer.MessageText))
                findings.Fail($"{Words.WithArticle(call.Answer.Result)} envelope has no message text (metadata.message is {(call.Answer.Message is { } m ? Json.Short(m, 40) : "missing")})", call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no error envelope was seen");
        return findings;
    }

    private static Findings StderrEmpty(CheckContext context)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All.Where(c => c.StartError is null))
        {
            if (call.Stderr.Length > 0)
                findings.Fail($"{call.Stderr.Length} characters on stderr", call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no call was made");
        return findings;
    }

    private static Findings SuccessExitsZero(CheckContext context)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All.Where(c => c.IsOk))
        {
            if (call.ExitCode != 0)
                findings.Fail($"an ok answer exits {call.ExitCode}", call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no ok answer was seen");
        return findings;
    }

    private static Findings ErrorExitsZero(CheckContext context)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All.Where(c => c.IsEnvelope && c.Answer.Result != ResultKind.Ok.WireName()))
        {
            if (call.ExitCode != 0)
                findings.Warn($"{Words.WithArticle(call.Answer.Result)} envelope exits {call.ExitCode}: some callers discard the answer of a failed process", call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no error envelope was seen");
        return findings;
    }
}
