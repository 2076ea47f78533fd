package org.lfenergy.sogno.sdk.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/**
 * Makes a service spec self-contained with respect to the base spec, offline.
 *
 * <p>A reference to a base component ({@code <BaseSpec.URL>#/components/<kind>/<name>}) becomes the
 * local {@code #/components/<kind>/<name>}, and the component, with every component it references
 * in turn, is copied into the service spec's {@code components} under the same name. A reference to
 * anything else in the base spec (a path item, say) is replaced by a copy of the target. Component
 * names therefore stay those of the base spec, which lets the generator map them to the SDK's own
 * classes. A service component of the same name but different content is reported and kept.
 * Other references are {@link RefConfinement}'s concern.
 *
 * <p>Not thread-safe: one instance bundles one document.
 */
public final class BaseSpecBundler {

    /** Something the bundler could not do, at a pointer of the service document. */
    public record Issue(String pointer, String message) {
    }

    private static final ObjectNode BASE = (ObjectNode) Yamls.readBase();

    private final ObjectNode document;
    private final Set<String> copiedComponents = new LinkedHashSet<>();
    private final Set<String> inlinedPaths = new LinkedHashSet<>();
    private final List<Issue> issues = new ArrayList<>();
    private final Deque<Work> work = new ArrayDeque<>();

    private record Work(JsonNode node, String pointer, boolean fromBase) {
    }

    /** Prepares to bundle {@code document} in place. */
    public BaseSpecBundler(ObjectNode document) {
        this.document = document;
    }

    /** Bundles in place and returns what went wrong (empty when all went well). */
    public List<Issue> bundle() {
        adoptAliasedComponents();
        work.push(new Work(document, "", false));
        while (!work.isEmpty()) {
            Work next = work.pop();
            visit(next.node(), next.pointer(), next.fromBase());
        }
        return List.copyOf(issues);
    }

    /** The components copied from the base spec, as {@code <kind>/<name>}, e.g. {@code schemas/Problem}. */
    public Set<String> copiedComponents() {
        return Set.copyOf(copiedComponents);
    }

    /** The path keys whose whole path item came from the base spec. */
    public Set<String> inlinedPaths() {
        return Set.copyOf(inlinedPaths);
    }

    /**
     * A service component that only references the base component of the same kind and name
     * ({@code bearerAuth: {$ref: '<base>#/components/securitySchemes/bearerAuth'}}) becomes that
     * component; rewriting the reference alone would make it point at itself.
     */
    private void adoptAliasedComponents() {
        if (!(document.get("components") instanceof ObjectNode components)) {
            return;
        }
        components.properties().forEach(kind -> {
            if (kind.getValue() instanceof ObjectNode entries) {
                entries.properties().forEach(entry -> {
                    JsonNode ref = entry.getValue().get("$ref");
                    String self = BaseSpec.URL + "#" + Pointers.of("components", kind.getKey(), entry.getKey());
                    JsonNode base = BASE.path("components").path(kind.getKey()).get(entry.getKey());
                    if (entry.getValue().size() == 1 && ref != null && self.equals(ref.asText()) && base != null) {
                        entry.setValue(base.deepCopy());
                        copiedComponents.add(kind.getKey() + "/" + entry.getKey());
                    }
                });
            }
        });
    }

    private void visit(JsonNode node, String pointer, boolean fromBase) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && rewrite(object, ref.asText(), pointer, fromBase)) {
                return;
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                work.push(new Work(field.getValue(), Pointers.append(pointer, field.getKey()), fromBase));
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                work.push(new Work(node.get(i), pointer + "/" + i, fromBase));
            }
        }
    }

    /** Rewrites one reference; true when the object was replaced by base content and queued again. */
    private boolean rewrite(ObjectNode object, String ref, String pointer, boolean fromBase) {
        if (BaseSpec.isBaseReference(ref)) {
            String fragment = ref.length() > BaseSpec.URL.length() ? ref.substring(BaseSpec.URL.length() + 1) : "";
            List<String> segments = Pointers.segments(fragment);
            if (segments.size() == 3 && segments.get(0).equals("components")) {
                if (requireComponent(segments.get(1), segments.get(2), pointer)) {
                    object.put("$ref", "#" + fragment);
                }
                return false;
            }
            JsonNode target = fragment.isEmpty() ? null : BASE.at(fragment);
            if (target == null || target.isMissingNode() || !target.isObject()) {
                issues.add(new Issue(pointer, "The base spec has no object at '#" + fragment + "' (" + ref + ")"));
                return false;
            }
            object.remove("$ref");
            object.setAll(((ObjectNode) target).deepCopy());
            if (pointer.startsWith("/paths/") && Pointers.segments(pointer).size() == 2) {
                inlinedPaths.add(Pointers.segments(pointer).get(1));
            }
            work.push(new Work(object, pointer, true));
            return true;
        } else if (fromBase && ref.startsWith("#/components/")) {
            List<String> segments = Pointers.segments(ref.substring(1));
            if (segments.size() == 3) {
                requireComponent(segments.get(1), segments.get(2), pointer);
            }
        }
        return false;
    }

    private boolean requireComponent(String kind, String name, String pointer) {
        JsonNode base = BASE.path("components").path(kind).get(name);
        if (base == null) {
            issues.add(new Issue(pointer, "The base spec has no component '" + kind + "/" + name + "'"));
            return false;
        }
        ObjectNode components = objectMember(objectMember(document, "components"), kind);
        if (components == null) {
            issues.add(new Issue(pointer, "'components/" + kind + "' is not an object, so '" + name
                    + "' of the base spec cannot be added to it"));
            return false;
        }
        JsonNode existing = components.get(name);
        if (existing == null) {
            components.set(name, base.deepCopy());
            copiedComponents.add(kind + "/" + name);
            work.push(new Work(components.get(name), Pointers.of("components", kind, name), true));
        } else if (!copiedComponents.contains(kind + "/" + name) && !existing.equals(base)) {
            issues.add(new Issue(Pointers.of("components", kind, name), "'components/" + kind + "/" + name
                    + "' differs from the base spec's definition it shadows; rename it or reference the base one"));
        }
        return true;
    }

    private static ObjectNode objectMember(ObjectNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode member = parent.get(name);
        if (member == null) {
            return parent.putObject(name);
        }
        return member instanceof ObjectNode object ? object : null;
    }
}
