package io.roam.cli;

import io.roam.instrument.ClassHierarchy;
import io.roam.instrument.sandbox.SandboxVerifier;
import io.roam.instrument.sandbox.Violation;
import io.roam.kernel.process.CodeSource;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roam local check}: the sandbox's verdict on a whole program, without running it. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"List every call in a program that the Roam sandbox refuses, without running any of it.",
        "Checks every class on the class path CP, not only those MAIN reaches: under 'roam local run' a",
        "class with a violation is refused when it loads, and the program fails at that point.",
        "Prints one line per violation on standard output:",
        "  CLASS.METHOD(PARAMS) line N WHAT: WHY (rule ID)",
        "Rules: net (sockets, URL connections, HTTP), exec (ProcessBuilder, Runtime.exec), native",
        "(native methods, System.load*), unsafe (sun.misc/jdk.internal.misc.Unsafe), reflect-internal",
        "(JDK or Roam internals, directly or through constant class names), security-manager",
        "(System.setSecurityManager, Policy.setPolicy), define-class (class loaders, Lookup.defineClass,",
        "hidden classes), concurrency (java.util.concurrent locks, blocking queues, executors, parallel",
        "streams). Reflection whose target is only known at run time is checked when it runs.",
        "See docs/design/sandbox.md.",
        "Exit code: 0 when the program is clean, 1 when violations were found, 2 when CP cannot be read",
        "or does not hold MAIN."})
final class LocalCheck implements Callable<Integer> {
  @Option(names = {"--cp", "-cp", "--class-path"}, paramLabel = "CP", required = true,
      description = "Class path of the program: jars and directories separated by '${sys:path.separator}'.")
  String classPath;

  @Parameters(index = "0", paramLabel = "MAIN", description = "Fully qualified main class (must be on CP).")
  String mainClass;

  @Override
  public Integer call() {
    CodeSource code;
    try {
      code = CodeSource.fromClassPath(classPath);
    } catch (IOException e) {
      System.err.println("roam: cannot read class path " + classPath + ": " + e.getMessage());
      return 2;
    }
    if (code.classBytes(mainClass.replace('.', '/')) == null) {
      System.err.println("roam: main class " + mainClass + " is not on the class path " + classPath);
      return 2;
    }
    SandboxVerifier verifier = new SandboxVerifier(new ClassHierarchy(code::classBytes, LocalCheck.class.getClassLoader()));
    int classes = 0;
    int refused = 0;
    int violations = 0;
    boolean unreadable = false;
    for (Map.Entry<String, byte[]> e : code.entries().entrySet()) {
      String name = e.getKey();
      if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
        continue;
      }
      classes++;
      List<Violation> found;
      try {
        found = verifier.verify(e.getValue());
      } catch (RuntimeException corrupt) {
        System.err.println("roam: cannot read class file " + name + ": " + RoamCommand.oneLine(corrupt));
        unreadable = true;
        continue;
      }
      found.forEach(v -> System.out.println(v.message()));
      violations += found.size();
      refused += found.isEmpty() ? 0 : 1;
    }
    System.err.println(violations == 0 ? "roam: no sandbox violations in " + classes + " classes"
        : "roam: " + violations + " sandbox violation" + (violations == 1 ? "" : "s") + " in " + refused + " of "
            + classes + " classes; 'roam local run' refuses each such class when it loads");
    return unreadable ? 2 : violations == 0 ? 0 : 1;
  }
}
