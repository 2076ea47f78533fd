package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiListingTest {
  private static final String LISTING = "org.lfenergy.sogno.sdk.buildchecks.fixtures.listing";
  private static final List<SdkModule> MODULES = List.of(SdkModule.tool("listing", "listing", LISTING));

  @Test
  void listsExportedTypesAndMembersWithGenericSignaturesSortedAndNothingElse() {
    String listing = ApiListing.of(new ClassFileImporter().importPackages(LISTING), MODULES);

    String p = LISTING + ".";
    assertThat(listing).isEqualTo(""
        + "public abstract class " + p + "Listed<T extends java.lang.Comparable<T>> implements java.lang.Comparable<"
        + p + "Listed<T>>, java.util.function.Supplier<T>\n"
        + "  protected Listed(int)\n"
        + "  protected final void touch()\n"
        + "  protected int count\n"
        + "  public abstract java.util.List<? extends T> values()\n"
        + "  public static <K, V extends java.util.List<? super K>> java.util.Map<K, V[]> index(K[], V[])"
        + " throws java.io.IOException\n"
        + "  public static final java.lang.String NAME\n"
        + "\n"
        + "public static final class " + p + "Listed$Builder\n"
        + "  public Builder()\n"
        + "\n"
        + "public static enum " + p + "Listed$Mode\n"
        + "  public static final " + p + "Listed$Mode OFF\n"
        + "  public static final " + p + "Listed$Mode ON\n"
        + "  public static " + p + "Listed$Mode valueOf(java.lang.String)\n"
        + "  public static " + p + "Listed$Mode[] values()\n"
        + "\n"
        + "public static record " + p + "Listed$Pair\n"
        + "  public Pair(java.lang.String, int)\n"
        + "  public final boolean equals(java.lang.Object)\n"
        + "  public final int hashCode()\n"
        + "  public final java.lang.String toString()\n"
        + "  public int right()\n"
        + "  public java.lang.String left()\n"
        + "\n"
        + "public static interface " + p + "Listed$Visitor\n"
        + "  public int twice()\n"
        + "  public int visit()\n"
        + "\n");
  }
}
