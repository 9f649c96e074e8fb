using Matching.Data;
using Matching.Jobs;

// Standalone worker: runs Hangfire jobs outside the web process, sharing the PostgreSQL storage.
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Services.AddMatchingData(builder.Configuration);
    builder.Services.AddMatchingJobs(builder.Configuration);
    await builder.Build().RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } sentence)
{
    // A wrong setting or a stopped server is the operator's to fix: say which, without a stack trace.
    Console.Error.WriteLine($"Matching.Jobs {sentence}");
    return 1;
}
