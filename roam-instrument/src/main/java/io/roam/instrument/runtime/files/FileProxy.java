package io.roam.instrument.runtime.files;

/**
 * A process-side file object (a stream, reader, writer, random-access file or channel) whose
 * state lives in the kernel under a handle. On the process heap it is captured as a canonical
 * object: its {@link #proxyKey()} (kind, handle and the little state the object keeps itself),
 * from which {@link FileProxies#recreate} builds the equivalent object in the resuming JVM, where
 * the kernel has reopened the handle. Keep the key format in sync with {@link FileProxies}.
 */
public interface FileProxy {
  /** The kernel file interface this object belongs to. */
  FileService fileService();

  /** {@code kind:handle[:more]}, read back by {@link FileProxies#recreate}. */
  String proxyKey();
}
