using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Rules.LanguageServer.JsonRpc;
using Rules.LanguageServer.Protocol;
using Rules.LanguageServer.Settings;
using Rules.LanguageServer.Tests.Infrastructure;

namespace Rules.LanguageServer.Tests;

public class SettingsTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static InitializeParams WithConfigurationSupport(InitializeParams parameters) =>
        parameters with { Capabilities = new ClientCapabilities(Workspace: new WorkspaceClientCapabilities(Configuration: true)) };

    [Fact]
    public void Reads_the_rules_section_or_the_settings_themselves()
    {
        var direct = SettingsReader.Read(Json("""{"maxNumberOfProblems":7,"trace":"verbose"}"""), new ServerSettings(), out var none);
        Assert.Equal((7, TraceValue.Verbose), (direct.MaxNumberOfProblems, direct.Trace));
        Assert.Empty(none);

        var nested = SettingsReader.Read(Json("""{"rules":{"maxNumberOfProblems":3,"trace":{"server":"messages"}}}"""), new ServerSettings(), out _);
        Assert.Equal((3, TraceValue.Messages), (nested.MaxNumberOfProblems, nested.Trace));
    }

    [Fact]
    public void Bad_values_keep_the_previous_ones_and_are_reported()
    {
        var current = new ServerSettings(MaxNumberOfProblems: 10);
        var read = SettingsReader.Read(Json("""{"maxNumberOfProblems":-1,"trace":"loud"}"""), current, out var problems);
        Assert.Equal(10, read.MaxNumberOfProblems);
        Assert.Equal(TraceValue.Off, read.Trace);
        Assert.Equal(2, problems.Length);
        Assert.Contains("rules.maxNumberOfProblems", problems[1]);
        Assert.Contains("rules.trace", problems[0]);

        SettingsReader.Read(Json("[1]"), current, out var notObject);
        Assert.Contains("must be a JSON object", Assert.Single(notObject));
        Assert.Same(current, SettingsReader.Read(null, current, out _));
    }

    [Fact]
    public void The_store_raises_changed()
    {
        var store = new ServerSettingsStore(NullLogger<ServerSettingsStore>.Instance);
        ServerSettings? seen = null;
        store.Changed += (_, s) => seen = s;
        store.Apply(Json("""{"maxNumberOfProblems":2}"""), "test");
        Assert.Equal(2, seen!.MaxNumberOfProblems);
        Assert.Equal(2, store.Current.MaxNumberOfProblems);
    }

    [Fact]
    public async Task Initialization_options_and_the_initialize_params_are_captured()
    {
        await using var client = LspTestClient.Start(s => s.AddLanguageServerHandler<SettingsProbeHandler>());
        await client.InitializeAsync(LspTestClient.DefaultInitializeParams() with
        {
            ProcessId = Environment.ProcessId,
            InitializationOptions = Json("""{"maxNumberOfProblems":12}"""),
        });
        var probe = (await client.RequestAsync<SessionProbe>("test/probe", null))!;
        Assert.Equal(12, probe.Settings.MaxNumberOfProblems);
        Assert.Equal(Environment.ProcessId, probe.ProcessId);
        Assert.Equal("file:///workspace", probe.RootUri);
        Assert.Equal(["workspace"], probe.Folders);
        Assert.True(probe.Markdown);
        Assert.Equal("test-client", probe.ClientName);
        Assert.Equal("""{"maxNumberOfProblems":12}""", probe.Options);
    }

    [Fact]
    public async Task Settings_are_pulled_with_workspace_configuration_after_initialized()
    {
        await using var client = LspTestClient.Start(
            s => s.AddLanguageServerHandler<SettingsProbeHandler>(),
            configuration: p => new object?[] { new { maxNumberOfProblems = 4, trace = "messages" } });
        await client.InitializeAsync(WithConfigurationSupport(LspTestClient.DefaultInitializeParams()));
        var probe = (await client.RequestAsync<SessionProbe>("test/probe", null))!;
        Assert.Equal(4, probe.Settings.MaxNumberOfProblems);
        Assert.Equal(TraceValue.Messages, probe.Settings.Trace);
        Assert.Equal("rules", Assert.Single(Assert.Single(client.ConfigurationRequests).Items).Section);
    }

    [Fact]
    public async Task A_client_that_fails_workspace_configuration_does_not_stop_the_server()
    {
        await using var client = LspTestClient.Start(
            s => s.AddLanguageServerHandler<SettingsProbeHandler>(),
            configuration: _ => throw new JsonRpcException(JsonRpcErrorCodes.InternalError, "no config here"));
        await client.InitializeAsync(WithConfigurationSupport(LspTestClient.DefaultInitializeParams()));
        var probe = (await client.RequestAsync<SessionProbe>("test/probe", null))!;
        Assert.Equal(ServerSettings.DefaultMaxNumberOfProblems, probe.Settings.MaxNumberOfProblems);
        Assert.Contains("workspace/configuration failed: no config here", client.Log.ToString());
    }

    [Fact]
    public async Task Did_change_configuration_pushes_or_triggers_a_pull()
    {
        var pulls = 0;
        await using var client = LspTestClient.Start(
            s => s.AddLanguageServerHandler<SettingsProbeHandler>(),
            configuration: _ => new object?[] { new { maxNumberOfProblems = 100 + Interlocked.Increment(ref pulls) } });
        await client.InitializeAsync(WithConfigurationSupport(LspTestClient.DefaultInitializeParams()));

        await client.NotifyAsync(LspMethods.DidChangeConfiguration, new DidChangeConfigurationParams(Json("""{"rules":{"maxNumberOfProblems":9}}""")));
        Assert.Equal(9, (await client.RequestAsync<SessionProbe>("test/probe", null))!.Settings.MaxNumberOfProblems);

        await client.NotifyAsync(LspMethods.DidChangeConfiguration, new DidChangeConfigurationParams(null));
        Assert.Equal(102, (await client.RequestAsync<SessionProbe>("test/probe", null))!.Settings.MaxNumberOfProblems);
    }

    [Fact]
    public async Task Set_trace_updates_the_trace_setting()
    {
        await using var client = await LspTestClient.StartInitializedAsync(s => s.AddLanguageServerHandler<SettingsProbeHandler>());
        await client.NotifyAsync(LspMethods.SetTrace, new SetTraceParams(TraceValue.Verbose));
        Assert.Equal(TraceValue.Verbose, (await client.RequestAsync<SessionProbe>("test/probe", null))!.Settings.Trace);
    }

    [Fact]
    public async Task Published_diagnostics_are_limited_to_max_number_of_problems()
    {
        await using var client = LspTestClient.Start(s => s.AddLanguageServerHandler<PublishTestDiagnosticsHandler>());
        await client.InitializeAsync(LspTestClient.DefaultInitializeParams() with { InitializationOptions = Json("""{"maxNumberOfProblems":3}""") });
        await client.RequestRawAsync("test/publish", new PublishTestDiagnosticsParams(LspTestClient.DefaultUri, 5));
        var published = await client.Notifications.WaitAsync(LspMethods.PublishDiagnostics);
        var parameters = published.Deserialize<PublishDiagnosticsParams>(LspJson.Options)!;
        Assert.Equal(LspTestClient.DefaultUri, parameters.Uri);
        Assert.Equal(1, parameters.Version);
        Assert.Equal(["Problem 0", "Problem 1", "Problem 2"], parameters.Diagnostics.Select(d => d.Message));
        Assert.Equal("RL9999", parameters.Diagnostics[0].Code);
    }
}
