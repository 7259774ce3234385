package sandbox;

/** The second class of {@link Smuggler}: more violations, found by the check though never loaded by a run. */
class Accomplice {
  static native void help();

  static void escape() throws Exception {
    new ProcessBuilder("true").start().waitFor();
  }
}
