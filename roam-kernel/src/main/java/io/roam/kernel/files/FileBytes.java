package io.roam.kernel.files;

/**
 * Bytes one process has read from and written to one file (accounting, issue 3 item 8).
 *
 * @param read bytes read
 * @param written bytes written
 */
public record FileBytes(long read, long written) {}
