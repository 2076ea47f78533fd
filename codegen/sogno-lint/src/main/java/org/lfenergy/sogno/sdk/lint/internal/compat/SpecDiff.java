package org.lfenergy.sogno.sdk.lint.internal.compat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/**
 * The breaking changes (SOGNO-801) from one version of a spec to the next: what a client written
 * against the previous version relies on and the current one no longer gives. Removed paths,
 * operations and responses; new required parameters, bodies and request properties; request
 * schemas narrowed and response schemas widened ({@link SchemaDiff}); changed security. Response
 * enums growing is not breaking: enums are extensible and clients tolerate unknown values (SOGNO-401).
 */
public final class SpecDiff {

    /**
     * One breaking change.
     *
     * @param inPrevious whether {@code pointer} points into the previous spec (something removed)
     *     rather than into the current one
     */
    public record Change(boolean inPrevious, String pointer, String message) {
    }

    private final Documents docs;
    private final List<Change> changes = new ArrayList<>();

    private SpecDiff(OpenAPI previous, OpenAPI current) {
        this.docs = new Documents(previous, current);
    }

    /** The breaking changes from {@code previous} to {@code current}, in document order. */
    public static List<Change> between(OpenAPI previous, OpenAPI current) {
        SpecDiff diff = new SpecDiff(Objects.requireNonNull(previous, "previous"), Objects.requireNonNull(current, "current"));
        diff.comparePaths();
        return List.copyOf(diff.changes);
    }

    private void comparePaths() {
        Map<String, PathItem> before = paths(docs.previous());
        Map<String, PathItem> after = paths(docs.current());
        before.forEach((path, item) -> {
            PathItem now = after.get(path);
            String pointer = Pointers.of("paths", path);
            if (now == null) {
                changes.add(new Change(true, pointer, "Path '" + path + "' was removed"));
                return;
            }
            Map<PathItem.HttpMethod, Operation> nowOperations = now.readOperationsMap();
            item.readOperationsMap().forEach((method, operation) -> {
                String name = method.name().toLowerCase(Locale.ROOT);
                String label = method.name() + " " + path;
                Operation current = nowOperations.get(method);
                if (current == null) {
                    changes.add(new Change(true, Pointers.append(pointer, name), "Operation " + label + " was removed"));
                } else {
                    compareOperation(label, Pointers.append(pointer, name), item, operation, now, current);
                }
            });
        });
    }

    private void compareOperation(String label, String pointer, PathItem beforeItem, Operation before,
            PathItem afterItem, Operation after) {
        String pathPointer = Pointers.parent(pointer);
        compareParameters(label, pointer, parameters(docs.previous(), pathPointer, beforeItem, pointer, before),
                parameters(docs.current(), pathPointer, afterItem, pointer, after));
        compareRequestBody(label, pointer, docs.previousBody(before.getRequestBody()), docs.currentBody(after.getRequestBody()));
        compareResponses(label, pointer, before, after);
        compareSecurity(label, pointer, before, after);
    }

    private void compareParameters(String label, String pointer, Map<String, Located<Parameter>> before,
            Map<String, Located<Parameter>> after) {
        after.forEach((key, now) -> {
            Located<Parameter> was = before.get(key);
            boolean required = Boolean.TRUE.equals(now.value().getRequired());
            String name = now.value().getIn() + " parameter '" + now.value().getName() + "'";
            if (was == null) {
                if (required) {
                    changes.add(new Change(false, now.pointer(), label + " has a new required " + name));
                }
                return;
            }
            if (required && !Boolean.TRUE.equals(was.value().getRequired())) {
                changes.add(new Change(false, now.pointer() + "/required", label + ": " + name + " became required"));
            }
            new SchemaDiff(docs, SchemaDiff.Direction.REQUEST, changes, label + ": " + name)
                    .compare(was.value().getSchema(), now.value().getSchema(), now.pointer() + "/schema");
        });
    }

    private void compareRequestBody(String label, String pointer, RequestBody before, RequestBody after) {
        if (after == null) {
            return;
        }
        boolean required = Boolean.TRUE.equals(after.getRequired());
        if (required && (before == null || !Boolean.TRUE.equals(before.getRequired()))) {
            changes.add(new Change(false, pointer + "/requestBody", label + " now requires a request body"));
        }
        if (before == null) {
            return;
        }
        Map<String, MediaType> was = media(before.getContent());
        was.forEach((type, media) -> {
            MediaType now = media(after.getContent()).get(type);
            String at = Pointers.append(pointer, "requestBody", "content", type);
            if (now == null) {
                changes.add(new Change(false, Pointers.append(pointer, "requestBody", "content"),
                        label + " no longer accepts a '" + type + "' request body"));
            } else {
                new SchemaDiff(docs, SchemaDiff.Direction.REQUEST, changes, label + ": request body")
                        .compare(media.getSchema(), now.getSchema(), at + "/schema");
            }
        });
    }

    private void compareResponses(String label, String pointer, Operation before, Operation after) {
        if (before.getResponses() == null) {
            return;
        }
        Map<String, ApiResponse> now = after.getResponses() == null ? Map.of() : after.getResponses();
        before.getResponses().forEach((code, response) -> {
            String at = Pointers.append(pointer, "responses", code);
            ApiResponse current = now.get(code);
            if (current == null) {
                changes.add(new Change(true, at, label + ": response " + code + " was removed"));
                return;
            }
            Map<String, MediaType> currentMedia = media(docs.currentResponse(current).getContent());
            media(docs.previousResponse(response).getContent()).forEach((type, media) -> {
                MediaType nowMedia = currentMedia.get(type);
                if (nowMedia == null) {
                    changes.add(new Change(true, Pointers.append(at, "content", type),
                            label + ": response " + code + " no longer has a '" + type + "' body"));
                } else {
                    new SchemaDiff(docs, SchemaDiff.Direction.RESPONSE, changes, label + ": response " + code)
                            .compare(media.getSchema(), nowMedia.getSchema(), Pointers.append(at, "content", type, "schema"));
                }
            });
        });
    }

    /** Breaking when a credential the previous version accepted (one alternative) is no longer enough. */
    private void compareSecurity(String label, String pointer, Operation before, Operation after) {
        List<SecurityRequirement> was = before.getSecurity() != null ? before.getSecurity() : docs.previous().getSecurity();
        List<SecurityRequirement> now = after.getSecurity() != null ? after.getSecurity() : docs.current().getSecurity();
        List<SecurityRequirement> previous = was == null ? List.of() : was;
        List<SecurityRequirement> current = now == null ? List.of() : now;
        boolean wasOpen = previous.isEmpty() || previous.stream().anyMatch(Map::isEmpty);
        boolean isOpen = current.isEmpty() || current.stream().anyMatch(Map::isEmpty);
        if (isOpen) {
            return;
        }
        boolean lost = wasOpen || previous.stream().anyMatch(alternative -> !current.contains(alternative));
        if (lost) {
            changes.add(new Change(false, after.getSecurity() != null ? pointer + "/security" : "/security",
                    label + ": security changed from " + describe(previous) + " to " + describe(current)));
        }
    }

    private static String describe(List<SecurityRequirement> requirements) {
        return requirements.isEmpty() || requirements.stream().anyMatch(Map::isEmpty) ? "none" : requirements.toString();
    }

    private static Map<String, PathItem> paths(OpenAPI api) {
        return api.getPaths() == null ? Map.of() : api.getPaths();
    }

    private static Map<String, MediaType> media(Content content) {
        return content == null ? Map.of() : content;
    }

    /** Path-level and operation-level parameters, resolved, by {@code in:name}; the operation's win. */
    private static Map<String, Located<Parameter>> parameters(OpenAPI api, String pathPointer, PathItem item,
            String operationPointer, Operation operation) {
        Map<String, Located<Parameter>> result = new LinkedHashMap<>();
        add(api, item.getParameters(), pathPointer + "/parameters", result);
        add(api, operation.getParameters(), operationPointer + "/parameters", result);
        return result;
    }

    private static void add(OpenAPI api, List<Parameter> list, String pointer, Map<String, Located<Parameter>> into) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Located<Parameter> resolved = Documents.parameter(api, list.get(i));
            if (resolved != null && resolved.value().getName() != null) {
                String at = resolved.pointer().isEmpty() ? pointer + "/" + i : resolved.pointer();
                into.put(resolved.value().getIn() + ":" + resolved.value().getName().toLowerCase(Locale.ROOT),
                        new Located<>(resolved.value(), at));
            }
        }
    }
}
