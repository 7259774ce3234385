package io.roam.instrument.sandbox;

import org.objectweb.asm.Type;

/**
 * One place where process code would escape the kernel.
 *
 * @param className binary name of the class ({@code corpus.Evil})
 * @param method method name, or null for a violation of the class itself (a supertype, a field)
 * @param desc method descriptor, or null when unknown (the parameters are then not shown)
 * @param line source line, or -1 when the class file has none
 * @param what what the code does, e.g. {@code calls java.net.Socket.<init>}
 * @param rule the rule it breaks
 */
public record Violation(String className, String method, String desc, int line, String what, Rule rule) {
  /**
   * One line: {@code corpus.Evil.main(String[]) line 12 calls java.net.Socket.<init>: process code
   * may not open network connections (rule net)}. Parameter types are shown by simple name.
   */
  public String message() {
    StringBuilder b = new StringBuilder(className);
    if (method != null) {
      b.append('.').append(method);
    }
    if (desc != null) {
      b.append('(');
      Type[] args = Type.getArgumentTypes(desc);
      for (int i = 0; i < args.length; i++) {
        String n = args[i].getClassName();
        b.append(i > 0 ? ", " : "").append(n.substring(n.lastIndexOf('.') + 1));
      }
      b.append(')');
    }
    if (line >= 0) {
      b.append(" line ").append(line);
    }
    return b.append(' ').append(what).append(": ").append(rule.reason)
        .append(" (rule ").append(rule.id).append(')').toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
