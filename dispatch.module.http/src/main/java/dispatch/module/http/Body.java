package dispatch.module.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The body of a {@link Request}. Byte arrays given to a body are not copied: do not change them
 * after building the request.
 */
public sealed interface Body {

    /** No body. */
    Body EMPTY = new Empty();

    /** No body. */
    record Empty() implements Body {
    }

    /**
     * Raw bytes with their content type.
     *
     * @param data        the bytes
     * @param contentType the {@code Content-Type}, or {@code null} to send none
     */
    record Bytes(byte[] data, String contentType) implements Body {
        public Bytes {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String toString() {
            return "Bytes[" + data.length + " bytes, " + contentType + "]";
        }
    }

    /** A form sent as {@code application/x-www-form-urlencoded} (UTF-8). */
    record Form(List<Param> fields) implements Body {
        public Form {
            fields = List.copyOf(fields);
        }
    }

    /** A {@code multipart/form-data} body. */
    record Multipart(List<Part> parts) implements Body {
        public Multipart {
            parts = List.copyOf(parts);
        }
    }

    /**
     * One part of a {@link Multipart} body.
     *
     * @param name        the form field name
     * @param filename    the file name for a file part, {@code null} for a plain field
     * @param contentType the part's content type, {@code null} for none
     * @param data        the part's bytes
     */
    record Part(String name, String filename, String contentType, byte[] data) {
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }

        /** A plain text field. */
        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        /** A file from memory. */
        public static Part file(String name, String filename, String contentType, byte[] data) {
            return new Part(name, Objects.requireNonNull(filename, "filename"), contentType, data);
        }

        /**
         * A file read now, on the caller's thread, so that the handler never touches the file
         * system. Sent as {@code application/octet-stream} unless the platform knows its type.
         *
         * @throws UncheckedIOException when the file cannot be read
         */
        public static Part file(String name, Path file) {
            try {
                String type = Files.probeContentType(file);
                return file(name, file.getFileName().toString(), type == null ? "application/octet-stream" : type,
                        Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public String toString() {
            return "Part[" + name + (filename == null ? "" : ", file " + filename) + ", " + data.length + " bytes]";
        }
    }

    /** A text body in the given charset. */
    static Body text(String text, String mediaType, Charset charset) {
        return new Bytes(text.getBytes(charset), mediaType + "; charset=" + charset.name());
    }
}
