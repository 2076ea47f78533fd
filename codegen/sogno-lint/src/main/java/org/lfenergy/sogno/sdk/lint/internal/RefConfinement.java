package org.lfenergy.sogno.sdk.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/**
 * Keeps swagger-parser from reading anything but the spec's own directory tree: runs before it and
 * removes every {@code $ref} it must not follow, reporting each at its pointer.
 *
 * <ul>
 *   <li>{@code #/…} references stay.</li>
 *   <li>References to the base spec ({@link BaseSpec#URL}) stay when the caller bundles them from the
 *       jar (OpenAPI 3); else (Swagger 2.0) they are reported and removed, never fetched.</li>
 *   <li>Any other URL (a scheme but {@code file:}) is reported and removed unless remote references
 *       are allowed.</li>
 *   <li>Relative paths and {@code file:} URIs must name a file inside the root directory (the spec's
 *       directory) after normalising and resolving symbolic links; the files they reach are read and
 *       checked the same way, and a reference into a file that breaks a rule is removed and reported
 *       at the reference of the document that leads there.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance checks one document.
 */
public final class RefConfinement {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final Path root;
    private final boolean allowRemote;
    private final boolean keepBaseRefs;
    private final Set<Path> visited = new HashSet<>();

    /**
     * @param root the directory tree file references must stay in (the spec's directory)
     * @param allowRemote whether URLs other than the base spec's are left for swagger-parser to fetch
     * @param keepBaseRefs whether base spec references are left for the bundler
     */
    public RefConfinement(Path root, boolean allowRemote, boolean keepBaseRefs) {
        this.root = realPath(root.toAbsolutePath().normalize());
        this.allowRemote = allowRemote;
        this.keepBaseRefs = keepBaseRefs;
    }

    /**
     * Removes, in place, every reference of {@code document} (read from a file in {@code directory})
     * that must not be followed, and returns one issue per removed reference.
     */
    public List<BaseSpecBundler.Issue> confine(ObjectNode document, Path directory) {
        List<BaseSpecBundler.Issue> issues = new ArrayList<>();
        walk(document, "", directory, true, issues);
        return List.copyOf(issues);
    }

    /**
     * Adds an issue per reference below {@code node} that must not be followed; removes those
     * references when {@code document} (the spec itself, whose base references the bundler handles).
     */
    private void walk(JsonNode node, String pointer, Path directory, boolean document,
            List<BaseSpecBundler.Issue> into) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                Optional<String> refused = check(ref.asText(), directory, document && keepBaseRefs);
                if (refused.isPresent()) {
                    into.add(new BaseSpecBundler.Issue(pointer, refused.get()));
                    if (document) {
                        object.remove("$ref");
                    }
                    return;
                }
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                walk(field.getValue(), Pointers.append(pointer, field.getKey()), directory, document, into);
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, directory, document, into);
            }
        }
    }

    /** Why {@code ref}, found in a file of {@code directory}, must not be followed; empty when it may. */
    private Optional<String> check(String ref, Path directory, boolean keepBase) {
        if (ref.startsWith("#")) {
            return Optional.empty();
        }
        if (BaseSpec.isBaseReference(ref)) {
            return keepBase ? Optional.empty() : Optional.of("Reference '" + ref + "' to the base spec is not"
                    + " fetched: only an OpenAPI 3 spec itself (not Swagger 2.0, not a file it references) can use"
                    + " the base spec");
        }
        String location = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        boolean fileUri = location.toLowerCase(Locale.ROOT).startsWith("file:");
        if (SCHEME.matcher(location).find() && !fileUri) {
            return allowRemote ? Optional.empty() : Optional.of("Remote reference '" + ref + "' is not fetched: only"
                    + " the base spec (" + BaseSpec.URL + ") may be referenced by URL; copy the definition into the"
                    + " repository");
        }
        if (location.isEmpty()) {
            return Optional.empty();
        }
        Path target;
        try {
            target = fileUri ? Path.of(URI.create(location)) : directory.resolve(location);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.of("File reference '" + ref + "' is not a readable path: " + e.getMessage());
        }
        Path real = realPath(target.toAbsolutePath().normalize());
        if (!real.startsWith(root)) {
            return Optional.of("File reference '" + ref + "' leaves the spec's directory (" + root + "): only files"
                    + " in that directory and below it are read");
        }
        return checkFile(ref, real);
    }

    /** Reads a referenced file once and checks its own references, relative to its directory. */
    private Optional<String> checkFile(String ref, Path file) {
        if (!visited.add(file) || !Files.isRegularFile(file)) {
            return Optional.empty(); // seen already, or missing: swagger-parser reports a missing file
        }
        JsonNode tree;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            tree = Yamls.mapperFor(text).readTree(text);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // swagger-parser reports what it cannot read
        }
        List<BaseSpecBundler.Issue> nested = new ArrayList<>();
        walk(tree, "", file.getParent(), false, nested);
        if (nested.isEmpty()) {
            return Optional.empty();
        }
        visited.remove(file); // a second reference into the file is refused too
        BaseSpecBundler.Issue first = nested.get(0);
        return Optional.of("Reference '" + ref + "' is not followed: " + root.relativize(file) + " at '#"
                + first.pointer() + "': " + first.message());
    }

    /** The path with the symbolic links of its longest existing prefix resolved. */
    static Path realPath(Path absolute) {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
