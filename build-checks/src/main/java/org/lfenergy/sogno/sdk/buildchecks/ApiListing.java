package org.lfenergy.sogno.sdk.buildchecks;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaGenericArrayType;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A module's public API as text, one type per block, read from its compiled classes: the type line
 * ({@code public final class a.b.C<T> extends … implements …}) then one indented line per exported
 * member with modifiers, generic signature and {@code throws} clause. Types and members are sorted,
 * so the listing only changes when the API does. Nested types use binary names ({@code Outer$Inner}).
 *
 * <p>Thread-safe (stateless).
 */
public final class ApiListing {
  private static final String OBJECT = "java.lang.Object";

  private ApiListing() {
  }

  /** The listing of {@code classes}' exported types, judged against {@code modules}; ends with a newline. */
  public static String of(JavaClasses classes, List<SdkModule> modules) {
    StringBuilder listing = new StringBuilder();
    classes.stream()
        .filter(type -> ApiSurface.isExported(type, modules))
        .sorted(Comparator.comparing(JavaClass::getName))
        .forEach(type -> {
          listing.append(typeLine(type)).append('\n');
          ApiSurface.members(type).stream().map(ApiListing::memberLine).sorted()
              .forEach(line -> listing.append("  ").append(line).append('\n'));
          listing.append('\n');
        });
    return listing.toString();
  }

  static String typeLine(JavaClass type) {
    List<String> words = new ArrayList<>(modifiers(type.getModifiers(), type.isInterface() || type.isEnum()
        || type.isRecord()));
    words.add(type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
        : type.isRecord() ? "record" : "class");
    StringBuilder line = new StringBuilder(String.join(" ", words)).append(' ').append(type.getName())
        .append(typeParameters(type.getTypeParameters()));
    type.getSuperclass().map(ApiListing::render)
        .filter(superclass -> !superclass.equals(OBJECT) && !superclass.startsWith("java.lang.Enum<")
            && !superclass.equals("java.lang.Record"))
        .ifPresent(superclass -> line.append(" extends ").append(superclass));
    List<String> interfaces = type.getInterfaces().stream().map(ApiListing::render)
        .filter(iface -> !iface.equals("java.lang.annotation.Annotation")).sorted().toList();
    if (!interfaces.isEmpty()) {
      line.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
    }
    return line.toString();
  }

  static String memberLine(JavaMember member) {
    boolean inInterface = member.getOwner().isInterface();
    List<String> words = new ArrayList<>(modifiers(member.getModifiers(), inInterface));
    if (member instanceof JavaField field) {
      words.add(render(field.getType()));
      words.add(field.getName());
      return String.join(" ", words);
    }
    JavaCodeUnit unit = (JavaCodeUnit) member;
    String typeParameters = typeParameters(unit.getTypeParameters());
    if (!typeParameters.isEmpty()) {
      words.add(typeParameters);
    }
    if (!unit.isConstructor()) {
      words.add(render(unit.getReturnType()));
    }
    String name = unit.isConstructor() ? member.getOwner().getSimpleName() : unit.getName();
    words.add(name + "(" + unit.getParameterTypes().stream().map(ApiListing::render)
        .collect(Collectors.joining(", ")) + ")");
    if (!unit.getThrowsClause().getTypes().isEmpty()) {
      words.add("throws " + unit.getThrowsClause().getTypes().stream().map(JavaClass::getName).sorted()
          .collect(Collectors.joining(", ")));
    }
    return String.join(" ", words);
  }

  /** Java source form of a type: generics, wildcards and arrays spelled out. */
  static String render(JavaType type) {
    if (type instanceof JavaClass raw) {
      return raw.isArray() ? render(raw.getComponentType()) + "[]" : raw.getName();
    }
    if (type instanceof JavaParameterizedType parameterized) {
      return render(parameterized.toErasure()) + parameterized.getActualTypeArguments().stream()
          .map(ApiListing::render).collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof JavaWildcardType wildcard) {
      if (!wildcard.getLowerBounds().isEmpty()) {
        return "? super " + render(wildcard.getLowerBounds().get(0));
      }
      List<String> upper = wildcard.getUpperBounds().stream().map(ApiListing::render)
          .filter(bound -> !bound.equals(OBJECT)).toList();
      return upper.isEmpty() ? "?" : "? extends " + String.join(" & ", upper);
    }
    if (type instanceof JavaGenericArrayType array) {
      return render(array.getComponentType()) + "[]";
    }
    return type.getName();
  }

  private static String typeParameters(List<? extends JavaTypeVariable<?>> variables) {
    if (variables.isEmpty()) {
      return "";
    }
    return variables.stream().map(variable -> {
      List<String> bounds = variable.getUpperBounds().stream().map(ApiListing::render)
          .filter(bound -> !bound.equals(OBJECT)).toList();
      return bounds.isEmpty() ? variable.getName() : variable.getName() + " extends " + String.join(" & ", bounds);
    }).collect(Collectors.joining(", ", "<", ">"));
  }

  /** Visibility, then static/final/abstract; implied modifiers of interfaces, enums and records left out. */
  private static List<String> modifiers(Set<JavaModifier> modifiers, boolean impliedAbstractOrFinal) {
    List<String> words = new ArrayList<>();
    words.add(modifiers.contains(JavaModifier.PUBLIC) ? "public" : "protected");
    if (modifiers.contains(JavaModifier.STATIC)) {
      words.add("static");
    }
    if (modifiers.contains(JavaModifier.FINAL) && !impliedAbstractOrFinal) {
      words.add("final");
    }
    if (modifiers.contains(JavaModifier.ABSTRACT) && !impliedAbstractOrFinal) {
      words.add("abstract");
    }
    return words;
  }
}
