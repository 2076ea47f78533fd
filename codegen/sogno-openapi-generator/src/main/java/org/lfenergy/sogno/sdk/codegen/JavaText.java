package org.lfenergy.sogno.sdk.codegen;

/**
 * The one place spec text is made safe for Java source: {@link #stringContent} for the inside of a
 * string literal, {@link #javadoc} for comment text. Neither output can contain a Java unicode escape
 * ({@code &#92;u002a/} would close a comment and {@code &#92;u0022} a string literal before the compiler even
 * lexes the file), a line break, a comment end or an unescaped quote, whatever the input. Stateless.
 */
final class JavaText {
  private JavaText() {}

  /**
   * {@code text} as the content of a Java string literal whose value is exactly {@code text}. Quotes,
   * backslashes, control characters and the characters HTML escaping changes ({@code & < > = ' `}) are
   * written as three-digit octal escapes, which contain nothing but a backslash and digits, so
   * neither the compiler's unicode pre-pass nor the template engine's HTML escaping can alter them.
   */
  static String stringContent(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || "\"\\&<>='`".indexOf(c) >= 0) {
        out.append('\\').append(String.format("%03o", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code text} as Javadoc text: control characters (line breaks included) become spaces, HTML
   * markup, {@code @} and braces are escaped so Javadoc sees no tags, and every backslash becomes
   * {@code &#92;} so no unicode escape survives; {@code *}{@code /} cannot appear.
   */
  static String javadoc(String text) {
    // Written per character: a replace chain could join "*" and "/" produced by different steps.
    StringBuilder out = new StringBuilder(text.length() + 16);
    String plain = text;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '/' -> out.append(i > 0 && plain.charAt(i - 1) == '*' ? "&#47;" : "/");
        default -> out.append(c < 0x20 || c == 0x7f ? ' ' : c);
      }
    }
    return out.toString();
  }
}

