using Rules.Core.Workspace;
using Rules.Engine.Evaluation;

namespace Rules.Engine.Hosting;

/// <summary>A framework that compiled without errors, ready to evaluate cases, with the version it was loaded as.</summary>
public sealed record LoadedFramework(FrameworkCompilation Compilation, CompiledFramework Framework, int Generation);
