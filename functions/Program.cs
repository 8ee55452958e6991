using Switchyard.Functions.Cli;

return await SwitchyardCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
