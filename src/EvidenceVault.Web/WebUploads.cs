namespace EvidenceVault.Web;

/// <summary>
/// Where the browser's tus client sends files: the API's tus endpoints mounted a second time behind the session
/// cookie. A cross-site page cannot use it: the cookie is SameSite=Strict, and tus requests need the Tus-Resumable
/// header, which a form cannot send and a cross-origin script cannot send without a preflight this site never grants.
/// </summary>
public static class WebUploads
{
    public const string Path = "/browser-uploads";
}
