namespace Rules.LanguageServer.Documents;

/// <summary>
/// Told about every open, change and close, after the <see cref="DocumentStore"/> is updated, in order,
/// one at a time (document notifications are serial: the next one waits until all listeners returned).
/// Long work (compiling, publishing diagnostics) should be started here and run in the background,
/// e.g. debounced per document, so typing is not held up. Register with
/// <c>services.AddDocumentChangeListener&lt;T&gt;()</c>.
/// </summary>
public interface IDocumentChangeListener
{
    Task OnDocumentChangedAsync(DocumentChange change, CancellationToken cancellationToken);
}
