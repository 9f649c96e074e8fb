using Matching.Data;
using Matching.Jobs;

// Standalone worker: runs Hangfire jobs outside the web process, sharing the PostgreSQL storage.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddMatchingData(builder.Configuration);
builder.Services.AddMatchingJobs(builder.Configuration);
await builder.Build().RunAsync();
