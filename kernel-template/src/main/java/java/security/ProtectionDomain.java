package java.security;

/**
 * Kiln's {@code ProtectionDomain}: a code source, a class loader, principals and static permissions, as the JDK
 * declares them. Kiln has no security manager and no policy (its {@link AccessController} runs every privileged
 * action as it is), so a domain implies exactly its static permissions. The JDK's consults the installed
 * {@code Policy} in {@code implies} and {@code toString}, which brings the policy file parser, URLs, sockets and
 * the file system into the image; the JDK's {@code ForkJoinPool} builds domains for its innocuous workers.
 */
public class ProtectionDomain {
    private final CodeSource codesource;
    private final ClassLoader classloader;
    private final Principal[] principals;
    private final PermissionCollection permissions;

    public ProtectionDomain(CodeSource codesource, PermissionCollection permissions) {
        this(codesource, permissions, null, null);
    }

    public ProtectionDomain(CodeSource codesource, PermissionCollection permissions, ClassLoader classloader,
            Principal[] principals) {
        this.codesource = codesource;
        if (permissions != null) {
            permissions.setReadOnly();
        }
        this.permissions = permissions;
        this.classloader = classloader;
        this.principals = principals == null ? new Principal[0] : principals.clone();
    }

    public final CodeSource getCodeSource() {
        return codesource;
    }

    public final ClassLoader getClassLoader() {
        return classloader;
    }

    public final Principal[] getPrincipals() {
        return principals.clone();
    }

    public final PermissionCollection getPermissions() {
        return permissions;
    }

    /** Always true on Kiln: with no policy, the static permissions are all there is. */
    public final boolean staticPermissionsOnly() {
        return true;
    }

    public boolean implies(Permission permission) {
        return permissions != null && permissions.implies(permission);
    }

    @Override
    public String toString() {
        return "ProtectionDomain " + codesource + " " + classloader + " " + principals.length + " principals "
                + permissions;
    }
}
