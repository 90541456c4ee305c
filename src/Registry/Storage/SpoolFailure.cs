namespace Registry.Storage;

/// <summary>Why an upload body was refused before anything was stored.</summary>
internal enum SpoolFailure
{
    None,
    TooLarge,
    Empty,
    NotZip,
    Stalled,
}
