package org.lfenergy.sogno.sdk.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Where the SOGNO base OpenAPI spec lives: the stable URL service specs reference, and the
 * resource path of the copy bundled in this jar.
 *
 * <p>A service spec references a base definition by URL, for example
 * {@code $ref: 'https://sogno-platform.github.io/sogno-api/base/v1/openapi.yaml#/components/schemas/Problem'}.
 * Tools never fetch that URL: they map every reference starting with {@link #URL} to the bundled
 * copy at {@link #RESOURCE_PATH}. The base spec is versioned like an API: within {@code v1} it only
 * changes in backward-compatible ways, so a newer jar serves specs written against an older one.
 *
 * <p>Stateless and thread-safe.
 */
public final class BaseSpec {

    /** The stable URL of the base spec (major version 1) that service specs put in {@code $ref}. */
    public static final String URL = "https://sogno-platform.github.io/sogno-api/base/v1/openapi.yaml";

    /** The class-path resource (no leading slash) of the bundled copy of {@link #URL}. */
    public static final String RESOURCE_PATH = "org/lfenergy/sogno/sdk/spec/v1/openapi.yaml";

    /** The OpenAPI version the base spec is written in. */
    public static final String OPENAPI_VERSION = "3.0.3";

    private BaseSpec() {
    }

    /**
     * Returns the URL of the bundled copy inside this jar (a {@code jar:} or {@code file:} URL).
     *
     * @throws IllegalStateException if the resource is missing, i.e. the jar is broken
     */
    public static URL resource() {
        URL url = BaseSpec.class.getClassLoader().getResource(RESOURCE_PATH);
        if (url == null) {
            throw missing();
        }
        return url;
    }

    /**
     * Opens the bundled copy; the caller closes the stream.
     *
     * @throws IllegalStateException if the resource is missing
     */
    public static InputStream open() {
        InputStream in = BaseSpec.class.getClassLoader().getResourceAsStream(RESOURCE_PATH);
        if (in == null) {
            throw missing();
        }
        return in;
    }

    /**
     * Reads the bundled copy as UTF-8 YAML text.
     *
     * @throws IllegalStateException if the resource is missing
     * @throws UncheckedIOException if reading the jar fails
     */
    public static String text() {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SOGNO base spec " + RESOURCE_PATH, e);
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("The SOGNO base spec " + RESOURCE_PATH
                + " is missing from the class path: the sogno-api-spec jar is broken");
    }

    /**
     * Tells whether a {@code $ref} value points into the base spec (with or without a fragment).
     */
    public static boolean isBaseReference(String ref) {
        return ref != null && (ref.equals(URL) || ref.startsWith(URL + "#"));
    }
}
