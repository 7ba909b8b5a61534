using HipaaAi.Local.Commands;
using HipaaAi.Local.Hosting;

var paths = LocalPaths.Discover();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    stop.Cancel();
};
using var termination = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });

var command = args.Length > 0 ? args[0] : "run";
var options = CommandLine.Parse(args.Skip(1).ToArray());

try
{
    return command switch
    {
        "run" => await new RunCommand(paths, Console.Out).RunAsync(
            new RunOptions(
                options.Value("input"),
                options.Value("output") ?? paths.Output,
                options.Flag("watch"),
                options.Flag("large"),
                int.Parse(options.Value("seed") ?? "7", System.Globalization.CultureInfo.InvariantCulture),
                options.Flag("auto-approve")),
            stop.Token),
        "samples" => SampleFolder.Write(options.Value("output") ?? paths.Samples,
            int.Parse(options.Value("seed") ?? "7", System.Globalization.CultureInfo.InvariantCulture),
            options.Flag("large"), Console.Out),
        "eval" => await EvalCommand.RunAsync(options, paths, Console.Out, stop.Token),
        "audit" => await AuditCommand.RunAsync(options, paths, Console.Out, stop.Token),
        "compliance" => await ComplianceCommand.RunAsync(options, paths, Console.Out, stop.Token),
        "prior-auth" => await PriorAuthCommand.RunAsync(options, paths, Console.Out, stop.Token),
        "bench" => options.Flag("dictation")
            ? await DictationBenchCommand.RunAsync(options, paths, Console.Out, stop.Token)
            : await BenchCommand.RunAsync(options, paths, Console.Out, stop.Token),
        "dictation" => await DictationCommand.RunAsync(options, paths, Console.Out, stop.Token),
        "billing" => await new BillingCommand(paths, Console.Out).RunAsync(
            new BillingOptions(options.Value("input"), options.Value("output") ?? Path.Combine(paths.Output, "billing"),
                options.Flag("auto-approve")),
            stop.Token),
        _ => Usage(),
    };
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 130;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: hipaaai-local <command> [options]
          run      [--input DIR] [--output DIR] [--watch] [--large] [--seed N] [--auto-approve]
          samples  [--output DIR] [--seed N] [--large]
          eval     --input DIR [--labels FILE]
          audit    verify [--workflow W] | query [--workflow W] [--instance ID] [--subject ID] [--since T] [--until T]
          compliance --params FILE.bicepparam [--since T] [--until T] [--output DIR] [--config FILE[,FILE]]
          prior-auth --input DIR [--auto-approve] [--output DIR]
          bench    [--pages N] | --dictation [--input DIR] | --claims N
          dictation [--input DIR] [--output DIR] [--auto-approve] [--short]
          billing  [--input FILE|DIR] [--output DIR] [--auto-approve]
        """);
    return 2;
}
