package org.lfenergy.sogno.sdk.buildchecks;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a module exports: public types in its API packages (member types only when their enclosing
 * type is exported too) and their public members, plus protected ones of non-final types — what a
 * user's code can compile against.
 *
 * <p>Thread-safe (stateless).
 */
public final class ApiSurface {
  private ApiSurface() {
  }

  /** A type or member and the raw types its signature involves. */
  public record Signature(String description, Set<JavaClass> types) {
    /** Copies the set. */
    public Signature {
      types = Set.copyOf(types);
    }
  }

  /** Whether {@code type} is public API of the module owning its package. */
  public static boolean isExported(JavaClass type, List<SdkModule> modules) {
    SdkModule owner = SdkModule.ownerOf(type.getPackageName(), modules);
    if (owner == null || !owner.isApiPackage(type.getPackageName()) || type.isAnonymousClass()
        || type.isLocalClass() || !isVisible(type.getModifiers(), false)) {
      return false;
    }
    return type.getEnclosingClass().map(enclosing -> isExported(enclosing, modules)
        && isVisible(type.getModifiers(), enclosing.getModifiers().contains(JavaModifier.FINAL))).orElse(true);
  }

  /** The exported fields, constructors and methods of {@code type}, in a stable order. */
  public static List<JavaMember> members(JavaClass type) {
    boolean finalType = type.getModifiers().contains(JavaModifier.FINAL) || type.isEnum() || type.isRecord();
    List<JavaMember> members = new ArrayList<>();
    members.addAll(type.getFields());
    members.addAll(type.getCodeUnits());
    return members.stream()
        .filter(member -> isVisible(member.getModifiers(), finalType))
        .filter(member -> !member.getModifiers().contains(JavaModifier.SYNTHETIC)
            && !member.getModifiers().contains(JavaModifier.BRIDGE))
        .sorted(Comparator.comparing(JavaMember::getFullName))
        .toList();
  }

  /** The type's own signature (supertypes, type parameters) followed by each exported member's. */
  public static Stream<Signature> signatures(JavaClass type) {
    Set<JavaClass> own = new LinkedHashSet<>();
    type.getSuperclass().ifPresent(superclass -> own.addAll(superclass.getAllInvolvedRawTypes()));
    type.getInterfaces().forEach(iface -> own.addAll(iface.getAllInvolvedRawTypes()));
    type.getTypeParameters().forEach(parameter -> own.addAll(parameter.getAllInvolvedRawTypes()));
    Stream<Signature> members = members(type).stream().map(member -> new Signature(member.getFullName(),
        member instanceof JavaField field ? field.getType().getAllInvolvedRawTypes() : involved((JavaCodeUnit) member)));
    return Stream.concat(Stream.of(new Signature(type.getName(), own)), members);
  }

  private static Set<JavaClass> involved(JavaCodeUnit unit) {
    Set<JavaClass> types = new LinkedHashSet<>(unit.getReturnType().getAllInvolvedRawTypes());
    unit.getParameterTypes().stream().map(JavaType::getAllInvolvedRawTypes).forEach(types::addAll);
    types.addAll(unit.getThrowsClause().getTypes());
    unit.getTypeParameters().forEach(parameter -> types.addAll(parameter.getAllInvolvedRawTypes()));
    return types;
  }

  private static boolean isVisible(Set<JavaModifier> modifiers, boolean inFinalType) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED) && !inFinalType;
  }
}
