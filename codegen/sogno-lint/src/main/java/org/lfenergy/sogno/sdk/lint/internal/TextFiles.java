package org.lfenergy.sogno.sdk.lint.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes report and spec files. */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * Writes UTF-8 text to {@code target}, creating its parent directories.
     *
     * @throws UncheckedIOException naming {@code what} when writing fails
     */
    public static Path write(Path target, String text, String what) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + what + " to " + target, e);
        }
    }
}
