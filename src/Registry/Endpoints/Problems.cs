using Microsoft.AspNetCore.Http.HttpResults;

namespace Registry.Endpoints;

/// <summary>RFC 9457 problem details for the registry's 4xx answers, each with a stable type URI.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "Invalid request", detail, "invalid-request");

    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found", detail, "not-found");

    public static ProblemHttpResult RequestTimeout(string detail) => Create(StatusCodes.Status408RequestTimeout, "Request timeout", detail, "request-timeout");

    public static ProblemHttpResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, "Conflict", detail, "conflict");

    public static ProblemHttpResult TooLarge(string detail) => Create(StatusCodes.Status413PayloadTooLarge, "Request body too large", detail, "too-large");

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail, "unsupported-media-type");

    public static ProblemHttpResult RangeNotSatisfiable(string detail) =>
        Create(StatusCodes.Status416RangeNotSatisfiable, "Range not satisfiable", detail, "range-not-satisfiable");

    public static ProblemHttpResult TooManyRequests(string detail) => Create(StatusCodes.Status429TooManyRequests, "Too many requests", detail, "too-many-requests");

    public static ProblemHttpResult Unavailable(string detail) => Create(StatusCodes.Status503ServiceUnavailable, "Backing service unavailable", detail, "unavailable");

    private static ProblemHttpResult Create(int status, string title, string detail, string type) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: $"https://acme.example/problems/{type}");
}
