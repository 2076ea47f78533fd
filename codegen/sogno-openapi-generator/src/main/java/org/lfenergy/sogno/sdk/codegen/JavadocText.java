package org.lfenergy.sogno.sdk.codegen;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code lambda.javadoc} template lambda: a spec's Markdown-ish description as readable Javadoc
 * source. {@code `code`} becomes {@code <code>code</code>}; the rest is escaped by {@link
 * JavaText#javadoc}. It undoes OpenAPI Generator's Java-string escaping first ({@code \"}, {@code *_/}),
 * which is meant for string literals, not comments.
 */
final class JavadocText implements Mustache.Lambda {
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

  @Override
  public void execute(Template.Fragment fragment, Writer out) throws IOException {
    out.write(javadoc(fragment.execute()));
  }

  static String javadoc(String text) {
    String plain = unescapeGeneratorText(text).replaceAll("\\s+", " ").trim();
    StringBuilder javadoc = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(plain);
    int last = 0;
    while (code.find()) {
      javadoc.append(escape(plain.substring(last, code.start())))
          .append("<code>").append(escape(code.group(1))).append("</code>");
      last = code.end();
    }
    return javadoc.append(escape(plain.substring(last))).toString();
  }

  private static String escape(String text) {
    return JavaText.javadoc(text);
  }

  /** Undoes OpenAPI Generator's {@code escapeText} ({@code \\}, {@code \"}, {@code *_/}, {@code /_*}) in one pass. */
  private static String unescapeGeneratorText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '"')) {
        out.append(text.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString().replace("*_/", "*/").replace("/_*", "/*");
  }
}
