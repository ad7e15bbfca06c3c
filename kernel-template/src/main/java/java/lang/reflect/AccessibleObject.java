package java.lang.reflect;

import java.lang.annotation.Annotation;
import kiln.lib.reflect.AnnotationInstance;

/**
 * The base of Kiln's {@link Field}, {@link Method} and {@link Constructor}. Differences from the JDK: Kiln does
 * not check the caller's access to a member (there is no caller-sensitive frame walk), so a private member can
 * be used without {@link #setAccessible}; the flag is kept and reported, and a final field still refuses writes
 * without it, as in the JDK.
 */
public class AccessibleObject implements AnnotatedElement {
    boolean override;

    protected AccessibleObject() {}

    public static void setAccessible(AccessibleObject[] array, boolean flag) {
        for (AccessibleObject member : array) {
            member.setAccessible(flag);
        }
    }

    public void setAccessible(boolean flag) {
        override = flag;
    }

    public final boolean trySetAccessible() {
        override = true;
        return true;
    }

    @Deprecated(since = "9")
    public boolean isAccessible() {
        return override;
    }

    /** True when the flag is set or the member is public (Kiln does not know the caller, see above). */
    public final boolean canAccess(Object obj) {
        return override || this instanceof Member member && Modifier.isPublic(member.getModifiers())
                && Modifier.isPublic(member.getDeclaringClass().getModifiers());
    }

    /** The annotations the build recorded for this member (runtime retention only). */
    Annotation[] annotationsShared() {
        return new Annotation[0];
    }

    @Override
    public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
        return AnnotationInstance.find(annotationsShared(), annotationClass);
    }

    @Override
    public boolean isAnnotationPresent(Class<? extends Annotation> annotationClass) {
        return getAnnotation(annotationClass) != null;
    }

    @Override
    public <T extends Annotation> T[] getAnnotationsByType(Class<T> annotationClass) {
        return getDeclaredAnnotationsByType(annotationClass);
    }

    @Override
    public <T extends Annotation> T getDeclaredAnnotation(Class<T> annotationClass) {
        return getAnnotation(annotationClass);
    }

    /** The annotations of that type, without looking into containers of repeatable annotations (JLS §9.6.3). */
    @Override
    public <T extends Annotation> T[] getDeclaredAnnotationsByType(Class<T> annotationClass) {
        T found = getAnnotation(annotationClass);
        @SuppressWarnings("unchecked")
        T[] result = (T[]) Array.newInstance(annotationClass, found == null ? 0 : 1);
        if (found != null) {
            result[0] = found;
        }
        return result;
    }

    @Override
    public Annotation[] getAnnotations() {
        return annotationsShared().clone();
    }

    @Override
    public Annotation[] getDeclaredAnnotations() {
        return annotationsShared().clone();
    }
}
