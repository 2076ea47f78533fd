package org.lfenergy.sogno.sdk.codegen;

import java.nio.file.Path;

/**
 * Command line entry for builds that run the generator as a Java program (for example {@code
 * exec-maven-plugin}): {@code <spec> <package> <output-directory> [--server] [--allow-spec-code]
 * [--overlay=<file> …] [option=value …]}, where {@code <spec>} is a file or {@value #BASE_SPEC} for the base spec's own
 * client, {@value #SERVER} writes the server side (handler interfaces on {@code sogno-sdk-server})
 * instead of the client, {@value #ALLOW_SPEC_CODE} renders the spec's annotation and {@code implements}
 * extensions verbatim ({@link SognoGenerator.Builder#allowSpecCode}), and {@code --overlay=<file>} adds an overlay ({@link
 * SognoGenerator.Builder#overlay}). Exits with status 2 on wrong
 * arguments and 1 when generation fails, printing the reason.
 */
public final class SognoGeneratorMain {
  /** The spec argument that stands for the base spec in the {@code sogno-api-spec} jar. */
  public static final String BASE_SPEC = "--base-spec";

  /** The argument that asks for the server side. */
  public static final String SERVER = "--server";

  /** The argument that lets the spec's annotation and {@code implements} extensions into the code. */
  public static final String ALLOW_SPEC_CODE = "--allow-spec-code";
  private static final String OVERLAY = "--overlay=";

  private SognoGeneratorMain() {}

  /** Runs the generator; see the class comment for the arguments. */
  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: SognoGeneratorMain <spec> <package> <output-directory> [--server] [--allow-spec-code] [--overlay=file ...] [option=value ...]");
      System.exit(2);
      return;
    }
    try {
      SognoGenerator.Builder builder =
          SognoGenerator.builder().basePackage(args[1]).outputDirectory(Path.of(args[2]));
      for (int i = 3; i < args.length; i++) {
        if (SERVER.equals(args[i])) {
          builder.server();
          continue;
        }
        if (ALLOW_SPEC_CODE.equals(args[i])) {
          builder.allowSpecCode();
          continue;
        }
        if (args[i].startsWith(OVERLAY)) {
          builder.overlay(Path.of(args[i].substring(OVERLAY.length())));
          continue;
        }
        int equals = args[i].indexOf('=');
        if (equals < 1) {
          throw new IllegalArgumentException("Not an option=value pair: " + args[i]);
        }
        builder.option(args[i].substring(0, equals), args[i].substring(equals + 1));
      }
      SognoGenerator generator = builder.build();
      if (BASE_SPEC.equals(args[0])) {
        generator.generateBaseSpecClient();
      } else {
        generator.generate(Path.of(args[0]));
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (GenerationException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }
}
