namespace Sispmpi.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Sispmpi.Bench -- generate …</c> (the data-set generator) or
/// <c>-- dashboard …</c> (the monitoring dashboard timed on PostgreSQL) or <c>-- panel …</c> (the network panel timed on PostgreSQL) or <c>-- save …</c> (the execution-record save with and without the panel summary). A named class rather than top-level
/// statements: the referenced web project already has a public <c>Program</c>.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["generate", .. var rest])
        {
            var options = GenerateOptions.Parse(rest, out var error);
            if (options is null)
            {
                await Console.Error.WriteLineAsync(error);
                await Console.Error.WriteLineAsync(GenerateOptions.Usage);
                return 2;
            }
            try
            {
                return await new GenerateCommand(options).RunAsync();
            }
            catch (Exception exception)
            {
                // The data is written in transactions that roll back when their connections close unconfirmed.
                await Console.Error.WriteLineAsync($"Falha na geração: {exception.GetBaseException().Message}");
                await Console.Error.WriteLineAsync(exception.ToString());
                return 1;
            }
        }
        if (args is ["dashboard", .. var dashboardArgs])
        {
            var options = Dashboard.DashboardOptions.Parse(dashboardArgs, out var error);
            if (options is null)
            {
                await Console.Error.WriteLineAsync(error);
                await Console.Error.WriteLineAsync(Dashboard.DashboardOptions.Usage);
                return 2;
            }
            try
            {
                return await new Dashboard.DashboardCommand(options).RunAsync();
            }
            catch (Exception exception)
            {
                await Console.Error.WriteLineAsync($"Falha no benchmark do painel: {exception.GetBaseException().Message}");
                await Console.Error.WriteLineAsync(exception.ToString());
                return 1;
            }
        }
        if (args is ["panel", .. var panelArgs])
        {
            var options = Panel.PanelOptions.Parse(panelArgs, out var error);
            if (options is null)
            {
                await Console.Error.WriteLineAsync(error);
                await Console.Error.WriteLineAsync(Panel.PanelOptions.Usage);
                return 2;
            }
            try
            {
                return await new Panel.PanelCommand(options).RunAsync();
            }
            catch (Exception exception)
            {
                await Console.Error.WriteLineAsync($"Falha no benchmark do painel da rede: {exception.GetBaseException().Message}");
                await Console.Error.WriteLineAsync(exception.ToString());
                return 1;
            }
        }
        if (args is ["load", .. var loadArgs])
        {
            var options = Load.LoadOptions.Parse(loadArgs, out var error);
            if (options is null)
            {
                await Console.Error.WriteLineAsync(error);
                await Console.Error.WriteLineAsync(Load.LoadOptions.Usage);
                return 2;
            }
            try
            {
                return await new Load.LoadCommand(options).RunAsync();
            }
            catch (Exception exception)
            {
                await Console.Error.WriteLineAsync($"Falha no teste de carga: {exception.GetBaseException().Message}");
                await Console.Error.WriteLineAsync(exception.ToString());
                return 1;
            }
        }
        if (args is ["save", .. var saveArgs])
        {
            var options = Panel.PanelOptions.Parse(saveArgs, out var error);
            if (options is null)
            {
                await Console.Error.WriteLineAsync(error);
                await Console.Error.WriteLineAsync(Panel.PanelOptions.Usage.Replace("-- panel", "-- save", StringComparison.Ordinal));
                return 2;
            }
            try
            {
                return await new Save.SaveCommand(options).RunAsync();
            }
            catch (Exception exception)
            {
                await Console.Error.WriteLineAsync($"Falha no benchmark do registro de execução: {exception.GetBaseException().Message}");
                await Console.Error.WriteLineAsync(exception.ToString());
                return 1;
            }
        }
        await Console.Error.WriteLineAsync(GenerateOptions.Usage);
        await Console.Error.WriteLineAsync(Dashboard.DashboardOptions.Usage);
        await Console.Error.WriteLineAsync(Panel.PanelOptions.Usage);
        await Console.Error.WriteLineAsync(Load.LoadOptions.Usage);
        return 2;
    }
}
