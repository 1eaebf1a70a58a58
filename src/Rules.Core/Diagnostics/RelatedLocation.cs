namespace Rules.Core.Diagnostics;

/// <summary>
/// Another place a diagnostic is about: the first declaration of a duplicate, the error in an imported file. Editors
/// show it as a link under the problem (LSP <c>relatedInformation</c>); SARIF as a related location.
/// </summary>
public sealed record RelatedLocation(Location Location, string Message);
