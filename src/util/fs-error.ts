// Words for a failed file-system call, for diagnostics (FL0005 cannot read, FL0015 cannot write).

/** `permission denied`, `no such folder`, ... for the error a node:fs call threw. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOENT":
      return "no such file or folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ENOSPC":
      return "no space left on the device";
    case "EROFS":
      return "the file system is read-only";
    default:
      return code ?? String(error);
  }
}
