package dispatch.module.http.internal;

import dispatch.module.http.HttpFailure;
import dispatch.module.http.Param;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;

/** URL checks and redirect arithmetic. */
final class Targets {

    private Targets() {
    }

    /**
     * The URI a request goes to: its URL with the query parameters appended, without fragment.
     *
     * @throws HttpFailure of kind {@link HttpFailure.Kind#INVALID_REQUEST} for a URL the module does not send to
     */
    static URI of(String url, List<Param> query) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("malformed URL " + url + ": " + e.getReason() + " at index " + e.getIndex());
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw invalid("not an absolute URL: " + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("only http and https URLs are supported, not " + url);
        }
        if (uri.getHost() == null) {
            throw invalid("no valid host in " + url);
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("credentials in the URL are not sent; use basicAuth: " + uri.getHost());
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (query.isEmpty() && uri.getRawFragment() == null && scheme.equals(uri.getScheme()) && path == uri.getRawPath()) {
            return uri; // already in the form the client gets: spare a second parse
        }
        String rawQuery = uri.getRawQuery();
        String extra = EncodedBody.formEncode(query);
        String combined = rawQuery == null || rawQuery.isEmpty() ? extra : extra.isEmpty() ? rawQuery : rawQuery + "&" + extra;
        String rebuilt = scheme + "://" + uri.getRawAuthority() + path + (combined.isEmpty() ? "" : "?" + combined);
        try {
            return new URI(rebuilt);
        } catch (URISyntaxException e) {
            throw invalid("malformed URL " + url + ": " + e.getReason());
        }
    }

    /** Whether {@code status} is a redirect the module can follow. */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * Where a redirect points, resolved against the URI that answered.
     *
     * @return the target, or {@code null} without a {@code Location}
     * @throws HttpFailure of kind {@link HttpFailure.Kind#IO} for a target the module cannot follow
     */
    static URI location(URI from, HttpHeaders headers) {
        String location = headers.firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
            return null;
        }
        URI target;
        try {
            target = from.resolve(new URI(location.trim()));
        } catch (URISyntaxException e) {
            throw new HttpFailure(HttpFailure.Kind.IO, from + " redirected to a malformed location: " + location, e);
        }
        try {
            return of(target.toString(), List.of());
        } catch (HttpFailure e) {
            throw new HttpFailure(HttpFailure.Kind.IO, from + " redirected to a location the module does not follow: "
                    + e.getMessage(), e);
        }
    }

    /** Whether two URIs have the same scheme, host and port. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static HttpFailure invalid(String message) {
        return new HttpFailure(HttpFailure.Kind.INVALID_REQUEST, message);
    }
}
