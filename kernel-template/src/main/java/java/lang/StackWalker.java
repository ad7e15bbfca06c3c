package java.lang;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import kiln.runtime.Exceptions;

/**
 * Kiln's {@code StackWalker}: the frames of the calling thread, from the method table's names and line tables
 * (kiln.runtime.Exceptions walks the frame-pointer chain, as for a stack trace). The JDK's walks through
 * {@code StackStreamFactory}, whose natives fill frame buffers from HotSpot's own stack walk.
 *
 * <p>Differences from the JDK: a walk takes a snapshot of the whole stack when {@link #walk} is called, and the
 * frames' {@link StackFrame#getByteCodeIndex()} is -1 (the image keeps lines, not bytecode indexes). As on
 * HotSpot, reflective calls are hidden unless {@link Option#SHOW_REFLECT_FRAMES}, and the frames that HotSpot
 * never shows a walker by default — the kernel's and the runtime's (class initialization, for one) and those of
 * the classes compiled for lambdas — unless {@link Option#SHOW_HIDDEN_FRAMES}.
 *
 * <p>Rejected: compiling the JDK's {@code StackWalker} over a Kiln {@code StackStreamFactory}: that class's
 * batches, anchors and continuation checks exist to page through HotSpot's frames lazily, with nothing to
 * gain over one snapshot in a guest whose stacks are short.
 */
public final class StackWalker {
    /** As the JDK's options. */
    public enum Option {
        RETAIN_CLASS_REFERENCE,
        SHOW_REFLECT_FRAMES,
        SHOW_HIDDEN_FRAMES
    }

    /** As the JDK's: one frame of the walk. */
    public interface StackFrame {
        String getClassName();

        String getMethodName();

        Class<?> getDeclaringClass();

        default MethodType getMethodType() {
            throw new UnsupportedOperationException();
        }

        default String getDescriptor() {
            throw new UnsupportedOperationException();
        }

        int getByteCodeIndex();

        String getFileName();

        int getLineNumber();

        boolean isNativeMethod();

        StackTraceElement toStackTraceElement();
    }

    private final Set<Option> options;

    private StackWalker(Set<Option> options) {
        this.options = options;
    }

    public static StackWalker getInstance() {
        return new StackWalker(EnumSet.noneOf(Option.class));
    }

    public static StackWalker getInstance(Option option) {
        return new StackWalker(EnumSet.of(Objects.requireNonNull(option)));
    }

    public static StackWalker getInstance(Set<Option> options) {
        return new StackWalker(options.isEmpty() ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(options));
    }

    /** The estimated depth only sizes the JDK's first batch of frames; a snapshot needs no estimate. */
    public static StackWalker getInstance(Set<Option> options, int estimateDepth) {
        if (estimateDepth <= 0) {
            throw new IllegalArgumentException("estimateDepth must be > 0");
        }
        return getInstance(options);
    }

    /** Applies {@code function} to a stream of the caller's frames, innermost first. */
    public <T> T walk(Function<? super Stream<StackFrame>, ? extends T> function) {
        Objects.requireNonNull(function);
        return function.apply(frames(Exceptions.framesAbove("java.lang.StackWalker.walk")).stream());
    }

    public void forEach(Consumer<? super StackFrame> action) {
        Objects.requireNonNull(action);
        frames(Exceptions.framesAbove("java.lang.StackWalker.forEach")).forEach(action);
    }

    /**
     * The class of the caller of the method that calls this one; as the JDK, it needs
     * {@link Option#RETAIN_CLASS_REFERENCE}, and reflective frames are skipped whatever the options.
     */
    public Class<?> getCallerClass() {
        if (!options.contains(Option.RETAIN_CLASS_REFERENCE)) {
            throw new UnsupportedOperationException("This stack walker does not have RETAIN_CLASS_REFERENCE access");
        }
        List<StackFrame> frames = frames(Exceptions.framesAbove("java.lang.StackWalker.getCallerClass"));
        for (int i = 1; i < frames.size(); i++) {
            if (!Exceptions.isReflectiveCall(frames.get(i).getClassName() + "." + frames.get(i).getMethodName())) {
                return frames.get(i).getDeclaringClass();
            }
        }
        throw new IllegalCallerException("no caller frame");
    }

    private List<StackFrame> frames(long[] returnAddresses) {
        List<StackFrame> frames = new ArrayList<>(returnAddresses.length);
        for (long returnAddress : returnAddresses) {
            String method = Exceptions.methodAt(returnAddress);
            boolean shown = (options.contains(Option.SHOW_REFLECT_FRAMES) || !Exceptions.isReflectiveCall(method))
                    && (options.contains(Option.SHOW_HIDDEN_FRAMES) || !Exceptions.isHiddenFrame(method));
            if (shown) {
                frames.add(new Frame(method, returnAddress, options.contains(Option.RETAIN_CLASS_REFERENCE)));
            }
        }
        return frames;
    }

    /** A frame by its method's name ("pkg.Class.method") and the return address into its code. */
    private static final class Frame implements StackFrame {
        private final String className;
        private final String methodName;
        private final long returnAddress;
        private final boolean classReference;

        Frame(String method, long returnAddress, boolean classReference) {
            int dot = method.lastIndexOf('.');
            this.className = method.substring(0, dot);
            this.methodName = method.substring(dot + 1);
            this.returnAddress = returnAddress;
            this.classReference = classReference;
        }

        @Override
        public String getClassName() {
            return className;
        }

        @Override
        public String getMethodName() {
            return methodName;
        }

        @Override
        public Class<?> getDeclaringClass() {
            if (!classReference) {
                throw new UnsupportedOperationException("No access to RETAIN_CLASS_REFERENCE");
            }
            try {
                return Class.forName(className, false, null);
            } catch (ClassNotFoundException e) {
                throw new InternalError("the frame's class " + className + " has no Class object in the image", e);
            }
        }

        @Override
        public int getByteCodeIndex() {
            return -1;
        }

        @Override
        public String getFileName() {
            return Exceptions.sourceFileAt(returnAddress);
        }

        @Override
        public int getLineNumber() {
            return Exceptions.lineAt(returnAddress);
        }

        @Override
        public boolean isNativeMethod() {
            return false;
        }

        @Override
        public StackTraceElement toStackTraceElement() {
            return new StackTraceElement(className, methodName, getFileName(), getLineNumber());
        }

        @Override
        public String toString() {
            return toStackTraceElement().toString();
        }
    }
}
