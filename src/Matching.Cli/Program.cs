using Matching.Cli;

return await CommandLine.RunAsync(args);
