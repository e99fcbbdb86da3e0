/*
 * The stat family for binaries linked against glibc 2.28 by toolchain/zig-cc.
 *
 * Before glibc 2.33 the C library exported no stat, lstat, fstat or fstatat functions: programs
 * called __xstat64 and its siblings, and the small wrappers lived in the static libc_nonshared.a.
 * The linker's own copy of those wrappers (Zig 0.11) stores the kernel's error code in a private
 * errno of its own instead of the C library's, so a failed stat reported -1 with errno unchanged and
 * SQLite, which tells "no such file" from other failures by errno, refused to create a new database.
 * These definitions call the C library's versioned entry points (GLIBC_2.2.5, present in every
 * glibc since), which set the real errno. Hidden: the executable exports none of them, so a library
 * loaded later never binds to them instead of its own C library's.
 */
struct stat;
struct stat64;

/* _STAT_VER_LINUX on x86-64: the layout of struct stat the kernel and glibc share. */
#define STAT_VERSION 1

extern int __xstat64(int version, const char *path, struct stat64 *buf);
extern int __lxstat64(int version, const char *path, struct stat64 *buf);
extern int __fxstat64(int version, int fd, struct stat64 *buf);
extern int __fxstatat64(int version, int dirfd, const char *path, struct stat64 *buf, int flags);

#define HIDDEN __attribute__((visibility("hidden")))

HIDDEN int stat64(const char *path, struct stat64 *buf) { return __xstat64(STAT_VERSION, path, buf); }
HIDDEN int lstat64(const char *path, struct stat64 *buf) { return __lxstat64(STAT_VERSION, path, buf); }
HIDDEN int fstat64(int fd, struct stat64 *buf) { return __fxstat64(STAT_VERSION, fd, buf); }
HIDDEN int fstatat64(int dirfd, const char *path, struct stat64 *buf, int flags)
{
    return __fxstatat64(STAT_VERSION, dirfd, path, buf, flags);
}

/* On x86-64 struct stat and struct stat64 are the same, and so are the functions. */
HIDDEN int stat(const char *path, struct stat *buf) { return stat64(path, (struct stat64 *)buf); }
HIDDEN int lstat(const char *path, struct stat *buf) { return lstat64(path, (struct stat64 *)buf); }
HIDDEN int fstat(int fd, struct stat *buf) { return fstat64(fd, (struct stat64 *)buf); }
HIDDEN int fstatat(int dirfd, const char *path, struct stat *buf, int flags)
{
    return fstatat64(dirfd, path, (struct stat64 *)buf, flags);
}
