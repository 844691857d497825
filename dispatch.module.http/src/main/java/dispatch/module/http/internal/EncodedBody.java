package dispatch.module.http.internal;

import dispatch.module.http.Body;
import dispatch.module.http.Param;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link Body} turned into bytes once per request, so that a redirect that keeps the body
 * (307, 308) sends the very same bytes, multipart boundary included.
 *
 * @param bytes       the encoded body, {@code null} for none
 * @param contentType the content type the encoding implies, {@code null} for none
 */
record EncodedBody(byte[] bytes, String contentType) {

    static final EncodedBody NONE = new EncodedBody(null, null);

    static EncodedBody of(Body body) {
        if (body instanceof Body.Bytes raw) {
            return new EncodedBody(raw.data(), raw.contentType());
        }
        if (body instanceof Body.Form form) {
            return new EncodedBody(formEncode(form.fields()).getBytes(StandardCharsets.US_ASCII),
                    "application/x-www-form-urlencoded");
        }
        if (body instanceof Body.Multipart multipart) {
            String boundary = "dispatch-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + Long.toHexString(ThreadLocalRandom.current().nextLong());
            return new EncodedBody(multipart(multipart.parts(), boundary), "multipart/form-data; boundary=" + boundary);
        }
        return NONE;
    }

    /** A fresh publisher of the bytes, one per send. */
    BodyPublisher publisher() {
        return bytes == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(bytes);
    }

    /** {@code name=value&...}, UTF-8, spaces as {@code %20} so that it reads the same as a query. */
    static String formEncode(List<Param> params) {
        StringBuilder encoded = new StringBuilder();
        for (Param param : params) {
            if (encoded.length() > 0) {
                encoded.append('&');
            }
            encoded.append(encode(param.name())).append('=').append(encode(param.value()));
        }
        return encoded.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] multipart(List<Body.Part> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Body.Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(part.name())).append('"');
            if (part.filename() != null) {
                head.append("; filename=\"").append(quoted(part.filename())).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(oneLine(part.contentType())).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.data());
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    // As browsers do (HTML form submission): quotes and line breaks are percent-encoded.
    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String oneLine(String value) {
        return value.replace("\r", "").replace("\n", "");
    }
}
