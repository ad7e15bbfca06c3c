package kiln.lib.patches.jdk.internal.reflect;

import kiln.runtime.Exceptions;

/**
 * Replaces the native {@code Reflection.getCallerClass()} (see the compiler's JdkMethodPatches), which the JDK's
 * {@code @CallerSensitive} methods call to learn who called them: {@code Logger.getLogger} (a class of the JDK or
 * of the class path gets a system or a user logger), {@code ResourceBundle.getBundle}. The answer is the class of
 * the caller of this method's caller, found on the stack by the method table's names; reflective calls and the
 * runtime's own frames in between are skipped, as HotSpot skips {@code Method.invoke}.
 */
public final class Reflection {
    private Reflection() {
    }

    public static Class<?> getCallerClass() {
        long[] frames = Exceptions.framesAbove("jdk.internal.reflect.Reflection.getCallerClass");
        for (int i = 1; i < frames.length; i++) { // frames[0] is the caller-sensitive method itself
            String method = Exceptions.methodAt(frames[i]);
            if (!Exceptions.isReflectiveCall(method) && !Exceptions.isHiddenFrame(method)) {
                String className = method.substring(0, method.lastIndexOf('.'));
                try {
                    return Class.forName(className, false, null);
                } catch (ClassNotFoundException e) {
                    throw new InternalError("the caller's class " + className + " has no Class object in the image", e);
                }
            }
        }
        return null; // called from the outermost frame, which only the kernel's start path has
    }
}
