package org.lfenergy.sogno.sdk.lint.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of {@code java -jar sogno-lint-cli.jar [options] SPEC…}: runs {@link LintCli} on
 * the process's standard streams (UTF-8) and exits with its status: 0 no finding at or above
 * {@code --fail-on}, 1 findings, 2 usage error or unreadable file.
 */
public final class Main {

    private Main() {
    }

    /** Runs the linter with these arguments and exits the JVM with the status {@link LintCli#run} returns. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = LintCli.run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
