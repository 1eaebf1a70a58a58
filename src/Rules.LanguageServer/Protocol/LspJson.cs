using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Rules.LanguageServer.Protocol;

/// <summary>
/// The JSON conventions of the protocol types: camelCase members, null members omitted, enums as numbers,
/// UTF-8 text unescaped, and strict reading (missing required constructor parameters and nulls in non-nullable members are errors,
/// which the connection answers with InvalidParams).
/// </summary>
public static class LspJson
{
    /// <summary>A read-only instance of <see cref="CreateOptions"/>.</summary>
    public static JsonSerializerOptions Options { get; } = CreateReadOnlyOptions();

    public static JsonSerializerOptions CreateOptions() => new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
        // The protocol is never embedded in HTML: write quotes and non-ASCII text as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Generated metadata for the protocol types first (no reflection at start-up), reflection for any other type.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(LspJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    private static JsonSerializerOptions CreateReadOnlyOptions()
    {
        var options = CreateOptions();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
